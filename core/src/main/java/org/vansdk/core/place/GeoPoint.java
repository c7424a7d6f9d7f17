package org.vansdk.core.place;

import java.util.Optional;
import org.immutables.value.Value;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.VanStyle;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A WGS84 point (decimal degrees) with an optional accuracy radius in metres.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
@JsonSerialize(as = ImmutableGeoPoint.class)
@JsonDeserialize(as = ImmutableGeoPoint.class)
public abstract class GeoPoint {
  /** Returns the latitude, -90 to 90. */
  public abstract double latitude();

  /** Returns the longitude, -180 to 180. */
  public abstract double longitude();

  /** Returns the accuracy radius in metres, if known (0 or more). */
  public abstract Optional<Double> accuracyMetres();

  /**
   * Returns a point without accuracy.
   *
   * @param latitude -90 to 90
   * @param longitude -180 to 180
   * @return the point
   */
  public static GeoPoint of(double latitude, double longitude) {
    return builder().latitude(latitude).longitude(longitude).build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    if (!(latitude() >= -90 && latitude() <= 90) || !(longitude() >= -180 && longitude() <= 180)) {
      throw new VanException(
          ErrorCode.INVALID_GEO_POINT,
          "point outside WGS84 bounds: latitude must be -90..90 and longitude -180..180");
    }
    if (accuracyMetres().isPresent() && !(accuracyMetres().get() >= 0)) {
      throw new VanException(
          ErrorCode.INVALID_GEO_POINT, "point accuracy must be 0 metres or more");
    }
  }

  /** Builds a {@link GeoPoint}. */
  public static final class Builder extends ImmutableGeoPoint.Builder {}
}
