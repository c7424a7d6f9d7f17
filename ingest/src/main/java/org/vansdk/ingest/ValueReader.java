package org.vansdk.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vansdk.core.VanException;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.place.AdminArea;
import org.vansdk.core.place.CountryCode;
import org.vansdk.ingest.mapping.Field;
import org.vansdk.ingest.mapping.ValueSpec;
import org.vansdk.ingest.transform.AreaResolver;
import org.vansdk.ingest.transform.DatePatterns;
import org.vansdk.ingest.transform.Digits;
import org.vansdk.ingest.transform.Text;

/**
 * Reads one value of a row as a mapping's value specification says: gathers and normalises the
 * text, recognises explicit unknowns, splits, maps and converts it to the field's kind. Not
 * thread-safe (shares the import's area resolver).
 */
final class ValueReader {
  /** The result for a value that is blank or an explicit unknown with no code for it. */
  static final Object ABSENT = new Object();

  /** The most source texts a reader remembers the value of. */
  static final int MEMO_LIMIT = 8192;

  /**
   * The longest source text a reader remembers (codes, dates and place names are short): with
   * {@link #MEMO_LIMIT}, a column's memo holds at most about 1 MB whatever the file's cells hold.
   */
  static final int MEMO_TEXT_CHARS = 64;

  private final Field field;
  private final ValueSpec spec;
  private final int[] columns;
  private final String columnLabel;
  private final String where;
  private final Set<String> unknownValues;
  private final DatePatterns dates;
  private final AreaResolver areas;
  private final CountryCode country;
  // the value read from each source text seen (codes, dates, areas: few distinct texts), or null
  private final Map<String, Object> memo;

  ValueReader(
      Field field,
      ValueSpec spec,
      int[] columns,
      String columnLabel,
      String where,
      List<String> unknownValues,
      AreaResolver areas,
      CountryCode country) {
    this.field = field;
    this.spec = spec;
    this.columns = columns;
    this.columnLabel = columnLabel;
    this.where = where;
    this.unknownValues = Set.copyOf(unknownValues);
    this.dates = spec.date().map(d -> DatePatterns.of(d.patterns(), d.calendar())).orElse(null);
    this.areas = areas;
    this.country = country;
    boolean plainText = field.kind() == Field.Kind.TEXT && spec.map().isEmpty();
    this.memo = columns.length <= 1 && !plainText ? new HashMap<>() : null;
  }

  Field field() {
    return field;
  }

  ValueSpec spec() {
    return spec;
  }

  String columnLabel() {
    return columnLabel;
  }

  /**
   * Reads the value: a String (text, code, P-code checked names), Boolean, Long, PartialDate,
   * AdminArea, CountryCode or OrganisationId; {@link #ABSENT}; or null after adding a problem.
   */
  Object read(String[] cells, List<Problem> problems) {
    if (memo == null) {
      return readText(cells, problems);
    }
    // the value depends on the source text alone: a text seen before gives the value it gave
    String raw = columns.length == 0 || columns[0] >= cells.length ? null : cells[columns[0]];
    String key = raw == null ? "" : raw;
    Object known = memo.get(key);
    if (known != null) {
      return known;
    }
    Object value = readText(cells, problems);
    if (value != null && key.length() <= MEMO_TEXT_CHARS && memo.size() < MEMO_LIMIT) {
      memo.put(key, value);
    }
    return value;
  }

  private Object readText(String[] cells, List<Problem> problems) {
    String text = text(cells);
    boolean blank = text.isEmpty();
    String folded = blank ? "" : Text.fold(text);
    boolean unknown = blank || unknownValues.contains(folded);
    if (!unknown && !spec.map().isEmpty()) {
      String mapped = spec.map().get(folded);
      if (mapped == null) {
        if (!spec.unmappedToUnknown()) {
          problems.add(problem(RejectReason.UNMAPPED_VALUE, "not in the value map" + allowed()));
          return null;
        }
        unknown = true;
      } else if (mapped.isEmpty()) {
        unknown = true;
      } else {
        text = mapped;
      }
    }
    if (unknown) {
      if (field.kind() == Field.Kind.CODE
          && field.hasUnknownCode()
          && (!blank || field.required())) {
        return "unknown";
      }
      if (field.required()) {
        problems.add(problem(RejectReason.MISSING_VALUE, "a value is required"));
        return null;
      }
      return ABSENT;
    }
    return convert(text, problems);
  }

  /**
   * Returns whether the row gives this value in its columns: not blank and not an explicit unknown
   * (a constant is not given by the row).
   */
  boolean given(String[] cells) {
    if (columns.length == 0) {
      return false;
    }
    String text = text(cells);
    return !text.isEmpty() && !unknownValues.contains(Text.fold(text));
  }

