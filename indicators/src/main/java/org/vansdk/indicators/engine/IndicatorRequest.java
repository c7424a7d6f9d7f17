package org.vansdk.indicators.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.vansdk.indicators.catalogue.Dimension;
import org.vansdk.indicators.catalogue.Indicator;
import org.vansdk.indicators.catalogue.IndicatorCatalogue;

/**
 * One indicator disaggregated by a combination of its allowed dimensions (none for the total).
 * Dimensions are kept in catalogue order, so two requests naming the same dimensions are equal.
 *
 * @param indicator the indicator
 * @param dimensions the dimensions to disaggregate by, a subset of the indicator's allowed ones
 */
public record IndicatorRequest(Indicator indicator, List<Dimension> dimensions) {

  /**
   * Checks the dimensions and puts them in catalogue order.
   *
   * @throws IllegalArgumentException if a dimension is not allowed or repeated
   */
  public IndicatorRequest {
    Objects.requireNonNull(indicator, "indicator");
    EnumSet<Dimension> set = EnumSet.noneOf(Dimension.class);
    for (Dimension d : dimensions) {
      if (!indicator.allowedDimensions().contains(d)) {
        throw new IllegalArgumentException(
            "indicator "
                + indicator.code()
                + " cannot be disaggregated by "
                + d.code()
                + "; allowed: "
                + indicator.allowedDimensions().stream()
                    .sorted()
                    .map(Dimension::code)
                    .collect(Collectors.joining(", ")));
      }
      if (!set.add(d)) {
        throw new IllegalArgumentException(
            "indicator " + indicator.code() + ": dimension " + d.code() + " given twice");
      }
    }
    dimensions = List.copyOf(set);
  }

  /** A request by indicator code and dimensions. */
  public static IndicatorRequest of(String code, Dimension... dimensions) {
    return new IndicatorRequest(IndicatorCatalogue.get(code), List.of(dimensions));
  }

  /** The default disaggregations of every indicator of the catalogue. */
  public static List<IndicatorRequest> defaults() {
    List<IndicatorRequest> all = new ArrayList<>();
    for (Indicator i : IndicatorCatalogue.all()) {
      for (List<Dimension> d : i.defaultDisaggregations()) {
        all.add(new IndicatorRequest(i, d));
      }
    }
    return all;
  }

  /**
   * The dimensions that key an accumulated cell: the requested ones, then the indicator's intrinsic
   * ones (except the statistic of REF-03, which is computed from the cell).
   */
  List<Dimension> keyDimensions() {
    List<Dimension> key = new ArrayList<>(dimensions);
    for (Dimension d : indicator.intrinsicDimensions()) {
      if (d != Dimension.STATISTIC) {
        key.add(d);
      }
    }
    return key;
  }

  @Override
  public String toString() {
    return indicator.code()
        + dimensions.stream().map(Dimension::code).collect(Collectors.joining(",", "[", "]"));
  }
}
