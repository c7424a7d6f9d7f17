package org.vansdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.vansdk.indicators.catalogue.Dimension;
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.indicators.table.Observation;

class ComputeIndicatorsTest {
  @Test
  void computeIndicators_givesCasualtiesBySexAndTheCaseFatalityProportion() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    IndicatorTable table =
        ComputeIndicators.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String out = buffer.toString(StandardCharsets.UTF_8);
    assertTrue(
        table.observations("CAS-01").stream()
            .anyMatch(o -> "male".equals(o.dimensions().get(Dimension.SEX))),
        out);
    Observation cas02 = table.observations("CAS-02").get(0);
    double proportion = cas02.value().orElseThrow();
    assertTrue(proportion > 0 && proportion < 1, out);
    assertTrue(
        out.contains(
            "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,SEX,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE"),
        out);
    assertEquals(
        1 + table.observations().size(),
        out.substring(out.indexOf("As CSV:")).lines().count() - 1,
        out);
  }
}
