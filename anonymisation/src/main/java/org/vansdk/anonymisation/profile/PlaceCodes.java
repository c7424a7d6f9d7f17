package org.vansdk.anonymisation.profile;

import java.util.Optional;
import java.util.regex.Pattern;
import org.vansdk.core.place.Gazetteer;

/**
 * The province of an incident's P-code, whatever the country's P-code scheme: the level-1 area of
 * the gazetteer whose code begins the P-code ({@code VN42} for the Vietnamese commune code {@code
 * VN4200101234}, {@code MMR001} for a Myanmar township {@code MMR001012}); for a code the gazetteer
 * does not cover, the first two digits of an OCHA-shaped code (two letters, two digits per level).
 * A code of neither kind has no province and the incident is placed at its country.
 */
final class PlaceCodes {
  private static final Pattern OCHA = Pattern.compile("[A-Z]{2}(\\d{2}){1,3}");

  private PlaceCodes() {}

  /**
   * Returns the province of a P-code.
   *
   * @param pCode the P-code of any level
   * @return the level-1 code, or empty when the code's province cannot be told
   */
  static Optional<String> province(String pCode) {
    for (int length = pCode.length(); length >= 3; length--) {
      String prefix = pCode.substring(0, length);
      if (Gazetteer.level1(prefix).isPresent()) {
        return Optional.of(prefix);
      }
    }
    return OCHA.matcher(pCode).matches() ? Optional.of(pCode.substring(0, 4)) : Optional.empty();
  }

  /**
   * Returns the district label of a P-code in the place hierarchy: the first two levels of an
   * OCHA-shaped code; for other schemes the code itself (districts are not released, only counted
   * in the loss).
   *
   * @param pCode a P-code whose province is known
   * @return the label
   */
  static String district(String pCode) {
    return OCHA.matcher(pCode).matches() ? pCode.substring(0, Math.min(6, pCode.length())) : pCode;
  }

  /**
   * Says whether a code has the OCHA two-digits-per-level shape, whose ancestors are its prefixes.
   *
   * @param pCode the code
   * @return true for e.g. {@code KH1201}
   */
  static boolean ochaShaped(String pCode) {
    return OCHA.matcher(pCode).matches();
  }
}
