package org.vansdk.core.submission;

import java.time.LocalDate;
import org.immutables.value.Value;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.VanStyle;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The period a submission reports on, both ends inclusive.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
@JsonSerialize(as = ImmutableReportingPeriod.class)
@JsonDeserialize(as = ImmutableReportingPeriod.class)
public abstract class ReportingPeriod {
  /** Returns the first day. */
  public abstract LocalDate start();

  /** Returns the last day. */
  public abstract LocalDate end();

  /**
   * Returns a period from its ends.
   *
   * @param start the first day
   * @param end the last day, not before {@code start}
   * @return the period
   */
  public static ReportingPeriod of(LocalDate start, LocalDate end) {
    return builder().start(start).end(end).build();
  }

  @Value.Check
  void check() {
    if (end().isBefore(start())) {
      throw new VanException(
          ErrorCode.INVARIANT_VIOLATED, "reporting period ends before it starts");
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ReportingPeriod}. */
  public static final class Builder extends ImmutableReportingPeriod.Builder {}
}
