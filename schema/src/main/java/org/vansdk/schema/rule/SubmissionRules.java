package org.vansdk.schema.rule;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.vansdk.core.time.AgeRange;
import org.vansdk.core.time.PartialDate;
import org.vansdk.schema.validation.IssueCode;
import org.vansdk.schema.validation.ValidationIssue;
import tools.jackson.databind.JsonNode;

/**
 * Semantic rules across the records of a submission: identifiers unique, references resolve, dates
 * in order, age consistent with birth date, nothing after death, consent covers referrals. Keeps
 * only identifiers and dates, never whole records. Thread-safe (no state between calls).
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
        if (target.isPresent() && !ids.get(ref[2]).contains(target.get())) {
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

  private static void timeline(JsonNode submission, Consumer<ValidationIssue> sink) {
    Map<String, PartialDate> birth = new HashMap<>();
    JsonNode persons = submission.path("persons");
    for (JsonNode p : persons) {
      Optional<String> id = Values.text(p, "id");
      Optional<PartialDate> b = Values.partialDate(p, "birthDate");
      if (id.isPresent() && b.isPresent()) {
        birth.put(id.get(), b.get());
      }
    }
    Map<String, PartialDate> incidentDate = new HashMap<>();
    for (JsonNode n : submission.path("incidents")) {
      Optional<String> id = Values.text(n, "id");
      Optional<PartialDate> d = Values.partialDate(n, "date");
      if (id.isPresent() && d.isPresent()) {
        incidentDate.put(id.get(), d.get());
      }
    }
    Map<String, PartialDate> firstIncident = new HashMap<>();
    Map<String, PartialDate> death = new HashMap<>();
    JsonNode casualties = submission.path("casualties");
    for (int i = 0; i < casualties.size(); i++) {
      JsonNode c = casualties.get(i);
      String at = "/casualties/" + i;
      Optional<String> person = Values.text(c, "personId");
      Optional<PartialDate> incident = Values.text(c, "incidentId").map(incidentDate::get);
      Optional<PartialDate> died = Values.partialDate(c, "diedOn");
      if (person.isEmpty() || incident.isEmpty()) {
        continue;
      }
      firstIncident.merge(person.get(), incident.get(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
      PartialDate born = birth.get(person.get());
      if (born != null && born.isCertainlyAfter(incident.get())) {
        sink.accept(
            ValidationIssue.error(
                IssueCode.DATE_ORDER,
                at + "/incidentId",
                "the person's birthDate is after the incident; allowed: birth <= incident"));
      }
      if (died.isPresent() && died.get().isCertainlyBefore(incident.get())) {
        sink.accept(
            ValidationIssue.error(
                IssueCode.DIED_BEFORE_INCIDENT,
                at + "/diedOn",
                "diedOn is before the incident; allowed: on or after the incident date"));
      }
      Optional<Integer> age = Values.integer(c, "ageAtIncident");
      if (age.isPresent() && born != null && !born.isCertainlyAfter(incident.get())) {
        AgeRange range = AgeRange.between(born, incident.get());
        if (!range.contains(age.get())) {
          sink.accept(
              ValidationIssue.error(
                  IssueCode.AGE_INCONSISTENT,
                  at + "/ageAtIncident",
                  "ageAtIncident disagrees with the person's birthDate; allowed: "
                      + range.min()
                      + "-"
                      + range.max()));
        }
      }
      String outcome = Values.text(c, "outcome").orElse("");
      Optional<PartialDate> deathDate =
          died.isPresent() ? died : outcome.equals("killed") ? incident : Optional.empty();
      deathDate.ifPresent(d -> death.merge(person.get(), d, (a, b) -> a.compareTo(b) <= 0 ? a : b));
    }
    for (String array : new String[] {"functioningAssessments", "needsAssessments"}) {
      JsonNode records = submission.path(array);
      for (int i = 0; i < records.size(); i++) {
        JsonNode a = records.get(i);
        Optional<String> person = Values.text(a, "personId");
        Optional<PartialDate> date = Values.partialDate(a, "date");
        if (person.isEmpty() || date.isEmpty()) {
          continue;
        }
        PartialDate incident = firstIncident.get(person.get());
        if (incident != null && date.get().isCertainlyBefore(incident)) {
          sink.accept(
              ValidationIssue.error(
                  IssueCode.DATE_ORDER,
                  "/" + array + "/" + i + "/date",
                  "assessment date is before the person's incident; allowed: incident <="
                      + " assessment"));
        }
        PartialDate died = death.get(person.get());
        if (array.equals("needsAssessments") && died != null && date.get().isCertainlyAfter(died)) {
          sink.accept(
              ValidationIssue.error(
                  IssueCode.ASSESSMENT_AFTER_DEATH,
                  "/" + array + "/" + i + "/date",
                  "needs assessment after the person's death; allowed: none after death"));
        }
      }
    }
    Map<String, PartialDate> referralDay = new HashMap<>();
    JsonNode referrals = submission.path("referrals");
    for (int i = 0; i < referrals.size(); i++) {
      JsonNode r = referrals.get(i);
      Optional<String> id = Values.text(r, "id");
      Optional<Instant> created = Values.instant(r, "createdAt");
      if (id.isPresent() && created.isPresent()) {
        referralDay.put(id.get(), Values.dayOf(created.get()));
      }
      Optional<String> person = Values.text(r, "personId");
      PartialDate incident = person.map(firstIncident::get).orElse(null);
      if (created.isPresent()
          && incident != null
          && Values.dayOf(created.get()).isCertainlyBefore(incident)) {
        sink.accept(
            ValidationIssue.error(
                IssueCode.DATE_ORDER,
                "/referrals/" + i + "/createdAt",
                "referral created before the person's incident; allowed: incident <= referral"));
      }
    }
    JsonNode deliveries = submission.path("serviceDeliveries");
    for (int i = 0; i < deliveries.size(); i++) {
      JsonNode d = deliveries.get(i);
      Optional<PartialDate> start = Values.partialDate(d, "startDate");
      if (start.isEmpty()) {
        continue;
      }
      PartialDate referred = Values.text(d, "referralId").map(referralDay::get).orElse(null);
      if (referred != null && start.get().isCertainlyBefore(referred)) {
        sink.accept(
            ValidationIssue.error(
                IssueCode.DATE_ORDER,
                "/serviceDeliveries/" + i + "/startDate",
                "delivery starts before its referral was created; allowed: referral <= delivery"));
      }
      PartialDate died = Values.text(d, "personId").map(death::get).orElse(null);
      if (died != null && start.get().isCertainlyAfter(died)) {
        sink.accept(
            ValidationIssue.error(
                IssueCode.DELIVERY_AFTER_DEATH,
                "/serviceDeliveries/" + i + "/startDate",
                "service delivered after the person's death; allowed: nothing after death"));
      }
    }
  }
}
