package org.vansdk.core.place;

import java.util.List;
import java.util.Optional;
import org.vansdk.core.code.LabelLanguage;

/**
 * One level-1 area of the {@link Gazetteer}: its P-code, its English name, its name in the
 * country's national language, and other spellings met in national data. Immutable and thread-safe.
 *
 * @since 1.0
 */
public final class GazetteerArea {
  private final CountryCode country;
  private final String pCode;
  private final String englishName;
  private final LabelLanguage nationalLanguage;
  private final String nationalName;
  private final List<String> aliases;

  GazetteerArea(
      CountryCode country,
      String pCode,
      String englishName,
      LabelLanguage nationalLanguage,
      String nationalName,
      List<String> aliases) {
    this.country = country;
    this.pCode = pCode;
    this.englishName = englishName;
    this.nationalLanguage = nationalLanguage;
    this.nationalName = nationalName;
    this.aliases = List.copyOf(aliases);
  }

  /** Returns the country. */
  public CountryCode country() {
    return country;
  }

  /** Returns the P-code, e.g. {@code KH02}. */
  public String pCode() {
    return pCode;
  }

  /** Returns the English name, e.g. {@code Battambang}. */
  public String englishName() {
    return englishName;
  }

  /** Returns the country's national language. */
  public LabelLanguage nationalLanguage() {
    return nationalLanguage;
  }

  /** Returns the name in the national language, e.g. {@code បាត់ដំបង}. */
  public String nationalName() {
    return nationalName;
  }

  /**
   * Returns the name in a language: English, or the national language.
   *
   * @param language the language wanted
   * @return the name, or empty for a language that is neither
   */
  public Optional<String> name(LabelLanguage language) {
    if (language == LabelLanguage.EN) {
      return Optional.of(englishName);
    }
    return language == nationalLanguage ? Optional.of(nationalName) : Optional.empty();
  }

  /** Returns other spellings met in national data (romanisations, former names). */
  public List<String> aliases() {
    return aliases;
  }

  /** Returns the level-1 {@link AdminArea} with the English name. */
  public AdminArea toAdminArea() {
    return AdminArea.of(pCode, 1, englishName);
  }

  @Override
  public String toString() {
    return pCode + " " + englishName;
  }
}