  /** The value's text in the row: its columns gathered and normalised, then split. */
  private String text(String[] cells) {
    String text = gather(cells);
    if (spec.split().isPresent() && !text.isEmpty()) {
      text = split(text, spec.split().get());
    }
    return text;
  }

  private String gather(String[] cells) {
    if (columns.length == 0) {
      return spec.constant().map(Text::normalise).orElse("");
    }
    if (columns.length == 1) {
      int c = columns[0];
      return c < cells.length && cells[c] != null ? Text.normalise(cells[c]) : "";
    }
    StringBuilder sb = new StringBuilder();
    for (int c : columns) {
      String part = c < cells.length && cells[c] != null ? Text.normalise(cells[c]) : "";
      if (!part.isEmpty()) {
        if (sb.length() > 0) {
          sb.append(spec.separator());
        }
        sb.append(part);
      }
    }
    return sb.toString();
  }

  private static String split(String text, ValueSpec.SplitSpec split) {
    String[] parts = text.split(java.util.regex.Pattern.quote(split.separator()), -1);
    int index = split.part() > 0 ? split.part() - 1 : parts.length + split.part();
    return index >= 0 && index < parts.length ? Text.normalise(parts[index]) : "";
  }

  private Object convert(String text, List<Problem> problems) {
    switch (field.kind()) {
      case TEXT:
        return text;
      case CODE:
        {
          String code = text.toLowerCase(java.util.Locale.ROOT);
          if (field.isCode(code)) {
            return code;
          }
          problems.add(
              problem(
                  RejectReason.UNMAPPED_VALUE,
                  "not a code of " + field.property() + " and not in the value map" + allowed()));
          return null;
        }
      case DATE:
        {
          Optional<org.vansdk.core.time.PartialDate> d = dates.parse(Digits.toAscii(text));
          if (d.isEmpty()) {
            problems.add(
                problem(
                    RejectReason.INVALID_DATE,
                    "expected one of " + spec.date().get().patterns() + " on the calendar"));
            return null;
          }
          return d.get();
        }
      case BOOLEAN:
        switch (Text.fold(text)) {
          case "true":
          case "yes":
          case "y":
          case "1":
            return Boolean.TRUE;
          case "false":
          case "no":
          case "n":
          case "0":
            return Boolean.FALSE;
          default:
            problems.add(problem(RejectReason.INVALID_VALUE, "expected true/false or yes/no"));
            return null;
        }
      case INTEGER:
        return integer(Digits.toAscii(text), problems);
      case AREA:
        {
          ValueSpec.AreaSpec a = spec.area().get();
          Optional<AdminArea> area = areas.resolve(text, a.level(), a.spellingTolerance());
          if (area.isEmpty()) {
            problems.add(
                problem(
                    RejectReason.UNKNOWN_AREA,
                    "expected a level-"
                        + a.level()
                        + " P-code of "
                        + country
                        + (a.level() == 1 ? " or one province name" : "")));
            return null;
          }
          return area.get();
        }
      case COUNTRY:
        try {
          return CountryCode.parse(text.toUpperCase(java.util.Locale.ROOT));
        } catch (VanException e) {
          problems.add(problem(RejectReason.INVALID_VALUE, "expected an ISO alpha-3 code"));
          return null;
        }
      default:
        try {
          return OrganisationId.parse(text);
        } catch (VanException e) {
          problems.add(problem(RejectReason.INVALID_VALUE, "expected an organisation id"));
          return null;
        }
    }
  }

  private Object integer(String text, List<Problem> problems) {
    String t = text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    long value = 0;
    boolean ok = !t.isEmpty() && t.length() <= 10;
    for (int i = 0; ok && i < t.length(); i++) {
      char c = t.charAt(i);
      ok = c >= '0' && c <= '9';
      value = value * 10 + (c - '0');
    }
    ValueSpec.NumberSpec bounds =
        spec.number().orElse(new ValueSpec.NumberSpec(0, Integer.MAX_VALUE));
    if (!ok || value < bounds.min() || value > bounds.max()) {
      problems.add(
          problem(
              RejectReason.INVALID_NUMBER,
              "expected a whole number from " + bounds.min() + " to " + bounds.max()));
      return null;
    }
    return value;
  }

  private String allowed() {
    return field.kind() == Field.Kind.CODE ? "; codes: " + field.allowedCodes() : "";
  }

  Problem problem(RejectReason reason, String detail) {
    return new Problem(columnLabel, where, reason, detail);
  }
}
