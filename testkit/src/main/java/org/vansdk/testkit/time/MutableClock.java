package org.vansdk.testkit.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that a test moves by hand: it stands still until {@link #advance(Duration)} or {@link
 * #set(Instant)} moves it. Inject it wherever the code under test takes a {@link Clock}, so that
 * expiry, retry back-off and timestamps are tested without sleeping.
 *
 * <p>Thread-safe: readers on any thread see the latest move, and concurrent advances add up. A
 * clock from {@link #withZone(ZoneId)} shares this clock's instant.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.of(Instant.parse("2026-01-01T00:00:00Z"));
 * Instant due = clock.instant().plus(Duration.ofDays(30)); // e.g. a respond-by the code computes
 * clock.advance(Duration.ofDays(31));
 * assertTrue(clock.instant().isAfter(due)); // code reading the clock now sees the deadline passed
 * }</pre>
 */
public final class MutableClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * Returns a clock standing at an instant, in UTC.
   *
   * @param start the instant the clock shows until moved
   * @return the clock
   * @throws NullPointerException if {@code start} is null
   */
  public static MutableClock of(Instant start) {
    return new MutableClock(
        new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  /**
   * Moves the clock by a duration; a negative duration moves it back (a clock stepped back by a
   * time server).
   *
   * @param step how far to move
   * @return the instant the clock shows now
   * @throws NullPointerException if {@code step} is null
   */
  public Instant advance(Duration step) {
    Objects.requireNonNull(step, "step");
    return now.updateAndGet(t -> t.plus(step));
  }

  /**
   * Sets the clock to an instant, forward or back.
   *
   * @param instant the instant the clock shows from now on
   * @throws NullPointerException if {@code instant} is null
   */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  /** Returns the clock's zone: UTC unless this clock came from {@link #withZone(ZoneId)}. */
  @Override
  public ZoneId getZone() {
    return zone;
  }

  /**
   * Returns a clock in another zone that shares this clock's instant: moving either moves both.
   *
   * @param zone the zone
   * @return the clock in that zone
   */
  @Override
  public MutableClock withZone(ZoneId zone) {
    return new MutableClock(now, Objects.requireNonNull(zone, "zone"));
  }

  /** Returns the instant the clock shows. */
  @Override
  public Instant instant() {
    return now.get();
  }

  /** Returns the instant and zone, for test failure messages. */
  @Override
  public String toString() {
    return "MutableClock[" + now.get() + ", " + zone + "]";
  }
}
