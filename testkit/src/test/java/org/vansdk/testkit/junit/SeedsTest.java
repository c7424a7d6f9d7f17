package org.vansdk.testkit.junit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeedsTest {
  @Test
  void of_isStableAcrossRuns_andDistinct() {
    long[] a = Seeds.of(50).toArray();
    assertArrayEquals(a, Seeds.of(50).toArray());
    assertEquals(50, java.util.Arrays.stream(a).distinct().count());
  }

  @Test
  void replayProperty_runsOnlyThatSeed() {
    String before = System.getProperty(Seeds.REPLAY_PROPERTY);
    try {
      System.setProperty(Seeds.REPLAY_PROPERTY, "12345");
      assertArrayEquals(new long[] {12345}, Seeds.of(100).toArray());
      System.setProperty(Seeds.REPLAY_PROPERTY, "twelve");
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Seeds.of(1));
      assertTrue(e.getMessage().contains("-Dvan.seed=42"), e.getMessage());
    } finally {
      if (before == null) {
        System.clearProperty(Seeds.REPLAY_PROPERTY);
      } else {
        System.setProperty(Seeds.REPLAY_PROPERTY, before);
      }
    }
  }

  @Test
  void check_reportsTheSeedAndHowToReplayIt() {
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () ->
                Seeds.check(
                    77,
                    seed -> {
                      throw new AssertionError("boom");
                    }));
    assertEquals("seed 77 (replay with -Dvan.seed=77): boom", e.getMessage());
  }
}
