package org.vansdk.fhir;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Task;
import org.vansdk.core.referral.AttemptStateTable;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.Referral;
import org.vansdk.core.referral.ReferralAttempt;
import org.vansdk.core.referral.Role;
import org.vansdk.core.referral.StatusChange;

/**
 * An attempt's state change as a FHIR Task update: a {@code transaction} Bundle with one entry, a
 * {@code PUT} of the Task (our {@code van-task} profile) with the new status, its {@code
 * statusReason} and the whole history, {@code ifMatch} the version before the change (the number of
 * moves, like the referral protocol's {@code baseVersion}). References carry our ids only: the
 * receiving server resolves them. Applying an update checks it against the attempt as held: the
 * same attempt, the history held as its beginning, and each new move allowed by the referral
 * module's attempt state table. Stateless, thread-safe.
 */
public final class TaskUpdates {
  private TaskUpdates() {}

  /**
   * The Task update that carries an attempt's latest state change.
   *
   * @param referral the referral the attempt meets
   * @param attempt the attempt after the change (at least one history entry)
   * @return a transaction Bundle with one PUT of the Task
   * @throws FhirException {@link FhirException#RECORDS_MISMATCH} when the attempt is another
   *     referral's or has no history
   */
  public static Bundle update(Referral referral, ReferralAttempt attempt) {
    if (!attempt.referralId().equals(referral.id())) {
      throw new FhirException(
          FhirException.RECORDS_MISMATCH,
          "attempt "
              + attempt.id().value()
              + " is not an attempt of referral "
              + referral.id().value());
    }
    if (attempt.history().isEmpty()) {
      throw new FhirException(
          FhirException.RECORDS_MISMATCH,
          "attempt " + attempt.id().value() + " has no history: there is no state change to send");
    }
    Task task = AttemptTask.of(referral, attempt, false, false);
    Bundle b = new Bundle();
    b.setType(Bundle.BundleType.TRANSACTION);
    b.setTimestampElement(Refs.instant(attempt.history().get(attempt.history().size() - 1).at()));
    Bundle.BundleEntryComponent e = b.addEntry();
    e.setFullUrl("urn:uuid:" + task.getIdElement().getIdPart());
    e.setResource(task);
    e.getRequest()
        .setMethod(Bundle.HTTPVerb.PUT)
        .setUrl("Task/" + task.getIdElement().getIdPart())
        .setIfMatch("W/\"" + (attempt.history().size() - 1) + "\"");
    return b;
  }

  /**
   * The Task update as FHIR JSON.
   *
   * @param referral the referral
   * @param attempt the attempt after the change
   * @return the JSON text
   */
  public static String toJson(Referral referral, ReferralAttempt attempt) {
    return ReferralBundles.json(update(referral, attempt));
  }

  /**
   * Applies a Task update (FHIR JSON) to the attempt as held.
   *
   * @param current the attempt as held
   * @param json the update
   * @return the attempt after the update
   * @throws FhirException see {@link #apply(ReferralAttempt, Bundle)}
   */
  public static ReferralAttempt apply(ReferralAttempt current, String json) {
    return apply(current, ReferralBundleReader.parse(json, Bundle.class));
  }

  /**
   * Applies a Task update to the attempt as held.
   *
   * @param current the attempt as held
   * @param update a transaction Bundle with the one Task
   * @return the attempt after the update
   * @throws FhirException {@link FhirException#MISSING} without the Task, {@link
   *     FhirException#INCONSISTENT} for another attempt or a history that rewrites the one held,
   *     {@link FhirException#TRANSITION_REFUSED} for a move the state table does not allow; the
   *     message names the path
   */
  public static ReferralAttempt apply(ReferralAttempt current, Bundle update) {
    if (update.getEntry().size() != 1
        || !(update.getEntryFirstRep().getResource() instanceof Task t)) {
      throw Fields.missing("Bundle.entry", "a Task update holds exactly one entry, the Task");
    }
    String path = "Bundle.entry[0].resource";
    ReferralAttempt next = AttemptTask.read(t, path);
    if (!next.id().equals(current.id())) {
      throw new FhirException(
          FhirException.INCONSISTENT,
          path
              + ".identifier: the update is for attempt "
              + next.id().value()
              + ", not "
              + current.id().value());
    }
    List<StatusChange> held = current.history();
    List<StatusChange> got = next.history();
    if (got.size() <= held.size() || !got.subList(0, held.size()).equals(held)) {
      throw new FhirException(
          FhirException.INCONSISTENT,
          path
              + ".extension: the history must begin with the "
              + held.size()
              + " entries held and add at least one");
    }
    Optional<AttemptStatus> state =
        held.isEmpty() ? Optional.empty() : Optional.of(current.status());
    for (int i = held.size(); i < got.size(); i++) {
      AttemptStatus to = got.get(i).status();
      Optional<AttemptStatus> from = state;
      boolean allowed =
          List.of(Role.values()).stream()
              .anyMatch(role -> AttemptStateTable.find(from, to, role).isPresent());
      if (!allowed) {
        throw new FhirException(
            FhirException.TRANSITION_REFUSED,
            path
                + ".extension["
                + i
                + "]: attempt "
                + current.id().value()
                + " cannot move from "
                + from.map(AttemptStatus::code).orElse("(none)")
                + " to "
                + to.code()
                + "; the attempt state table does not allow it");
      }
      state = Optional.of(to);
    }
    return next;
  }
}
