package org.vansdk.anonymisation.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vansdk.anonymisation.policy.AnonymisationPolicy;
import org.vansdk.anonymisation.pseudonym.InMemoryKeyProvider;
import org.vansdk.anonymisation.pseudonym.KeyProvider;
import org.vansdk.anonymisation.pseudonym.PseudonymKey;
import org.vansdk.anonymisation.pseudonym.Purpose;
import org.vansdk.anonymisation.pseudonym.Recipient;
import org.vansdk.core.casualty.Activity;
import org.vansdk.core.casualty.Casualty;
import org.vansdk.core.casualty.CivilianStatus;
import org.vansdk.core.casualty.Outcome;
import org.vansdk.core.code.YesNoUnknown;
import org.vansdk.core.deidentified.DeidentifiedCasualty;
import org.vansdk.core.functioning.FunctioningAssessment;
import org.vansdk.core.functioning.WgSsResponse;
import org.vansdk.core.id.AssessmentId;
import org.vansdk.core.id.CasualtyId;
import org.vansdk.core.id.ExternalIdentifier;
import org.vansdk.core.id.IncidentId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.id.SubmissionId;
import org.vansdk.core.incident.AccidentClass;
import org.vansdk.core.incident.DeviceCategory;
import org.vansdk.core.incident.Incident;
import org.vansdk.core.person.Person;
import org.vansdk.core.person.Sex;
import org.vansdk.core.place.AdminArea;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.place.Location;
import org.vansdk.core.submission.Submission;
import org.vansdk.core.time.PartialDate;

class RegionalSharingProfileTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T22:00:00Z"), ZoneOffset.UTC);
  static final byte[] SECRET = new byte[32];

  static {
    new Random(7).nextBytes(SECRET);
  }

  static KeyProvider keys() {
    return InMemoryKeyProvider.empty()
        .add(
            PseudonymKey.of(
                Purpose.of("regional_dashboard"), Recipient.of("regional"), 3, SECRET.clone()));
  }

  /** A synthetic, VA-shaped Cambodian submission (testkit generators are not used here). */
  static Submission submission(int casualties, long seed) {
    Random random = new Random(seed);
    Submission.Builder b =
        Submission.builder()
            .submissionId(SubmissionId.parse("KHM-CMAA-S" + seed))
            .country(CountryCode.KHM)
            .reportingOrganisation(OrganisationId.parse("KHM-CMAA-ORG"))
            .generatedAt(Instant.parse("2026-11-01T00:00:00Z"));
    Sex[] sexes = {Sex.MALE, Sex.MALE, Sex.MALE, Sex.FEMALE, Sex.UNKNOWN};
    DeviceCategory[] devices = DeviceCategory.values();
    Activity[] activities = Activity.values();
    for (int i = 0; i < casualties; i++) {
      PersonId person = PersonId.parse("KHM-CMAA-P" + i);
      IncidentId incident = IncidentId.parse("KHM-CMAA-I" + i);
      int province = 1 + Math.min(24, (int) Math.abs(random.nextGaussian() * 4));
      String commune =
          String.format("KH%02d%02d%02d", province, 1 + random.nextInt(4), 1 + random.nextInt(4));
      Person.Builder p = Person.builder().id(person).sex(sexes[random.nextInt(sexes.length)]);
      p.name("Sokha Chan " + i);
      if (random.nextInt(3) > 0) {
        p.addIdentifiers(
            ExternalIdentifier.of("khm_national_id", String.format("%012d", 100000000000L + i)));
      }
      b.addPersons(p.build());
      int year = 1980 + Math.min(45, (int) Math.abs(random.nextGaussian() * 12));
      b.addIncidents(
          Incident.builder()
              .id(incident)
              .date(PartialDate.ofDate(year, 1 + random.nextInt(12), 1 + random.nextInt(28)))
              .location(
                  Location.builder()
                      .country(CountryCode.KHM)
                      .adminArea(AdminArea.builder().pCode(commune).level(3).build())
                      .build())
              .accidentClass(AccidentClass.EO_ACCIDENT)
              .deviceCategory(devices[random.nextInt(devices.length)])
              .build());
      Casualty.Builder c =
          Casualty.builder()
              .id(CasualtyId.parse("KHM-CMAA-C" + i))
              .personId(person)
              .incidentId(incident)
              .outcome(random.nextInt(4) == 0 ? Outcome.KILLED : Outcome.INJURED)
              .civilianStatus(CivilianStatus.CIVILIAN)
              .activityAtIncident(activities[random.nextInt(activities.length)]);
      if (random.nextInt(10) > 0) {
        c.ageAtIncident(random.nextInt(3) == 0 ? 5 + random.nextInt(13) : 18 + random.nextInt(60));
      }
      b.addCasualties(c.build());
    }
    return b.build();
  }

  @Test
  void apply_sameInputKeyPolicy_sameBytes_andKAnonymousOutput() {
    Submission s = submission(3000, 11);
    AnonymisationPolicy policy = AnonymisationPolicy.regionalDefault();
    Release first = RegionalSharingProfile.of(policy, keys(), CLOCK).apply(s);
    Release second = RegionalSharingProfile.of(policy, keys(), CLOCK).apply(s);
    assertEquals(first.toNdjson(), second.toNdjson());
    assertEquals(first.auditJson(), second.auditJson());
    assertEquals(3000, first.records().size());
    assertTrue(first.audit().suppressedRecords() <= 150, first.auditJson());

    Map<String, Integer> classes = new HashMap<>();
    for (DeidentifiedCasualty r : first.records()) {
      assertTrue(r.pseudonym().startsWith("v3."), r.pseudonym());
      assertTrue(r.adminArea().map(a -> a.level() == 1).orElse(true));
      classes.merge(quasiIdentifiers(r), 1, Integer::sum);
    }
    for (Map.Entry<String, Integer> e : classes.entrySet()) {
      assertTrue(e.getValue() >= 5, "class of " + e.getValue() + ": " + e.getKey());
    }
    String ndjson = first.toNdjson();
    assertFalse(ndjson.contains("Sokha"), "a name leaked into the output");
    assertFalse(ndjson.contains("100000000001"), "an identifier leaked into the output");
    String audit = first.auditJson();
    assertFalse(audit.contains(HexFormat.of().formatHex(SECRET).substring(0, 16)));
    assertTrue(audit.contains("\"keyVersion\" : 3"), audit);
    assertTrue(audit.contains(policy.sha256()), audit);
  }

  @Test
  void apply_shuffledInput_sameOutput() {
    Submission s = submission(800, 5);
    List<Casualty> reversed = new ArrayList<>(s.casualties());
    java.util.Collections.reverse(reversed);
    Submission shuffled = Submission.builder().from(s).casualties(reversed).build();
    AnonymisationPolicy policy = AnonymisationPolicy.regionalDefault();
    assertEquals(
        RegionalSharingProfile.of(policy, keys(), CLOCK).apply(s).toNdjson(),
        RegionalSharingProfile.of(policy, keys(), CLOCK).apply(shuffled).toNdjson());
  }

  @Test
  void apply_defaultPolicy_localRecodingBelowGlobal_levelsAndUtilityReported() {
    Submission s = submission(3000, 11);
    Release release =
        RegionalSharingProfile.of(AnonymisationPolicy.regionalDefault(), keys(), CLOCK).apply(s);
    assertEquals("local", release.audit().recoding(), release.auditJson());
    assertTrue(
        release.audit().loss() < release.audit().globalLoss().getAsDouble(), release.auditJson());
    java.util.Set<Map<String, Integer>> distinct = new java.util.HashSet<>();
    for (int i = 0; i < release.size(); i++) {
      Map<String, Integer> levels = release.levels(i);
      if (!release.isSuppressed(i)) {
        assertEquals(RegionalSharingProfile.ATTRIBUTES, List.copyOf(levels.keySet()));
        assertTrue(levels.get("place") >= 2 && levels.get("place") <= 3, levels.toString());
        distinct.add(levels);
      }
      DeidentifiedCasualty r = release.records().get(i);
      assertEquals(levels.getOrDefault("place", 9) == 2, r.adminArea().isPresent(), "record " + i);
      assertEquals(levels, r.levels(), "the written record states its levels, record " + i);
    }
    assertTrue(distinct.size() > 1, "local recoding gives records different levels");
    var utility = release.utility();
    assertEquals(RegionalSharingProfile.QUESTIONS.size(), utility.questions().size());
    long atProvince = utility.attributes().get(2).records().get(2);
    assertEquals(
        release.records().stream().filter(r -> r.adminArea().isPresent()).count(), atProvince);
    assertTrue(utility.toText().contains("casualties by province and year: "), utility.toText());
    assertTrue(release.auditJson().contains("\"recoding\" : \"local\""), release.auditJson());
  }

  @Test
  void apply_globalPolicy_everyRecordAtTheSameLevels() {
    String text = new String(readExample(), java.nio.charset.StandardCharsets.UTF_8);
    AnonymisationPolicy global = AnonymisationPolicy.parse(text.replace("\"local\"", "\"global\""));
    Release release = RegionalSharingProfile.of(global, keys(), CLOCK).apply(submission(2000, 4));
    assertEquals("global", release.audit().recoding());
    Map<String, Integer> first = null;
    for (int i = 0; i < release.size(); i++) {
      if (!release.isSuppressed(i)) {
        first = first == null ? release.levels(i) : first;
        assertEquals(first, release.levels(i), "record " + i);
      }
    }
  }

  @Test
  void apply_ndjsonStream_sameBytesAsSubmission() {
    Submission s = submission(1500, 8);
    java.io.ByteArrayOutputStream ndjson = new java.io.ByteArrayOutputStream();
    org.vansdk.core.json.VanJson json = org.vansdk.core.json.VanJson.strict();
    // Casualties first: the stream may refer to persons and incidents not yet read.
    s.casualties().forEach(c -> org.vansdk.core.json.Ndjson.writeLine(json, c, ndjson));
    s.incidents().forEach(c -> org.vansdk.core.json.Ndjson.writeLine(json, c, ndjson));
    s.persons().forEach(c -> org.vansdk.core.json.Ndjson.writeLine(json, c, ndjson));
    RegionalSharingProfile profile =
        RegionalSharingProfile.of(AnonymisationPolicy.regionalDefault(), keys(), CLOCK);
    Release streamed;
    try (var reader =
        org.vansdk.core.json.Ndjson.reader(
            json, new java.io.ByteArrayInputStream(ndjson.toByteArray()))) {
      streamed = profile.apply(reader);
    }
    assertEquals(profile.apply(s).toNdjson(), streamed.toNdjson());
  }

  @Test
  void apply_casualtyWithoutItsPerson_refusedNamingThePosition() {
    Submission s = submission(10, 2);
    Submission broken = Submission.builder().from(s).persons(s.persons().subList(1, 10)).build();
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            org.vansdk.anonymisation.AnonymisationException.class,
            () ->
                RegionalSharingProfile.of(AnonymisationPolicy.regionalDefault(), keys(), CLOCK)
                    .apply(broken));
    assertTrue(
        e.getMessage().contains("casualty at position 1 refers to a person"), e.getMessage());
  }

  private static byte[] readExample() {
    try (var in = AnonymisationPolicy.class.getResourceAsStream("policy-example.json")) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void apply_disability3_followsTheWgSyntax_fromTheLatestAssessment() {
    Submission s = submission(40, 3);
    PersonId first = s.casualties().get(0).personId();
    PersonId second = s.casualties().get(1).personId();
    PersonId third = s.casualties().get(2).personId();
    WgSsResponse no = WgSsResponse.NO_DIFFICULTY;
    Submission assessed =
        Submission.builder()
            .from(s)
            // five "no difficulty" and one refused: DISABILITY3 = 0 in the WG syntax, not missing
            .addFunctioningAssessments(assessment("F1", first, 2020, no, WgSsResponse.REFUSED))
            // an older "a lot of difficulty" is superseded by the latest assessment
            .addFunctioningAssessments(
                assessment("F2", second, 2019, no, WgSsResponse.A_LOT_OF_DIFFICULTY))
            .addFunctioningAssessments(assessment("F3", second, 2021, no, no))
            // all six missing: unknown
            .addFunctioningAssessments(
                assessment("F4", third, 2020, WgSsResponse.DONT_KNOW, WgSsResponse.REFUSED))
            .build();
    Release release =
        RegionalSharingProfile.of(AnonymisationPolicy.regionalDefault(), keys(), CLOCK)
            .apply(assessed);
    Map<YesNoUnknown, Integer> counts = new HashMap<>();
    release.records().forEach(r -> counts.merge(r.disability3(), 1, Integer::sum));
    assertEquals(Map.of(YesNoUnknown.NO, 2, YesNoUnknown.UNKNOWN, 38), counts);
  }

  private static FunctioningAssessment assessment(
      String id, PersonId person, int year, WgSsResponse five, WgSsResponse sixth) {
    return FunctioningAssessment.builder()
        .id(AssessmentId.parse("KHM-CMAA-" + id))
        .personId(person)
        .date(PartialDate.ofDate(year, 6, 1))
        .seeing(five)
        .hearing(five)
        .walking(five)
        .cognition(five)
        .selfCare(five)
        .communication(sixth)
        .build();
  }

  private static String quasiIdentifiers(DeidentifiedCasualty r) {
    return r.sex()
        + "|"
        + r.ageBand().orElse("-")
        + "|"
        + r.adminArea().map(AdminArea::pCode).orElse("-")
        + "|"
        + r.incidentPeriod().map(Object::toString).orElse("-")
        + "|"
        + r.deviceCategory().map(Object::toString).orElse("-")
        + "|"
        + r.activityGroup().map(Object::toString).orElse("-");
  }
}
