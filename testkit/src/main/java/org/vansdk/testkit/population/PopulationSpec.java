package org.vansdk.testkit.population;

import java.time.LocalDate;
import org.immutables.value.Value;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.VanStyle;
import org.vansdk.core.place.CountryCode;
import org.vansdk.testkit.profile.CountryProfile;

/**
 * What to generate: the country, how many casualties, the seed and the anchor date ("today" of the
 * synthetic data: nothing happens after it). The same spec always gives the same bytes.
 *
 * <pre>{@code
 * PopulationSpec spec =
 *     PopulationSpec.builder().country(CountryCode.KHM).casualties(10_000).seed(42).build();
 * }</pre>
 */
@Value.Immutable
@VanStyle
public abstract class PopulationSpec {
  /** The default anchor date: 31 December 2025. */
  public static final LocalDate DEFAULT_ANCHOR = LocalDate.of(2025, 12, 31);

  /** Returns the country whose profile shapes the data; one of KHM, LAO, MMR, THA, VNM. */
  public abstract CountryCode country();

  /** Returns the number of casualties (directly affected persons) to generate; default 1,000. */
  @Value.Default
  public long casualties() {
    return 1_000;
  }

  /** Returns the seed; default 1. */
  @Value.Default
  public long seed() {
    return 1;
  }

  /**
   * Returns the anchor date: no date or instant in the output is after its end; default 2025-12-31.
   */
  @Value.Default
  public LocalDate anchorDate() {
    return DEFAULT_ANCHOR;
  }

  /**
   * Returns whether to generate what follows an incident (indirect victims, assessments, consents,
   * referrals, attempts, deliveries); default true. Without it only persons, incidents and
   * casualties are written, after the directory of organisations and services.
   */
  @Value.Default
  public boolean careFlow() {
    return true;
  }

  /**
   * Returns the share of choices drawn uniformly over every code and edge value instead of from the
   * profile, in [0, 1]; default 0 (realistic). The seeded generators for tests use more.
   */
  @Value.Default
  public double edgeCaseRate() {
    return 0;
  }

  /** Returns the bundled profile of the country. */
  @Value.Lazy
  public CountryProfile profile() {
    return CountryProfile.load(country().code());
  }

  @Value.Check
  void check() {
    if (!CountryProfile.COUNTRIES.contains(country().code())) {
      throw new VanException(
          ErrorCode.INVARIANT_VIOLATED,
          "population country "
              + country().code()
              + " has no profile; allowed: "
              + String.join(", ", CountryProfile.COUNTRIES));
    }
    if (casualties() < 0) {
      throw new VanException(ErrorCode.INVARIANT_VIOLATED, "casualties must be 0 or more");
    }
    if (anchorDate().getYear() < 1980 || anchorDate().getYear() > 2100) {
      throw new VanException(
          ErrorCode.INVARIANT_VIOLATED, "anchorDate must be in the years 1980 to 2100");
    }
    if (!(edgeCaseRate() >= 0 && edgeCaseRate() <= 1)) {
      throw new VanException(ErrorCode.INVARIANT_VIOLATED, "edgeCaseRate must be in [0, 1]");
    }
  }

  /** Returns a new builder; {@code country} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PopulationSpec}. */
  public static final class Builder extends ImmutablePopulationSpec.Builder {}
}
