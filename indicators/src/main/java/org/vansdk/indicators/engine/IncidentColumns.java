package org.vansdk.indicators.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.vansdk.core.internal.StringIndex;
import org.vansdk.core.time.PartialDate;

/**
 * What the indicators need per incident, one slot per incident id in the order ids are first seen:
 * date (day, year and month codes), device category, admin-1 and country codes, marking. A casualty
 * may come before its incident in a stream, so a casualty's incident id gives it a slot; {@link
 * #seen} tells which incidents were read. Not thread-safe.
 */
final class IncidentColumns {
  private final OpenDimensions codes;
  private final StringIndex index = new StringIndex();
  private final Map<String, Integer> admin1OfLevel1 = new HashMap<>();
  private final Map<String, Integer> admin1OfDeeper = new HashMap<>();
  boolean[] seen = new boolean[1024];
  int[] day = new int[1024];
  int[] year = new int[1024];
  int[] month = new int[1024];
  byte[] device = new byte[1024];
  int[] admin1 = new int[1024];
  int[] country = new int[1024];
  byte[] marked = new byte[1024];
  int size;

  IncidentColumns(OpenDimensions codes) {
    this.codes = codes;
  }

  /** The slot of an incident id, a new (unseen) one if the id is new. */
  int slot(String id) {
    int i = index.intern(id);
    if (i < size) {
      return i;
    }
    size++;
    if (i == seen.length) {
      int n = i * 2;
      seen = Arrays.copyOf(seen, n);
      day = Arrays.copyOf(day, n);
      year = Arrays.copyOf(year, n);
      month = Arrays.copyOf(month, n);
      device = Arrays.copyOf(device, n);
      admin1 = Arrays.copyOf(admin1, n);
      country = Arrays.copyOf(country, n);
      marked = Arrays.copyOf(marked, n);
    }
    return i;
  }

  /**
   * An incident's fields: ordinals of its device category and marking, its admin area's P-code and
   * level ({@code null} and 0 when absent) and its country code.
   */
  void incident(
      String id,
      PartialDate d,
      int deviceOrdinal,
      String pCode,
      int level,
      String countryCode,
      int mark) {
    int i = slot(id);
    seen[i] = true;
    day[i] = (int) d.earliest().toEpochDay();
    year[i] = codes.yearCode(d.year());
    month[i] = d.monthOrZero() == 0 ? 0 : codes.monthCode(d.year(), d.monthOrZero());
    device[i] = (byte) deviceOrdinal;
    admin1[i] = pCode == null ? 0 : admin1Code(pCode, level);
    country[i] = codes.country.code(countryCode);
    marked[i] = (byte) mark;
  }

  private int admin1Code(String pCode, int level) {
    Map<String, Integer> cache = level == 1 ? admin1OfLevel1 : admin1OfDeeper;
    Integer c = cache.get(pCode);
    if (c == null) {
      c = codes.admin1.code(admin1Of(pCode, level));
      cache.put(pCode, c);
    }
    return c;
  }

  /** The admin-1 P-code of an area: the country letters and the next two characters. */
  private static String admin1Of(String p, int level) {
    if (level == 1) {
      return p;
    }
    int k = 0;
    while (k < p.length() && Character.isLetter(p.charAt(k))) {
      k++;
    }
    return p.substring(0, Math.min(p.length(), k + 2));
  }
}
