package org.vansdk.testkit.profile;

import java.util.List;

/**
 * The distribution of one casualty attribute in a country, by era of incident year, with the public
 * figure it follows. Eras cover the profile's incident years without gap or overlap. Immutable and
 * thread-safe.
 *
 * @since 1.0
 */
public final class Distribution {
  private final Attribute attribute;
  private final String source;
  private final boolean approximate;
  private final String basis;
  private final List<Era> eras;
  private final Shares[] byYear;
  private final int firstYear;

  Distribution(
      Attribute attribute, String source, boolean approximate, String basis, List<Era> eras) {
    this.attribute = attribute;
    this.source = source;
    this.approximate = approximate;
    this.basis = basis;
    this.eras = List.copyOf(eras);
    this.firstYear = eras.get(0).from();
    int lastYear = eras.get(eras.size() - 1).to();
    this.byYear = new Shares[lastYear - firstYear + 1];
    for (Era era : eras) {
      for (int y = era.from(); y <= era.to(); y++) {
        byYear[y - firstYear] = era.shares();
      }
    }
  }

  /** Returns the attribute described. */
  public Attribute attribute() {
    return attribute;
  }

  /** Returns the id of the source (a key of {@link CountryProfile#sources()}). */
  public String source() {
    return source;
  }

  /** Returns whether the shares are approximate rather than a published figure. */
  public boolean approximate() {
    return approximate;
  }

  /** Returns the sentence saying which figure the shares follow and how. */
  public String basis() {
    return basis;
  }

  /** Returns the eras in year order. */
  public List<Era> eras() {
    return eras;
  }

  /**
   * Returns the shares that apply to an incident year; years outside the profile's range take the
   * nearest era.
   *
   * @param year an incident year
   * @return the shares
   */
  public Shares in(int year) {
    int i = Math.max(0, Math.min(byYear.length - 1, year - firstYear));
    return byYear[i];
  }
}
