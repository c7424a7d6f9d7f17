package org.vansdk.testkit.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MutableClockTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void standsStill_untilMoved() {
    MutableClock clock = MutableClock.of(T0);
    assertEquals(T0, clock.instant());
    assertEquals(T0, clock.instant());
    assertEquals(ZoneOffset.UTC, clock.getZone());
    assertEquals(T0.plusSeconds(90), clock.advance(Duration.ofSeconds(90)));
    assertEquals(T0.plusSeconds(90), clock.instant());
    assertEquals(T0.plusSeconds(30), clock.advance(Duration.ofMinutes(-1)));
    clock.set(T0.minusSeconds(5));
    assertEquals(T0.minusSeconds(5), clock.instant());
  }

  @Test
  void withZone_sharesTheInstant() {
    MutableClock clock = MutableClock.of(T0);
    MutableClock bangkok = clock.withZone(ZoneId.of("Asia/Bangkok"));
    assertEquals(ZoneId.of("Asia/Bangkok"), bangkok.getZone());
    bangkok.advance(Duration.ofHours(1));
    assertEquals(T0.plusSeconds(3600), clock.instant());
    clock.advance(Duration.ofHours(1));
    assertEquals(T0.plusSeconds(7200), bangkok.instant());
  }

  @Test
  void concurrentAdvances_addUp() throws InterruptedException {
    MutableClock clock = MutableClock.of(T0);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < 10_000; i++) {
                  clock.advance(Duration.ofMillis(1));
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(T0.plusMillis(40_000), clock.instant());
  }

  @Test
  void nulls_areRefused() {
    assertThrows(NullPointerException.class, () -> MutableClock.of(null));
    MutableClock clock = MutableClock.of(T0);
    assertThrows(NullPointerException.class, () -> clock.advance(null));
    assertThrows(NullPointerException.class, () -> clock.set(null));
  }
}
