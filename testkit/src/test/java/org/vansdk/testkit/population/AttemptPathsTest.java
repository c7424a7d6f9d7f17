package org.vansdk.testkit.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.testkit.junit.Seeds;
import org.vansdk.testkit.random.Prng;

class AttemptPathsTest {
  @TestFactory
  Stream<DynamicTest> everyEndStateHasLegalPaths() {
    return Seeds.dynamicTests(
        "path is legal",
        50,
        seed -> {
          Prng r = Prng.of(seed);
          for (AttemptStatus end : AttemptStatus.values()) {
            List<AttemptStatus> path = AttemptPaths.to(end, r);
            assertTrue(AttemptPaths.isLegal(path), end + ": " + path);
            assertEquals(end, path.get(path.size() - 1));
          }
        });
  }

  @Test
  void table_finalStatesOnlyMoveToEnteredInError() {
    for (AttemptStatus s : AttemptStatus.values()) {
      if (s.isFinal() && s != AttemptStatus.ENTERED_IN_ERROR) {
        assertEquals(
            java.util.Set.of(AttemptStatus.ENTERED_IN_ERROR), AttemptPaths.NEXT.get(s), s.code());
      }
    }
    assertFalse(AttemptPaths.isLegal(List.of(AttemptStatus.SENT)));
    assertFalse(
        AttemptPaths.isLegal(
            List.of(AttemptStatus.DRAFT, AttemptStatus.SENT, AttemptStatus.COMPLETED)));
  }
}
