package org.vansdk.indicators.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vansdk.indicators.catalogue.Dimension;
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.indicators.table.Observation;

class ExportTest {
  private final IndicatorTable table =
      IndicatorTable.of(
          List.of(
              Observation.of("CAS-02", Map.of(), 0.25, 10, 40, 3),
              Observation.of("CAS-02", Map.of(Dimension.SEX, "female"), 0.5, 2, 4, 0).suppressed(),
              Observation.of("CAS-02", Map.of(Dimension.SEX, "male"), 0.25, 6, 24, 1).suppressed(),
              Observation.of("CAS-02", Map.of(Dimension.SEX, "unknown"), Double.NaN, 0, 0, 2),
              Observation.of("CAS-01", Map.of(Dimension.SEX, "male"), 36, 36, -1, 0)));

  @Test
  void csv_hasSdmxColumns_totalsAndSuppressedCells() {
    String csv = IndicatorCsv.toCsv(table);
    assertEquals(
        "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,SEX,OBS_VALUE,NUMERATOR,DENOMINATOR,UNKNOWN,"
            + "OBS_STATUS,CONF_STATUS\n"
            + "dataflow,VANSDK:VA_INDICATORS(1.0),I,CAS-02,_T,0.25,10,40,3,A,F\n"
            + "dataflow,VANSDK:VA_INDICATORS(1.0),I,CAS-02,female,,,,,C,C\n"
            + "dataflow,VANSDK:VA_INDICATORS(1.0),I,CAS-02,male,,,,,C,C\n"
            + "dataflow,VANSDK:VA_INDICATORS(1.0),I,CAS-02,unknown,,0,0,2,M,F\n"
            + "dataflow,VANSDK:VA_INDICATORS(1.0),I,CAS-01,male,36,36,,0,A,F\n",
        csv);
  }

  @Test
  void json_omitsWithheldValues() {
    String json = IndicatorJson.toJson(table);
    assertTrue(
        json.contains(
            "{\"indicator\":\"CAS-02\",\"dimensions\":{\"sex\":\"female\"},"
                + "\"status\":\"suppressed\"}"),
        json);
    assertTrue(
        json.contains(
            "{\"indicator\":\"CAS-02\",\"dimensions\":{\"sex\":\"male\"},"
                + "\"status\":\"suppressed\"}"),
        json);
    assertTrue(
        json.contains(
            "{\"indicator\":\"CAS-02\",\"dimensions\":{\"sex\":\"unknown\"},\"numerator\":0,"
                + "\"denominator\":0,\"unknown\":2,\"status\":\"no_denominator\"}"),
        json);
    assertTrue(
        json.contains(
            "{\"indicator\":\"CAS-02\",\"dimensions\":{},\"value\":0.25,\"numerator\":10,"
                + "\"denominator\":40,\"unknown\":3,\"status\":\"normal\"}"),
        json);
  }
}
