package org.vansdk.exchange.sdmx;

import java.util.Locale;
import java.util.Optional;
import org.vansdk.indicators.catalogue.Dimension;

/**
 * The mapping from our indicator dimensions to ADX categories, as data: each dimension is an ADX
 * category attribute named by its code in upper case ({@code sex} becomes {@code SEX}), and its
 * values are category option codes unchanged ({@code male}, {@code 0_4}, {@code KH02}); a total is
 * the absence of the attribute. The receiving DHIS2 needs categories and options with these codes
 * (the generated mapping document lists them). Stateless and thread-safe.
 */
public final class AdxCategories {
  private AdxCategories() {}

  /** The ADX category attribute of a dimension, e.g. {@code AGE_GROUP}. */
  public static String attribute(Dimension dimension) {
    return dimension.code().toUpperCase(Locale.ROOT);
  }

  /** The dimension an ADX category attribute stands for, if any. */
  public static Optional<Dimension> dimension(String attribute) {
    for (Dimension d : Dimension.values()) {
      if (attribute(d).equals(attribute)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
