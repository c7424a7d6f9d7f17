package org.vansdk.exchange.treaty;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import org.vansdk.core.casualty.AgeGroup;
import org.vansdk.core.casualty.LandmineMonitorGroup;
import org.vansdk.core.casualty.Outcome;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;
import org.vansdk.core.code.LabelLanguage;
import org.vansdk.core.code.YesNoUnknown;
import org.vansdk.core.incident.DeviceCategory;
import org.vansdk.core.person.Sex;
import org.vansdk.indicators.catalogue.Dimension;

/**
 * Labels of the tables: headings from this package's label files (English source, other languages
 * machine-drafted and marked so), code values from the core code lists. Thread-safe.
 */
final class TreatyLabels {
  private static final Map<LabelLanguage, Properties> FILES = new EnumMap<>(LabelLanguage.class);

  /** The core code list of each closed dimension the tables use. */
  private static final Map<Dimension, Class<? extends Enum<?>>> CODE_LISTS =
      Map.of(
          Dimension.SEX, Sex.class,
          Dimension.AGE_GROUP, AgeGroup.class,
          Dimension.LANDMINE_MONITOR_GROUP, LandmineMonitorGroup.class,
          Dimension.OUTCOME, Outcome.class,
          Dimension.DEVICE_CATEGORY, DeviceCategory.class,
          Dimension.DISABILITY3, YesNoUnknown.class);

  static {
    for (LabelLanguage l : LabelLanguage.values()) {
      String name =
          l == LabelLanguage.EN ? "labels.properties" : "labels_" + l.tag() + ".properties";
      Properties p = new Properties();
      try (InputStream in = TreatyLabels.class.getResourceAsStream(name)) {
        if (in != null) {
          p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + name, e);
      }
      FILES.put(l, p);
    }
  }

  private TreatyLabels() {}

  /** A heading: a dimension code, {@code total}, {@code suppressed} or a table code. */
  static String heading(String key, LabelLanguage language) {
    String v = FILES.get(language).getProperty(key);
    return v != null ? v : FILES.get(LabelLanguage.EN).getProperty(key, key);
  }

  /** The label of a dimension's value; open dimensions (years) show the value itself. */
  static String value(Dimension d, String code, LabelLanguage language) {
    Class<? extends Enum<?>> list = CODE_LISTS.get(d);
    if (list == null) {
      return code.equals("unknown") ? heading("unknown", language) : code;
    }
    for (Enum<?> e : list.getEnumConstants()) {
      if (CodeList.codeOf(e).equals(code)) {
        return ((CodeValue) e).label(language);
      }
    }
    return code;
  }
}
