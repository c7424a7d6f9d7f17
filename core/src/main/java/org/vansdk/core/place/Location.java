package org.vansdk.core.place;

import java.util.Optional;
import org.immutables.value.Value;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.VanStyle;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Where something is: a country, optionally an administrative area and a point. Used for a person's
 * residence and an incident's location.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
@JsonSerialize(as = ImmutableLocation.class)
@JsonDeserialize(as = ImmutableLocation.class)
public abstract class Location {
  /** Returns the country. */
  public abstract CountryCode country();

  /** Returns the finest administrative area known. */
  public abstract Optional<AdminArea> adminArea();

  /** Returns the point, if known. */
  public abstract Optional<GeoPoint> point();

  /**
   * Returns a location known to the country only.
   *
   * @param country the country
   * @return the location
   */
  public static Location of(CountryCode country) {
    return builder().country(country).build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    if (adminArea().isPresent() && !pCodeMatchesCountry(adminArea().get().pCode(), country())) {
      throw new VanException(
          ErrorCode.INVALID_ADMIN_AREA,
          "admin area P-code does not belong to country "
              + country()
              + " (its P-codes start with the ISO alpha-2 or alpha-3 code)");
    }
  }

  static boolean pCodeMatchesCountry(String pCode, CountryCode country) {
    return pCode.startsWith(country.code())
        || country.alpha2().map(pCode::startsWith).orElse(false);
  }

  /** Builds a {@link Location}. */
  public static final class Builder extends ImmutableLocation.Builder {}
}
