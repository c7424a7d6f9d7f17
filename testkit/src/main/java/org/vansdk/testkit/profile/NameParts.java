package org.vansdk.testkit.profile;

import java.util.List;

/**
 * Common name parts for synthetic persons of a country. Synthetic names are built by combining them
 * at random; they are not the names of any real casualty. Immutable and thread-safe.
 *
 * @since 1.0
 */
public final class NameParts {
  private final boolean familyNameFirst;
  private final List<String> family;
  private final List<String> givenMale;
  private final List<String> givenFemale;

  NameParts(
      boolean familyNameFirst,
      List<String> family,
      List<String> givenMale,
      List<String> givenFemale) {
    this.familyNameFirst = familyNameFirst;
    this.family = List.copyOf(family);
    this.givenMale = List.copyOf(givenMale);
    this.givenFemale = List.copyOf(givenFemale);
  }

  /** Returns whether the family name is written first (Khmer, Vietnamese). */
  public boolean familyNameFirst() {
    return familyNameFirst;
  }

  /** Returns family names; empty where people have none (Myanmar). */
  public List<String> family() {
    return family;
  }

  /** Returns given names for men and boys. */
  public List<String> givenMale() {
    return givenMale;
  }

  /** Returns given names for women and girls. */
  public List<String> givenFemale() {
    return givenFemale;
  }
}
