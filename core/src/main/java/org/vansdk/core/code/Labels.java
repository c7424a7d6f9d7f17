package org.vansdk.core.code;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Labels of code values in the network's languages, read from UTF-8 property files beside this
 * class ({@code labels.properties} for English, {@code labels_km.properties} etc.), keyed {@code
 * EnumName.code}. Each file states its {@link ReviewStatus}. Thread-safe; files are read once.
 *
 * @since 1.0
 */
public final class Labels {
  private static final Map<LabelLanguage, Properties> BUNDLES = new EnumMap<>(LabelLanguage.class);

  static {
    for (LabelLanguage language : LabelLanguage.values()) {
      BUNDLES.put(language, load(language));
    }
  }

  private Labels() {}

  /**
   * Returns the label of a code value, falling back to English, then to the code itself.
   *
   * @param value the code value
   * @param language the language wanted
   * @return the label
   */
  public static String label(CodeValue value, LabelLanguage language) {
    String key = keyOf(value);
    String label = bundle(language).getProperty(key);
    if (label == null) {
      label = bundle(LabelLanguage.EN).getProperty(key, value.code());
    }
    return label;
  }

  /**
   * Returns whether a language has its own label for the value (no English fallback).
   *
   * @param value the code value
   * @param language the language
   * @return true when the language's file has the label
   */
  public static boolean hasLabel(CodeValue value, LabelLanguage language) {
    return bundle(language).containsKey(keyOf(value));
  }

  /**
   * Returns the review status of a language's labels.
   *
   * @param language the language
   * @return its status as declared in its label file; {@link ReviewStatus#MACHINE_DRAFTED} if the
   *     file does not say
   */
  public static ReviewStatus reviewStatus(LabelLanguage language) {
    String status = bundle(language).getProperty("_review.status", "machine_drafted");
    return ReviewStatus.valueOf(status.toUpperCase(Locale.ROOT));
  }

  /** The static initialiser loads a bundle for every language. */
  private static Properties bundle(LabelLanguage language) {
    return Objects.requireNonNull(BUNDLES.get(language));
  }

  private static String keyOf(CodeValue value) {
    Class<?> type = value.getClass();
    if (type.isAnonymousClass()) {
      type = type.getSuperclass();
    }
    return type.getSimpleName() + "." + value.code();
  }

  private static Properties load(LabelLanguage language) {
    String name =
        language == LabelLanguage.EN
            ? "labels.properties"
            : "labels_" + language.tag() + ".properties";
    Properties properties = new Properties();
    try (InputStream in = Labels.class.getResourceAsStream(name)) {
      if (in != null) {
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read label file " + name, e);
    }
    return properties;
  }
}
