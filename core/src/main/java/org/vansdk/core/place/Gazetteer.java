package org.vansdk.core.place;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vansdk.core.code.LabelLanguage;

/**
 * The level-1 administrative areas (provinces, states, regions) of the network's five countries:
 * P-code, English name, name in the national language and other common spellings. One source for
 * every module that turns a province name into a P-code (import) or a P-code into a name (synthetic
 * populations). Read once from {@code level1-areas.tsv} beside this class; immutable and
 * thread-safe.
 *
 * <p>National-language names are machine-drafted and await native-speaker review; the P-code
 * schemes of Lao PDR, Myanmar and Viet Nam are to be checked against the OCHA COD-AB in use.
 *
 * @since 1.0
 */
public final class Gazetteer {
  private static final Map<CountryCode, List<GazetteerArea>> BY_COUNTRY;
  private static final Map<String, GazetteerArea> BY_P_CODE;

  static {
    Map<CountryCode, List<GazetteerArea>> byCountry = new LinkedHashMap<>();
    Map<String, GazetteerArea> byPCode = new HashMap<>();
    for (GazetteerArea area : load()) {
      byCountry.computeIfAbsent(area.country(), c -> new ArrayList<>()).add(area);
      if (byPCode.put(area.pCode(), area) != null) {
        throw new IllegalStateException("level1-areas.tsv lists " + area.pCode() + " twice");
      }
    }
    byCountry.replaceAll((c, list) -> List.copyOf(list));
    BY_COUNTRY = Map.copyOf(byCountry);
    BY_P_CODE = Map.copyOf(byPCode);
  }

  private Gazetteer() {}

  /**
   * Returns the level-1 areas of a country in P-code file order.
   *
   * @param country the country
   * @return its areas; empty for a country the gazetteer does not cover
   */
  public static List<GazetteerArea> level1(CountryCode country) {
    return BY_COUNTRY.getOrDefault(country, List.of());
  }

  /**
   * Returns the level-1 area with a P-code.
   *
   * @param pCode the P-code, e.g. {@code KH02}
   * @return the area, or empty when the gazetteer has no such level-1 code
   */
  public static Optional<GazetteerArea> level1(String pCode) {
    return Optional.ofNullable(BY_P_CODE.get(pCode));
  }

  private static List<GazetteerArea> load() {
    List<GazetteerArea> areas = new ArrayList<>();
    try (InputStream in = Gazetteer.class.getResourceAsStream("level1-areas.tsv")) {
      if (in == null) {
        throw new IllegalStateException("level1-areas.tsv is missing from the core jar");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != 5) {
          throw new IllegalStateException(
              "level1-areas.tsv line " + number + " has " + f.length + " fields, not 5");
        }
        CountryCode country = CountryCode.parse(f[0]);
        List<String> aliases = f[4].isEmpty() ? List.of() : Arrays.asList(f[4].split("\\|"));
        areas.add(new GazetteerArea(country, f[1], f[2], nationalLanguage(country), f[3], aliases));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read level1-areas.tsv", e);
    }
    return areas;
  }

  private static LabelLanguage nationalLanguage(CountryCode country) {
    switch (country.code()) {
      case "KHM":
        return LabelLanguage.KM;
      case "LAO":
        return LabelLanguage.LO;
      case "MMR":
        return LabelLanguage.MY;
      case "THA":
        return LabelLanguage.TH;
      case "VNM":
        return LabelLanguage.VI;
      default:
        throw new IllegalStateException("level1-areas.tsv covers " + country + " unexpectedly");
    }
  }
}
