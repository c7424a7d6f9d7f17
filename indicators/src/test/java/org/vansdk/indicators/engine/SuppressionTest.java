package org.vansdk.indicators.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vansdk.core.submission.Submission;
import org.vansdk.indicators.catalogue.Dimension;
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.indicators.table.Observation;
import org.vansdk.indicators.table.ObservationStatus;

class SuppressionTest {
  private final Submission s = Population.generate(9, 300);
  private final List<IndicatorRequest> reqs =
      List.of(
          IndicatorRequest.of("CAS-01", Dimension.ADMIN1, Dimension.SEX),
          IndicatorRequest.of("CAS-02", Dimension.AGE_BAND));

  private IndicatorTable table(int threshold) {
    return IndicatorEngine.builder()
        .period(Population.PERIOD)
        .threshold(threshold)
        .build()
        .compute(s, reqs);
  }

  @Test
  void smallCells_areSuppressedAndFlagged_othersUntouched() {
    IndicatorTable open = table(1);
    IndicatorTable safe = table(IndicatorEngine.DEFAULT_THRESHOLD);
    assertEquals(open.observations().size(), safe.observations().size());
    int suppressed = 0;
    for (int i = 0; i < open.observations().size(); i++) {
      Observation o = open.observations().get(i);
      Observation p = safe.observations().get(i);
      boolean small = inRange(o.numerator().orElse(0)) || inRange(o.denominator().orElse(0));
      if (small) {
        suppressed++;
        assertEquals(ObservationStatus.SUPPRESSED, p.status(), o.toString());
        assertTrue(p.value().isEmpty() && p.numerator().isEmpty() && p.denominator().isEmpty());
      } else {
        assertEquals(o.value(), p.value(), o.toString());
        assertEquals(o.numerator(), p.numerator(), o.toString());
      }
    }
    assertTrue(suppressed > 0, "the fixture must contain small cells");
  }

  @Test
  void thresholdOne_suppressesNothing() {
    assertFalse(
        table(1).observations().stream().anyMatch(o -> o.status() == ObservationStatus.SUPPRESSED));
  }

  private static boolean inRange(long n) {
    return n >= 1 && n < IndicatorEngine.DEFAULT_THRESHOLD;
  }
}
