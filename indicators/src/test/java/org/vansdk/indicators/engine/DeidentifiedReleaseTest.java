package org.vansdk.indicators.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vansdk.core.casualty.Outcome;
import org.vansdk.core.code.YesNoUnknown;
import org.vansdk.core.deidentified.DeidentifiedCasualty;
import org.vansdk.core.person.Sex;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.core.time.PartialDate;
import org.vansdk.indicators.catalogue.Dimension;
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.indicators.table.Observation;
import org.vansdk.testkit.gen.SampleRecords;

class DeidentifiedReleaseTest {
  private static final IndicatorEngine ENGINE =
      IndicatorEngine.builder()
          .period(ReportingPeriod.of(LocalDate.of(2019, 1, 1), LocalDate.of(2020, 12, 31)))
          .threshold(1)
          .build();

  private static DeidentifiedCasualty casualty(
      CountryCode country, String year, Sex sex, Outcome outcome, String band) {
    DeidentifiedCasualty.Builder b =
        DeidentifiedCasualty.builder()
            .from(SampleRecords.deidentified())
            .country(country)
            .sex(sex)
            .outcome(outcome)
            .ageBand(band)
            .amputation(YesNoUnknown.NO);
    if (!year.isEmpty()) {
      b.incidentPeriod(PartialDate.parse(year));
    } else {
      b.incidentPeriod(java.util.Optional.empty());
    }
    return b.build();
  }

  @Test
  void release_countsByCountryAndYear_eachRecordOnce_undatedOutsideThePeriod() {
    List<Object> release = new ArrayList<>();
    release.add(casualty(CountryCode.KHM, "2019", Sex.FEMALE, Outcome.INJURED, "20-24"));
    release.add(casualty(CountryCode.KHM, "2019-05", Sex.MALE, Outcome.KILLED, "20-29"));
    release.add(casualty(CountryCode.KHM, "2020", Sex.MALE, Outcome.INJURED, "child"));
    release.add(casualty(CountryCode.LAO, "2020", Sex.UNKNOWN, Outcome.INJURED, "85+"));
    release.add(casualty(CountryCode.LAO, "", Sex.MALE, Outcome.INJURED, "20-24"));
    IndicatorTable t =
        ENGINE.compute(
            release,
            List.of(
                IndicatorRequest.of("CAS-01", Dimension.COUNTRY, Dimension.YEAR),
                IndicatorRequest.of("CAS-05"),
                IndicatorRequest.of("CAS-01", Dimension.AGE_BAND)));
    assertEquals(2, value(t, "CAS-01", Map.of(Dimension.COUNTRY, "KHM", Dimension.YEAR, "2019")));
    assertEquals(1, value(t, "CAS-01", Map.of(Dimension.COUNTRY, "KHM", Dimension.YEAR, "2020")));
    assertEquals(1, value(t, "CAS-01", Map.of(Dimension.COUNTRY, "LAO", Dimension.YEAR, "2020")));
    // one female among three of known sex (the undated casualty is outside the period)
    assertEquals(1.0 / 3, value(t, "CAS-05", Map.of()), 1e-9);
    assertEquals(1, value(t, "CAS-01", Map.of(Dimension.AGE_BAND, "20_24")));
    assertEquals(1, value(t, "CAS-01", Map.of(Dimension.AGE_BAND, "85_plus")));
    assertEquals(2, value(t, "CAS-01", Map.of(Dimension.AGE_BAND, "unknown")));
  }

  @Test
  void onlyFiveYearBands_giveAnAge() {
    assertEquals(20, Dataset.fiveYearBandStart("20-24"));
    assertEquals(85, Dataset.fiveYearBandStart("85+"));
    assertEquals(-1, Dataset.fiveYearBandStart("80+"));
    assertEquals(-1, Dataset.fiveYearBandStart("20-29"));
    assertEquals(-1, Dataset.fiveYearBandStart("21-25"));
    assertEquals(-1, Dataset.fiveYearBandStart("child"));
    assertEquals(-1, Dataset.fiveYearBandStart(""));
  }

  private static double value(IndicatorTable t, String code, Map<Dimension, String> cell) {
    for (Observation o : t.observations()) {
      if (o.indicator().equals(code) && o.dimensions().equals(cell)) {
        return o.value().orElseThrow();
      }
    }
    throw new AssertionError("no cell " + code + " " + cell);
  }
}
