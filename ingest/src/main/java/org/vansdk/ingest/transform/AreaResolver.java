package org.vansdk.ingest.transform;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vansdk.core.place.AdminArea;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.place.Gazetteer;
import org.vansdk.core.place.GazetteerArea;

/**
 * Resolves what a source says about a place to an administrative area of one country: a P-code as
 * it stands, or at level 1 a name in English, the national language or another known spelling (from
 * the core {@link Gazetteer}). Names are compared ignoring case, accents on Latin letters, spaces
 * and punctuation, and words such as "Province", "State", "Region", "ខេត្ត", "ແຂວງ", "จังหวัด",
 * "ပြည်နယ်" or "Tỉnh"; within a spelling tolerance, a misspelt name resolves when it is closest to
 * exactly one area. Not thread-safe (keeps a cache): one per import.
 *
 * <p>District (level-2) and lower areas resolve from P-codes only: the gazetteer has no level-2
 * names, and none can be derived from the testkit, whose districts are synthetic codes under real
 * provinces with no names. A district name is refused as an unknown area, never guessed.
 */
public final class AreaResolver {
  private static final Object AMBIGUOUS = new Object();
  private static final List<String> WORDS =
      List.of(
          "province",
          "provinces",
          "state",
          "region",
          "division",
          "khet",
          "khett",
          "khaet",
          "changwat",
          "tinh",
          "thanh pho",
          "krong",
          "union territory",
          "capital city");
  private static final List<String> AFFIXES =
      List.of(
          "ខេត្ត",
          "រាជធានី",
          "ក្រុង",
          "ແຂວງ",
          "จังหวัด",
          "จ.",
          "ပြည်နယ်",
          "တိုင်းဒေသကြီး",
          "တိုင်း",
          "tỉnh",
          "thành phố");
  private static final int CACHE_LIMIT = 20_000;

  private final CountryCode country;
  private final Map<String, Object> exact = new HashMap<>();
  private final Map<String, Object> stripped = new HashMap<>();
  private final Map<String, Optional<AdminArea>> cache = new HashMap<>();
  private final List<GazetteerArea> areas;

  private AreaResolver(CountryCode country) {
    this.country = country;
    this.areas = Gazetteer.level1(country);
    for (GazetteerArea a : areas) {
      List<String> names = new ArrayList<>(a.aliases());
      names.add(a.englishName());
      names.add(a.nationalName());
      for (String name : names) {
        put(exact, key(name), a);
        put(stripped, key(strip(name)), a);
      }
    }
  }

  /**
   * Returns a resolver for a country.
   *
   * @param country the country whose areas are meant
   * @return the resolver
   */
  public static AreaResolver of(CountryCode country) {
    return new AreaResolver(country);
  }

  private static void put(Map<String, Object> index, String key, GazetteerArea area) {
    if (key.isEmpty()) {
      return;
    }
    Object old = index.get(key);
    index.put(key, old == null || old == area ? area : AMBIGUOUS);
  }

  /**
   * Resolves a value.
   *
   * @param text the normalised source text
   * @param level the administrative level expected (names resolve at level 1 only)
   * @param tolerance the number of edits a misspelt level-1 name may have (0 to 2)
   * @return the area, or empty when the text is no P-code of the country at that level and no name
   *     (or more than one) matches
   */
  public Optional<AdminArea> resolve(String text, int level, int tolerance) {
    String cacheKey = level + "|" + tolerance + "|" + text;
    Optional<AdminArea> hit = cache.get(cacheKey);
    if (hit != null) {
      return hit;
    }
    Optional<AdminArea> found = lookup(text, level, tolerance);
    if (cache.size() < CACHE_LIMIT) {
      cache.put(cacheKey, found);
    }
    return found;
  }

  private Optional<AdminArea> lookup(String text, int level, int tolerance) {
    String code = Digits.toAscii(text).toUpperCase(Locale.ROOT).replace(" ", "");
    if (code.chars().anyMatch(Character::isDigit)
        && code.matches(AdminArea.P_CODE_PATTERN)
        && belongs(code)) {
      if (level == 1) {
        return Gazetteer.level1(code)
            .filter(a -> a.country().equals(country))
            .map(GazetteerArea::toAdminArea);
      }
      for (GazetteerArea a : areas) {
        if (code.startsWith(a.pCode()) && code.length() > a.pCode().length()) {
          return Optional.of(AdminArea.builder().pCode(code).level(level).build());
        }
      }
      return Optional.empty();
    }
    if (level != 1) {
      return Optional.empty();
    }
    Object a = exact.get(key(text));
    if (a == null) {
      a = stripped.get(key(strip(text)));
    }
    if (a == null && tolerance > 0) {
      a = closest(text, tolerance);
    }
    return a instanceof GazetteerArea
        ? Optional.of(((GazetteerArea) a).toAdminArea())
        : Optional.empty();
  }

  private boolean belongs(String code) {
    return code.startsWith(country.code()) || country.alpha2().map(code::startsWith).orElse(false);
  }

  private Object closest(String text, int tolerance) {
    String key = key(text);
    String strippedKey = key(strip(text));
    int allowed = Math.min(tolerance, strippedKey.length() / 4);
    if (allowed == 0) {
      return null;
    }
    Object best = null;
    int bestDistance = allowed + 1;
    for (Map<String, Object> index : List.of(exact, stripped)) {
      for (Map.Entry<String, Object> e : index.entrySet()) {
        if (e.getValue() == AMBIGUOUS) {
          continue;
        }
        int d =
            Math.min(
                Spelling.distance(key, e.getKey(), allowed),
                Spelling.distance(strippedKey, e.getKey(), allowed));
        if (d < bestDistance) {
          best = e.getValue();
          bestDistance = d;
        } else if (d == bestDistance && d <= allowed && best != e.getValue()) {
          best = AMBIGUOUS;
        }
      }
    }
    return best;
  }

  private static String strip(String name) {
    String s = " " + Text.fold(name) + " ";
    for (String w : WORDS) {
      s = s.replace(" " + w + " ", " ");
    }
    s = s.trim();
    for (String affix : AFFIXES) {
      if (s.startsWith(affix) && s.length() > affix.length()) {
        s = s.substring(affix.length()).trim();
      }
      if (s.endsWith(affix) && s.length() > affix.length()) {
        s = s.substring(0, s.length() - affix.length()).trim();
      }
    }
    return s;
  }

  /** Folded, Latin accents removed, only letters, digits and script vowel signs kept. */
  static String key(String name) {
    String s = Text.fold(name).replace('đ', 'd');
    String d = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder sb = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      if (c >= '\u0300' && c <= '\u036f') {
        continue;
      }
      int type = Character.getType(c);
      if (Character.isLetterOrDigit(c)
          || type == Character.NON_SPACING_MARK
          || type == Character.COMBINING_SPACING_MARK) {
        sb.append(c);
      }
    }
    return Normalizer.normalize(sb, Normalizer.Form.NFC);
  }
}
