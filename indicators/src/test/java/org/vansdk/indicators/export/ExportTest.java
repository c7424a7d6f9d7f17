package org.vansdk.indicators.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.indicators.catalogue.Dimension;
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.indicators.table.Observation;

class ExportTest {
  private final IndicatorTable table =
      IndicatorTable.of(
          ReportingPeriod.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)),
          List.of(
              Observation.of("CAS-02", Map.of(), 0.25, 10, 40, 3),
              Observation.of("CAS-02", Map.of(Dimension.SEX, "female"), 0.5, 2, 4, 0).suppressed(),
              Observation.of("CAS-02", Map.of(Dimension.SEX, "male"), 0.25, 6, 24, 1).suppressed(),
              Observation.of("CAS-02", Map.of(Dimension.SEX, "unknown"), Double.NaN, 0, 0, 2),
              Observation.of("CAS-01", Map.of(Dimension.SEX, "male"), 36, 36, -1, 0)));

  @Test
  void csv_isSdmxCsv20_withPeriodUnitAreaAndSuppressedCells() {
    String csv = IndicatorCsv.toCsv(table, CountryCode.KHM);
    assertEquals(
        "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,SEX,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,"
            + "OBS_STATUS,CONF_STATUS,NUMERATOR,DENOMINATOR,UNKNOWN_COUNT\n"
            + "dataflow,VANSDK:VA_INDICATORS(1.0),I,CAS-02,KHM,_T,2024,0.25,PROPORTION,A,F,10,40,3\n"
            + "dataflow,VANSDK:VA_INDICATORS(1.0),I,CAS-02,KHM,female,2024,,PROPORTION,Q,C,,,\n"
            + "dataflow,VANSDK:VA_INDICATORS(1.0),I,CAS-02,KHM,male,2024,,PROPORTION,Q,C,,,\n"
            + "dataflow,VANSDK:VA_INDICATORS(1.0),I,CAS-02,KHM,unknown,2024,,PROPORTION,M,F,0,0,2\n"
            + "dataflow,VANSDK:VA_INDICATORS(1.0),I,CAS-01,KHM,male,2024,36,COUNT,A,F,36,,0\n",
        csv);
  }

  @Test
  void csv_withoutCountry_writesAllCountriesAsTotal() {
    assertTrue(IndicatorCsv.toCsv(table).contains(",I,CAS-01,_T,male,2024,36,COUNT,"));
  }

  @Test
  void timePeriod_roundTripsEveryForm() {
    for (String text :
        List.of("2024", "2024-02", "2024-02-29", "2024-01-01/P182D", "2023-07-01/P1Y")) {
      ReportingPeriod p = SdmxTimePeriod.parse(text);
      assertEquals(p, SdmxTimePeriod.parse(SdmxTimePeriod.sdmx(p)), text);
      assertEquals(p, SdmxTimePeriod.parse(SdmxTimePeriod.interval(p)), text);
    }
    assertEquals("2024-01-01/P1Y", SdmxTimePeriod.interval(SdmxTimePeriod.parse("2024")));
    assertEquals("2024-02-01/P1M", SdmxTimePeriod.interval(SdmxTimePeriod.parse("2024-02")));
  }

  @Test
  void json_omitsWithheldValues() {
    String json = IndicatorJson.toJson(table);
    assertTrue(json.contains("\"period\":{\"start\":\"2024-01-01\",\"end\":\"2024-12-31\"}"), json);
    assertTrue(
        json.contains(
            "{\"indicator\":\"CAS-02\",\"dimensions\":{\"sex\":\"female\"},"
                + "\"unit\":\"proportion\",\"status\":\"suppressed\"}"),
        json);
    assertTrue(
        json.contains(
            "{\"indicator\":\"CAS-02\",\"dimensions\":{\"sex\":\"male\"},"
                + "\"unit\":\"proportion\",\"status\":\"suppressed\"}"),
        json);
    assertTrue(
        json.contains(
            "{\"indicator\":\"CAS-02\",\"dimensions\":{\"sex\":\"unknown\"},\"unit\":\"proportion\",\"numerator\":0,"
                + "\"denominator\":0,\"unknown\":2,\"status\":\"no_denominator\"}"),
        json);
    assertTrue(
        json.contains(
            "{\"indicator\":\"CAS-02\",\"dimensions\":{},\"unit\":\"proportion\",\"value\":0.25,\"numerator\":10,"
                + "\"denominator\":40,\"unknown\":3,\"status\":\"normal\"}"),
        json);
  }
}
