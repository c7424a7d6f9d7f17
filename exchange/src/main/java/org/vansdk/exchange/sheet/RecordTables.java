package org.vansdk.exchange.sheet;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.vansdk.core.code.CodeValue;
import org.vansdk.core.code.LabelLanguage;
import org.vansdk.core.id.RecordId;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.submission.RecordType;
import org.vansdk.core.text.LocalizedText;
import org.vansdk.core.time.PartialDate;

/**
 * Records as table rows: one column per attribute of the record type (its accessors, in the
 * alphabetical order of the JSON wire format), the heading the attribute's name in words; code
 * values as their label in the chosen language, identifiers, countries, dates and numbers as text,
 * texts as {@code text [lang]}, lists joined with {@code "; "}, and nested values (a location, an
 * injury) as their JSON, so nothing is lost. Personal fields are written like any other: the
 * spreadsheet is the data. Stateless and thread-safe.
 *
 * @since 1.0
 */
public final class RecordTables {
  private static final VanJson JSON = VanJson.strict();
  private static final Map<RecordType, List<Method>> COLUMNS = new EnumMap<>(RecordType.class);

  static {
    for (RecordType t : RecordType.values()) {
      List<Method> attributes = new ArrayList<>();
      for (Method m : t.javaType().getMethods()) {
        if (Modifier.isAbstract(m.getModifiers())
            && m.getParameterCount() == 0
            && m.getDeclaringClass() == t.javaType()) {
          attributes.add(m);
        }
      }
      attributes.sort(Comparator.comparing(Method::getName));
      COLUMNS.put(t, List.copyOf(attributes));
    }
  }

  private RecordTables() {}

  /** Every record type's columns as a Markdown page. */
  public static String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Records as tables (XLSX, CSV)\n\n")
        .append("Generated from the code (`RecordTables.markdown()`); do not edit.\n\n")
        .append("`van export IN --format xlsx --lang km --out records.xlsx` writes a sheet per")
        .append(" record type; `--format csv --out DIR` a file per record type (`person.csv`...).")
        .append(" Code values are labels in the chosen language; identifiers, dates and numbers")
        .append(" as text; lists joined with `; `; nested values (a location, an injury) as JSON.")
        .append(" Personal fields are included: the spreadsheet is the data, keep it as")
        .append(
            " protected as the records. Headings are in the chosen language (English below), the"
                + " field name")
        .append(" in brackets.\n");
    for (RecordType t : RecordType.values()) {
      sb.append("\n## `").append(t.code()).append("`\n\n");
      List<String> h = headings(t);
      for (String c : h) {
        sb.append("- ").append(c).append('\n');
      }
    }
    return sb.toString();
  }

  /** The column keys of a record type: its attribute names, e.g. {@code birthDate}. */
  public static List<String> columns(RecordType type) {
    return COLUMNS.get(type).stream().map(Method::getName).collect(Collectors.toList());
  }

  /** The column headings of a record type in English, e.g. {@code Birth date (birthDate)}. */
  public static List<String> headings(RecordType type) {
    return headings(type, LabelLanguage.EN);
  }

  /**
   * The column headings of a record type in a language: the attribute's label, then its name in
   * brackets (the key a program reads), e.g. {@code ថ្ងៃខែឆ្នាំកំណើត (birthDate)} in Khmer. An
   * attribute without a label in the language falls back to English.
   *
   * @param type the record type
   * @param language the language of the labels
   * @return the headings, in column order
   */
  public static List<String> headings(RecordType type, LabelLanguage language) {
    List<String> h = new ArrayList<>();
    for (String c : columns(type)) {
      String label =
          ColumnLabels.label(c, language)
              .or(() -> ColumnLabels.label(c, LabelLanguage.EN))
              .orElseGet(() -> words(c));
      h.add(label + " (" + c + ")");
    }
    return h;
  }

  /**
   * The row of a record in a language.
   *
   * @throws IllegalArgumentException if it is not a record of the model
   */
  public static List<Object> row(Object record, LabelLanguage language) {
    RecordType type = RecordType.of(record);
    List<Object> row = new ArrayList<>();
    for (Method m : COLUMNS.get(type)) {
      try {
        row.add(cell(m.invoke(record), language));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read the attribute " + m.getName(), e);
      }
    }
    return row;
  }

  private static Object cell(Object v, LabelLanguage language) {
    if (v instanceof Optional) {
      return ((Optional<?>) v).map(x -> cell(x, language)).orElse(null);
    }
    if (v instanceof List) {
      List<?> list = (List<?>) v;
      return list.isEmpty()
          ? null
          : list.stream()
              .map(x -> String.valueOf(cell(x, language)))
              .collect(Collectors.joining("; "));
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v instanceof Boolean ? v.toString() : v;
    }
    if (v instanceof String) {
      return v;
    }
    if (v instanceof CodeValue) {
      return ((CodeValue) v).label(language);
    }
    if (v instanceof RecordId) {
      return ((RecordId) v).value();
    }
    if (v instanceof CountryCode) {
      return ((CountryCode) v).code();
    }
    if (v instanceof PartialDate || v instanceof TemporalAccessor) {
      return v.toString();
    }
    if (v instanceof LocalizedText) {
      LocalizedText t = (LocalizedText) v;
      return t.text() + " [" + t.lang() + "]";
    }
    return JSON.write(v);
  }

  /** {@code birthDateEstimated} as {@code Birth date estimated}. */
  static String words(String camel) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        sb.append(' ').append(Character.toLowerCase(c));
      } else {
        sb.append(i == 0 ? Character.toUpperCase(c) : c);
      }
    }
    return sb.toString();
  }
}
