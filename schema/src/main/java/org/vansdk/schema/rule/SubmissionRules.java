package org.vansdk.schema.rule;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.vansdk.core.submission.RecordType;
import org.vansdk.schema.validation.IssueCode;
import org.vansdk.schema.validation.ValidationIssue;
import tools.jackson.databind.JsonNode;

/**
 * Semantic rules across the records of a submission: identifiers unique, references resolve, dates
 * in order, age consistent with birth date, nothing after death, consent covers referrals. Keeps
 * only identifiers and dates, never whole records. Thread-safe (no state between calls).
 *
 * @since 1.0
 */
public final class SubmissionRules {
  /** A reference from one array's property to the identifiers of another array, as data. */
  private static final List<String[]> REFERENCES =
      List.of(
          new String[] {"casualties", "personId", "persons"},
          new String[] {"casualties", "incidentId", "incidents"},
          new String[] {"affectedRelations", "personId", "persons"},
          new String[] {"affectedRelations", "casualtyId", "casualties"},
          new String[] {"functioningAssessments", "personId", "persons"},
          new String[] {"needsAssessments", "personId", "persons"},
          new String[] {"qualityOfLifeSurveys", "personId", "persons"},
          new String[] {"serviceDeliveries", "personId", "persons"},
          new String[] {"serviceDeliveries", "referralId", "referrals"},
          new String[] {"serviceDeliveries", "serviceId", "services"},
          new String[] {"serviceLocations", "serviceId", "services"},
          new String[] {"consents", "personId", "persons"},
          new String[] {"referrals", "personId", "persons"},
          new String[] {"referrals", "basedOn", "referrals"},
          new String[] {"referralAttempts", "referralId", "referrals"},
          new String[] {"referralAttempts", "targetService", "services"},
          new String[] {"referralAttempts", "replaces", "referralAttempts"});

  /** Arrays whose records have an {@code id}. */
  static final List<String> ID_ARRAYS =
      List.of(
          "persons",
          "incidents",
          "casualties",
          "functioningAssessments",
          "needsAssessments",
          "organisations",
          "services",
          "serviceLocations",
          "serviceDeliveries",
          "consents",
          "referrals",
          "referralAttempts",
          "qualityOfLifeSurveys");

  /** Creates the rules. */
  public SubmissionRules() {}

  /**
   * Checks a submission tree that passed the structural layer.
   *
   * @param submission the tree
   * @param now the validation time (unused for now; dates in the future are record rules)
   * @param sink receives issues
   */
  public void check(JsonNode submission, Instant now, Consumer<ValidationIssue> sink) {
    Map<String, Set<String>> ids = new HashMap<>();
    for (String array : ID_ARRAYS) {
      Set<String> seen = new HashSet<>();
      JsonNode records = submission.path(array);
      for (int i = 0; i < records.size(); i++) {
        Optional<String> id = Values.text(records.get(i), "id");
        if (id.isPresent() && !seen.add(id.get())) {
          sink.accept(
              ValidationIssue.error(
                  IssueCode.DUPLICATE_ID,
                  "/" + array + "/" + i + "/id",
                  "identifier used by an earlier record in " + array + "; identifiers are unique"));
        }
      }
      ids.put(array, seen);
    }
    for (String[] ref : REFERENCES) {
      JsonNode records = submission.path(ref[0]);
      for (int i = 0; i < records.size(); i++) {
        Optional<String> target = Values.text(records.get(i), ref[1]);
        if (target.isPresent() && !Objects.requireNonNull(ids.get(ref[2])).contains(target.get())) {
          sink.accept(
              ValidationIssue.error(
                  IssueCode.UNRESOLVED_REFERENCE,
                  "/" + ref[0] + "/" + i + "/" + ref[1],
                  ref[1] + " does not resolve: no record with that id in " + ref[2]));
        }
      }
    }
    consents(submission, ids, sink);
    timeline(submission, sink);
  }

  private static void consents(
      JsonNode submission, Map<String, Set<String>> ids, Consumer<ValidationIssue> sink) {
    Map<String, JsonNode> consents = new HashMap<>();
    JsonNode all = submission.path("consents");
    for (int i = 0; i < all.size(); i++) {
      Values.text(all.get(i), "id").ifPresent(id -> consents.putIfAbsent(id, null));
      Optional<String> id = Values.text(all.get(i), "id");
      if (id.isPresent()) {
        consents.put(id.get(), all.get(i));
      }
    }
    JsonNode referrals = submission.path("referrals");
    for (int i = 0; i < referrals.size(); i++) {
      JsonNode r = referrals.get(i);
      Optional<String> consentId = Values.text(r, "consentId");
      if (consentId.isEmpty()) {
        continue;
      }
      String at = "/referrals/" + i + "/consentId";
      JsonNode consent = consents.get(consentId.get());
      if (consent == null) {
        sink.accept(
            ValidationIssue.error(
                IssueCode.CONSENT_MISSING,
                at,
                "the referral's consent is not in the submission; add the Consent record"));
        continue;
      }
      boolean samePerson = Values.text(consent, "personId").equals(Values.text(r, "personId"));
      boolean purpose = false;
      for (JsonNode p : consent.path("purposes")) {
        purpose |= p.isString() && p.asString().equals("referral");
      }
      if (!samePerson || !purpose) {
        sink.accept(
            ValidationIssue.error(
                IssueCode.CONSENT_NOT_COVERING,
                at,
                "the consent does not cover this referral; it must be the same person's consent"
                    + " with purpose referral"));
      }
    }
  }

  /** Arrays whose records the timeline rules read, with their record types. */
  private static final Object[][] TIMELINE_ARRAYS = {
    {"persons", RecordType.PERSON},
    {"incidents", RecordType.INCIDENT},
    {"casualties", RecordType.CASUALTY},
    {"functioningAssessments", RecordType.FUNCTIONING_ASSESSMENT},
    {"needsAssessments", RecordType.NEEDS_ASSESSMENT},
    {"referrals", RecordType.REFERRAL},
    {"serviceDeliveries", RecordType.SERVICE_DELIVERY},
  };

  private static void timeline(JsonNode submission, Consumer<ValidationIssue> sink) {
    TimelineRules rules = TimelineRules.forSubmission();
    for (Object[] a : TIMELINE_ARRAYS) {
      JsonNode records = submission.path((String) a[0]);
      for (int i = 0; i < records.size(); i++) {
        rules.add((RecordType) a[1], records.get(i), i);
      }
    }
    rules.finish(sink);
  }
}
