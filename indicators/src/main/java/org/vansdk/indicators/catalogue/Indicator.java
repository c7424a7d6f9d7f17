package org.vansdk.indicators.catalogue;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One indicator of the catalogue: what it counts, over what, in which unit, how it may be
 * disaggregated, how unknown values are treated, how it relates to the reporting period and which
 * reporting framework it answers. Immutable and thread-safe.
 *
 * @param code stable code, e.g. {@code CAS-02}
 * @param name short English name
 * @param definition one-sentence definition
 * @param numerator what the numerator counts (for counts: what is counted)
 * @param denominator what the denominator counts; empty string for counts and days
 * @param unit unit of the value
 * @param allowedDimensions the dimensions a caller may disaggregate by, in any combination
 * @param intrinsicDimensions dimensions always present in the output (e.g. pillar for NEED-02)
 * @param defaultDisaggregations the disaggregations computed when the caller asks for defaults
 *     (each a list of dimensions; the empty list is the total)
 * @param unknownRule how records with an unknown value are treated
 * @param period how the indicator relates to the reporting period
 * @param sources the reporting frameworks this indicator answers
 * @since 1.0
 */
public record Indicator(
    String code,
    String name,
    String definition,
    String numerator,
    String denominator,
    Unit unit,
    Set<Dimension> allowedDimensions,
    List<Dimension> intrinsicDimensions,
    List<List<Dimension>> defaultDisaggregations,
    String unknownRule,
    PeriodSemantics period,
    List<Source> sources) {

  /** Copies the collections and checks that every default disaggregation is allowed. */
  public Indicator {
    Objects.requireNonNull(code, "code");
    allowedDimensions = Set.copyOf(allowedDimensions);
    intrinsicDimensions = List.copyOf(intrinsicDimensions);
    defaultDisaggregations = defaultDisaggregations.stream().map(List::copyOf).toList();
    sources = List.copyOf(sources);
    for (List<Dimension> d : defaultDisaggregations) {
      if (!allowedDimensions.containsAll(d)) {
        throw new IllegalArgumentException(
            "indicator " + code + ": default disaggregation " + d + " is not allowed");
      }
    }
  }

  /** Whether the value is a quotient of numerator and denominator. */
  public boolean isQuotient() {
    return unit == Unit.PROPORTION || unit == Unit.RATIO;
  }
}
