package org.vansdk.transport.trust;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;

/**
 * Refreshes a node's trust list from its source, now ({@link #refresh()}) or periodically on a
 * scheduler the caller owns ({@link #start}). A refresh that fails (source unreachable, list
 * invalid, not signed by the operator, older than the held one) keeps the last good list and
 * records why; the outcome of the last attempt is data ({@link #lastOutcome()}), never a silent
 * default. Thread-safe.
 */
public final class TrustListRefresh {

  /** What one refresh did. */
  public enum Status {
    /** A newer list was accepted. */
    UPDATED,
    /** The source holds the list already held. */
    UNCHANGED,
    /** The list was refused or could not be fetched; the held list is kept. */
    FAILED
  }

  /**
   * The outcome of one refresh.
   *
   * @param at when it ran (the refresh's clock)
   * @param status what it did
   * @param heldVersion the version held afterwards, 0 if none
   * @param code the error code when it failed
   * @param detail what happened, in English; no personal data (a trust list holds none)
   */
  public record Outcome(
      Instant at, Status status, long heldVersion, Optional<ErrorCode> code, String detail) {}

  private final TrustListSource source;
  private final TrustListRegistry registry;
  private final Clock clock;
  private volatile Outcome last;

  /**
   * Creates a refresh of the registry from the source, timed by the clock.
   *
   * @param source where the list is fetched from
   * @param registry the registry that verifies and holds it
   * @param clock the clock outcomes are stamped with
   */
  public TrustListRefresh(TrustListSource source, TrustListRegistry registry, Clock clock) {
    this.source = Objects.requireNonNull(source, "source");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Fetches, verifies and holds the list once; never throws for a bad or missing list. */
  public Outcome refresh() {
    Outcome outcome;
    try {
      TrustListRegistry.Acceptance a = registry.accept(source.fetch());
      outcome =
          new Outcome(
              clock.instant(),
              a == TrustListRegistry.Acceptance.UPDATED ? Status.UPDATED : Status.UNCHANGED,
              registry.version(),
              Optional.empty(),
              "trust list version " + registry.version() + " from " + source.describe());
    } catch (VanException e) {
      outcome =
          new Outcome(
              clock.instant(),
              Status.FAILED,
              registry.version(),
              Optional.of(e.code()),
              e.getMessage() + " (source " + source.describe() + ")");
    }
    last = outcome;
    return outcome;
  }

  /** The outcome of the last refresh, or empty before the first. */
  public Optional<Outcome> lastOutcome() {
    return Optional.ofNullable(last);
  }

  /**
   * Refreshes now and then every {@code interval} on the scheduler (after each refresh ends).
   * Cancel the returned future, or shut the scheduler down, to stop.
   *
   * @throws IllegalArgumentException if the interval is not positive
   */
  public ScheduledFuture<?> start(ScheduledExecutorService scheduler, Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("refresh interval must be positive, was " + interval);
    }
    return scheduler.scheduleWithFixedDelay(
        this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }
}
