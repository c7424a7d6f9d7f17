package org.vansdk.indicators.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vansdk.core.casualty.Activity;
import org.vansdk.core.casualty.Casualty;
import org.vansdk.core.casualty.CivilianStatus;
import org.vansdk.core.casualty.Outcome;
import org.vansdk.core.functioning.FunctioningAssessment;
import org.vansdk.core.functioning.WgSsResponse;
import org.vansdk.core.id.AssessmentId;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.CasualtyId;
import org.vansdk.core.id.IncidentId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.incident.AccidentClass;
import org.vansdk.core.incident.DeviceCategory;
import org.vansdk.core.incident.Incident;
import org.vansdk.core.need.NeedsAssessment;
import org.vansdk.core.person.Person;
import org.vansdk.core.person.Sex;
import org.vansdk.core.place.AdminArea;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.place.Location;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.ReferralAttempt;
import org.vansdk.core.referral.StatusChange;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.core.time.PartialDate;
import org.vansdk.indicators.catalogue.Dimension;
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.indicators.table.Observation;

/**
 * The rules the catalogue states where a definition is silent (its "Rules where a definition is
 * silent" section), each checked on a few hand-made records at its boundary.
 */
class CatalogueRulesTest {
  private static final ReportingPeriod YEAR_2025 =
      ReportingPeriod.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));

  private final List<Object> records = new ArrayList<>();
  private int next;

  @Test
  void incidentDatedOnlyByYear_isInThePeriodOfItsFirstDay_underMonthUnknown() {
    casualty(PartialDate.ofYear(2025), "KH01", Outcome.KILLED);
    casualty(PartialDate.ofDate(2025, 3, 9), "KH01", Outcome.KILLED);
    assertEquals(2, count(YEAR_2025, "CAS-01", Map.of()));
    assertEquals(1, count(YEAR_2025, "CAS-01", Map.of(Dimension.MONTH, "unknown")));
    assertEquals(1, count(YEAR_2025, "CAS-01", Map.of(Dimension.MONTH, "2025-03")));
    ReportingPeriod secondHalf =
        ReportingPeriod.of(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 12, 31));
    assertEquals(0, count(secondHalf, "CAS-01", Map.of()), "a year-only date counts at 1 January");
  }

  @Test
  void survivors_byYearOfInjury_andPlaceOfTheIncident() {
    casualty(PartialDate.ofDate(2019, 5, 1), "KH03", Outcome.INJURED);
    assertEquals(1, count(YEAR_2025, "SUR-01", Map.of(Dimension.YEAR, "2019")));
    assertEquals(1, count(YEAR_2025, "SUR-01", Map.of(Dimension.ADMIN1, "KH03")));
  }

  @Test
  void diedOnThePeriodEnd_isNotASurvivor_theDayAfterIs() {
    Casualty onEnd = casualty(PartialDate.ofDate(2020, 1, 1), "KH01", Outcome.INJURED);
    replace(onEnd, Casualty.builder().from(onEnd).diedOn(PartialDate.ofDate(2025, 12, 31)).build());
    Casualty after = casualty(PartialDate.ofDate(2020, 1, 1), "KH01", Outcome.INJURED);
    replace(after, Casualty.builder().from(after).diedOn(PartialDate.ofDate(2026, 1, 1)).build());
    assertEquals(1, count(YEAR_2025, "SUR-01", Map.of()));
  }

  @Test
  void disability_isTheLatestAssessmentOnOrBeforeThePeriodEnd() {
    Casualty c = casualty(PartialDate.ofDate(2020, 1, 1), "KH01", Outcome.INJURED);
    assessment(c.personId(), LocalDate.of(2024, 6, 1), WgSsResponse.A_LOT_OF_DIFFICULTY);
    assessment(c.personId(), LocalDate.of(2025, 12, 31), WgSsResponse.NO_DIFFICULTY);
    assessment(c.personId(), LocalDate.of(2026, 1, 1), WgSsResponse.CANNOT_DO_AT_ALL);
    assertEquals(1, count(YEAR_2025, "SUR-01", Map.of(Dimension.DISABILITY3, "no")));
  }

  @Test
  void needsAssessedInTwelveMonths_fromTheDayAfterTheEndMinusOneYear() {
    Casualty before = casualty(PartialDate.ofDate(2020, 1, 1), "KH01", Outcome.INJURED);
    needs(before.personId(), LocalDate.of(2024, 12, 31));
    Casualty first = casualty(PartialDate.ofDate(2020, 1, 1), "KH01", Outcome.INJURED);
    needs(first.personId(), LocalDate.of(2025, 1, 1));
    Casualty last = casualty(PartialDate.ofDate(2020, 1, 1), "KH01", Outcome.INJURED);
    needs(last.personId(), LocalDate.of(2025, 12, 31));
    Observation o = observation(YEAR_2025, "NEED-01", Map.of());
    assertEquals(2, o.numerator().getAsLong());
    assertEquals(3, o.denominator().getAsLong());
  }

  @Test
  void sentInThePeriod_inUtc_andEnteredInErrorCountsAsUnknown() {
    attempt("2024-12-31T23:59:59Z", AttemptStatus.ACCEPTED);
    attempt("2025-01-01T00:00:00Z", AttemptStatus.ACCEPTED);
    attempt("2025-12-31T23:59:59Z", AttemptStatus.DECLINED);
    attempt("2026-01-01T00:00:00Z", AttemptStatus.ACCEPTED);
    attempt("2025-06-01T00:00:00+07:00", AttemptStatus.ENTERED_IN_ERROR);
    attempt("2025-06-02T00:00:00Z", AttemptStatus.CANCELLED);
    Observation o = observation(YEAR_2025, "REF-01", Map.of());
    assertEquals(1, o.numerator().getAsLong(), "accepted");
    assertEquals(2, o.denominator().getAsLong(), "sent, neither cancelled nor entered in error");
    assertEquals(2, o.unknown().getAsLong(), "cancelled and entered in error");
    assertEquals(
        1,
        observation(YEAR_2025, "REF-02", Map.of(Dimension.MONTH, "2025-05")).unknown().getAsLong(),
        "2025-06-01T00:00+07:00 is 31 May in UTC");
  }

  private Casualty casualty(PartialDate date, String province, Outcome outcome) {
    int n = next++;
    PersonId person = PersonId.parse("KHM-HI-P" + n);
    IncidentId incident = IncidentId.parse("KHM-HI-I" + n);
    records.add(Person.builder().id(person).sex(Sex.MALE).build());
    records.add(
        Incident.builder()
            .id(incident)
            .date(date)
            .location(
                Location.builder()
                    .country(CountryCode.KHM)
                    .adminArea(AdminArea.of(province, 1, "province"))
                    .build())
            .accidentClass(AccidentClass.EO_ACCIDENT)
            .deviceCategory(DeviceCategory.ANTIPERSONNEL_MINE)
            .build());
    Casualty c =
        Casualty.builder()
            .id(CasualtyId.parse("KHM-HI-C" + n))
            .personId(person)
            .incidentId(incident)
            .outcome(outcome)
            .civilianStatus(CivilianStatus.CIVILIAN)
            .activityAtIncident(Activity.FARMING)
            .ageAtIncident(30)
            .build();
    records.add(c);
    return c;
  }

  private void replace(Casualty old, Casualty now) {
    records.set(records.indexOf(old), now);
  }

  private void assessment(PersonId person, LocalDate date, WgSsResponse walking) {
    WgSsResponse no = WgSsResponse.NO_DIFFICULTY;
    records.add(
        FunctioningAssessment.builder()
            .id(AssessmentId.parse("KHM-HI-F" + next++))
            .personId(person)
            .date(PartialDate.from(date))
            .seeing(no)
            .hearing(no)
            .walking(walking)
            .cognition(no)
            .selfCare(no)
            .communication(no)
            .build());
  }

  private void needs(PersonId person, LocalDate date) {
    records.add(
        NeedsAssessment.builder()
            .id(AssessmentId.parse("KHM-HI-N" + next++))
            .personId(person)
            .date(PartialDate.from(date))
            .build());
  }

  private void attempt(String sent, AttemptStatus last) {
    int n = next++;
    Instant at = java.time.OffsetDateTime.parse(sent).toInstant();
    ReferralAttempt.Builder b =
        ReferralAttempt.builder()
            .id(AttemptId.parse("KHM-HI-A" + n))
            .referralId(ReferralId.parse("KHM-HI-R" + n))
            .targetOrganisation(OrganisationId.parse("KHM-HI-ORG1"))
            .destinationCountry(CountryCode.KHM)
            .status(last)
            .addHistory(StatusChange.builder().status(AttemptStatus.SENT).at(at).build());
    if (last != AttemptStatus.SENT) {
      StatusChange.Builder c = StatusChange.builder().status(last).at(at.plusSeconds(3600));
      if (last == AttemptStatus.DECLINED) {
        c.reasonCode("no_capacity");
      }
      b.addHistory(c.build());
    }
    records.add(b.build());
  }

  /** A count at threshold 1: these tests are about definitions, not suppression. */
  private long count(ReportingPeriod period, String code, Map<Dimension, String> cell) {
    return observation(period, code, cell).numerator().getAsLong();
  }

  private Observation observation(
      ReportingPeriod period, String code, Map<Dimension, String> cell) {
    IndicatorRequest request = IndicatorRequest.of(code, cell.keySet().toArray(new Dimension[0]));
    IndicatorTable t =
        IndicatorEngine.builder()
            .period(period)
            .threshold(1)
            .build()
            .compute(records, List.of(request));
    for (Observation o : t.observations()) {
      if (o.dimensions().entrySet().containsAll(cell.entrySet())) {
        return o;
      }
    }
    throw new AssertionError("no cell " + cell + " in " + t.observations());
  }
}
