package org.vansdk.fhir;

import static org.vansdk.fhir.FhirNames.CS_STATUS_REASON;
import static org.vansdk.fhir.FhirNames.CS_TASK_INPUT;
import static org.vansdk.fhir.FhirNames.EXT_STATUS_HISTORY;
import static org.vansdk.fhir.FhirNames.ID_ATTEMPT;

import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.vansdk.core.VanException;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.id.ServiceId;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.Referral;
import org.vansdk.core.referral.ReferralAttempt;
import org.vansdk.core.referral.StatusChange;

/**
 * A referral attempt as a Task on our {@code van-task} profile (the SDOH Clinical Care IG's
 * referral Task: intent {@code order}, code {@code fulfill}, focus the ServiceRequest, for the
 * Patient, requester the referring and owner the target Organization): status mapped one to one
 * ({@link TaskStatuses}), {@code statusReason} for declined, on hold, not completed and cancelled,
 * and the full status history in our {@code van-status-history} extension.
 */
final class AttemptTask {
  static final String INPUT_TARGET_SERVICE = "target-service";
  static final String INPUT_DESTINATION_COUNTRY = "destination-country";
  static final String INPUT_REPLACES = "replaces";
  static final String OUTPUT_OUTCOME = "outcome";

  private AttemptTask() {}

  static Task of(Referral referral, ReferralAttempt a, boolean inBundle, boolean serviceInBundle) {
    Task t = new Task();
    t.setId(FhirNames.resourceId("Task", a.id().value()));
    t.getMeta().addProfile(FhirNames.PROFILE_TASK);
    t.addIdentifier().setSystem(ID_ATTEMPT).setValue(a.id().value());
    t.setStatus(TaskStatuses.toTask(a.status()));
    if (TaskStatuses.WITH_REASON.contains(a.status()) && !a.history().isEmpty()) {
      StatusChange last = a.history().get(a.history().size() - 1);
      if (last.reasonCode().isPresent() || last.text().isPresent()) {
        t.setStatusReason(reason(last));
      }
    }
    t.setIntent(Task.TaskIntent.ORDER);
    t.getCode()
        .addCoding()
        .setSystem("http://hl7.org/fhir/CodeSystem/task-code")
        .setCode("fulfill");
    t.setFocus(Refs.to("ServiceRequest", FhirNames.ID_REFERRAL, referral.id().value(), inBundle));
    t.setFor(Refs.to("Patient", FhirNames.ID_PERSON, referral.personId().value(), inBundle));
    Instant authored = a.history().isEmpty() ? referral.createdAt() : a.history().get(0).at();
    t.setAuthoredOnElement(Refs.dateTime(authored));
    if (!a.history().isEmpty()) {
      t.setLastModifiedElement(Refs.dateTime(a.history().get(a.history().size() - 1).at()));
    }
    t.setRequester(
        Refs.to(
            "Organization",
            FhirNames.ID_ORGANISATION,
            referral.referringOrganisation().value(),
            inBundle));
    t.setOwner(
        Refs.to(
            "Organization", FhirNames.ID_ORGANISATION, a.targetOrganisation().value(), inBundle));
    a.targetService()
        .ifPresent(
            s ->
                t.addInput()
                    .setType(concept(CS_TASK_INPUT, INPUT_TARGET_SERVICE))
                    .setValue(
                        Refs.to(
                            "HealthcareService",
                            FhirNames.ID_SERVICE,
                            s.value(),
                            inBundle && serviceInBundle)));
    t.addInput()
        .setType(concept(CS_TASK_INPUT, INPUT_DESTINATION_COUNTRY))
        .setValue(new CodeType(a.destinationCountry().code()));
    a.replaces()
        .ifPresent(
            r ->
                t.addInput()
                    .setType(concept(CS_TASK_INPUT, INPUT_REPLACES))
                    .setValue(Refs.to("Task", ID_ATTEMPT, r.value(), false)));
    a.outcome()
        .ifPresent(
            o ->
                t.addOutput()
                    .setType(concept(CS_TASK_INPUT, OUTPUT_OUTCOME))
                    .setValue(Refs.text(o)));
    history(t, a.history());
    return t;
  }

  static void history(Task t, List<StatusChange> history) {
    t.getExtension().removeIf(e -> EXT_STATUS_HISTORY.equals(e.getUrl()));
    for (StatusChange c : history) {
      Extension e = t.addExtension().setUrl(EXT_STATUS_HISTORY);
      e.addExtension("status", new CodeType(c.status().code()));
      e.addExtension("at", Refs.instant(c.at()));
      c.reasonCode().ifPresent(r -> e.addExtension("reason", new CodeType(r)));
      c.text().ifPresent(x -> e.addExtension("text", Refs.text(x)));
    }
  }

  static CodeableConcept reason(StatusChange c) {
    CodeableConcept cc = new CodeableConcept();
    c.reasonCode().ifPresent(r -> cc.addCoding().setSystem(CS_STATUS_REASON).setCode(r));
    c.text().ifPresent(x -> cc.setTextElement(Refs.text(x)));
    return cc;
  }

