package org.vansdk.exchange.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import org.vansdk.core.code.LabelLanguage;

/**
 * The column headings of the record tables in the six languages, from this package's label files
 * ({@code columns.properties} in English, the source; the others machine-drafted and marked so
 * until reviewed), keyed by attribute name. Thread-safe (read once).
 */
final class ColumnLabels {
  private static final Map<LabelLanguage, Properties> FILES = new EnumMap<>(LabelLanguage.class);

  static {
    for (LabelLanguage l : LabelLanguage.values()) {
      String name =
          l == LabelLanguage.EN ? "columns.properties" : "columns_" + l.tag() + ".properties";
      Properties p = new Properties();
      try (InputStream in = ColumnLabels.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException("label file " + name + " is not shipped");
        }
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + name, e);
      }
      FILES.put(l, p);
    }
  }

  private ColumnLabels() {}

  /** The label of an attribute in a language; empty when the file has none. */
  static java.util.Optional<String> label(String attribute, LabelLanguage language) {
    return java.util.Optional.ofNullable(FILES.get(language).getProperty(attribute));
  }
}