  static CodeableConcept concept(String system, String code) {
    return new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(system, code, null));
  }

  /** Reads a Task of ours back into the attempt; {@code path} names the Task in messages. */
  static ReferralAttempt read(Task t, String path) {
    ReferralAttempt.Builder a = ReferralAttempt.builder();
    a.id(
        Fields.parse(
            Fields.identifier(t.getIdentifier(), ID_ATTEMPT, path + ".identifier"),
            AttemptId::parse,
            path + ".identifier",
            "an attempt id (ISO3-ORG-local)"));
    a.referralId(
        Fields.parse(
            Fields.referenced(t.getFocus(), FhirNames.ID_REFERRAL, path + ".focus"),
            ReferralId::parse,
            path + ".focus.identifier.value",
            "a referral id (ISO3-ORG-local)"));
    a.targetOrganisation(
        Fields.parse(
            Fields.referenced(t.getOwner(), FhirNames.ID_ORGANISATION, path + ".owner"),
            OrganisationId::parse,
            path + ".owner.identifier.value",
            "an organisation id (ISO3-ORG-local)"));
    if (!t.hasStatus()) {
      throw Fields.missing(path + ".status", "is required");
    }
    AttemptStatus status =
        TaskStatuses.fromTask(t.getStatus())
            .orElseThrow(
                () ->
                    Fields.invalid(
                        path + ".status",
                        "Task status "
                            + t.getStatus().toCode()
                            + " has no attempt status; allowed: "
                            + TaskStatuses.TO_TASK.values().stream()
                                .map(Task.TaskStatus::toCode)
                                .toList()));
    a.status(status);
    boolean country = false;
    for (int i = 0; i < t.getInput().size(); i++) {
      Task.ParameterComponent p = t.getInput().get(i);
      String at = path + ".input[" + i + "]";
      String type =
          Fields.code(p.getType(), CS_TASK_INPUT)
              .orElseThrow(() -> Fields.missing(at + ".type", "needs a code of " + CS_TASK_INPUT));
      switch (type) {
        case INPUT_TARGET_SERVICE:
          a.targetService(
              Fields.parse(
                  Fields.referenced(
                      p.getValue() instanceof Reference r ? r : null,
                      FhirNames.ID_SERVICE,
                      at + ".valueReference"),
                  ServiceId::parse,
                  at + ".valueReference.identifier.value",
                  "a service id (ISO3-ORG-local)"));
          break;
        case INPUT_DESTINATION_COUNTRY:
          if (!(p.getValue() instanceof CodeType c)) {
            throw Fields.missing(at + ".valueCode", "the destination country is a code");
          }
          a.destinationCountry(
              Fields.parse(
                  c.getValue(),
                  CountryCode::parse,
                  at + ".valueCode",
                  "an ISO 3166-1 alpha-3 code"));
          country = true;
          break;
        case INPUT_REPLACES:
          a.replaces(
              Fields.parse(
                  Fields.referenced(
                      p.getValue() instanceof Reference r ? r : null,
                      ID_ATTEMPT,
                      at + ".valueReference"),
                  AttemptId::parse,
                  at + ".valueReference.identifier.value",
                  "an attempt id (ISO3-ORG-local)"));
          break;
        default:
          throw Fields.invalid(
              at + ".type",
              "unknown input; allowed: "
                  + List.of(INPUT_TARGET_SERVICE, INPUT_DESTINATION_COUNTRY, INPUT_REPLACES));
      }
    }
    if (!country) {
      throw Fields.missing(path + ".input", "needs the " + INPUT_DESTINATION_COUNTRY + " input");
    }
    for (int i = 0; i < t.getOutput().size(); i++) {
      Task.TaskOutputComponent o = t.getOutput().get(i);
      String at = path + ".output[" + i + "]";
      if (!Fields.code(o.getType(), CS_TASK_INPUT).equals(java.util.Optional.of(OUTPUT_OUTCOME))
          || !(o.getValue() instanceof org.hl7.fhir.r4.model.StringType s)) {
        throw Fields.invalid(at, "the only output is " + OUTPUT_OUTCOME + " (a valueString)");
      }
      a.outcome(Fields.text(s, at + ".valueString"));
    }
    a.history(readHistory(t, path));
    try {
      return a.build();
    } catch (VanException e) {
      throw new FhirException(
          FhirException.INCONSISTENT,
          path
              + ": the status, history and inputs do not make an attempt ("
              + e.code().value()
              + ")");
    }
  }

  private static List<StatusChange> readHistory(Task t, String path) {
    List<StatusChange> out = new java.util.ArrayList<>();
    for (int i = 0; i < t.getExtension().size(); i++) {
      Extension e = t.getExtension().get(i);
      String at = path + ".extension[" + i + "]";
      if (!EXT_STATUS_HISTORY.equals(e.getUrl())) {
        throw Fields.invalid(at + ".url", "unknown extension; allowed: " + EXT_STATUS_HISTORY);
      }
      StatusChange.Builder c = StatusChange.builder();
      boolean status = false;
      boolean when = false;
      for (int j = 0; j < e.getExtension().size(); j++) {
        Extension x = e.getExtension().get(j);
        String xp = at + ".extension[" + j + "]";
        switch (String.valueOf(x.getUrl())) {
          case "status":
            c.status(
                Fields.parse(
                    x.getValue() == null ? "" : x.getValue().primitiveValue(),
                    AttemptStatus::fromCode,
                    xp + ".valueCode",
                    "an attempt status code"));
            status = true;
            break;
          case "at":
            if (!(x.getValue() instanceof InstantType it) || it.getValue() == null) {
              throw Fields.missing(xp + ".valueInstant", "is required");
            }
            c.at(it.getValue().toInstant());
            when = true;
            break;
          case "reason":
            c.reasonCode(x.getValue() == null ? "" : x.getValue().primitiveValue());
            break;
          case "text":
            if (!(x.getValue() instanceof org.hl7.fhir.r4.model.StringType s)) {
              throw Fields.missing(xp + ".valueString", "is required");
            }
            c.text(Fields.text(s, xp + ".valueString"));
            break;
          default:
            throw Fields.invalid(xp + ".url", "allowed: status, at, reason, text");
        }
      }
      if (!status || !when) {
        throw Fields.missing(at, "a history entry needs status and at");
      }
      out.add(c.build());
    }
    return out;
  }
}
