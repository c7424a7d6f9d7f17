package org.vansdk.indicators.export;

import java.util.Map;
import org.vansdk.indicators.catalogue.Dimension;
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.indicators.table.Observation;

/**
 * Writes an indicator table as JSON: {@code {"structure": ..., "period": {"start": ..., "end":
 * ...}, "observations": [...]}}, each observation with {@code indicator}, {@code dimensions} (code
 * to value; absent = total), {@code unit} ({@code count}, {@code proportion}, {@code ratio} or
 * {@code days}), {@code value}, {@code numerator}, {@code denominator}, {@code unknown} (each
 * omitted when suppressed or not applicable) and {@code status}: {@code normal}, {@code
 * no_denominator} or {@code suppressed} (a small cell, or one withheld so that a small cell cannot
 * be recovered from the totals; not told apart). Stateless and thread-safe.
 *
 * @since 1.0
 */
public final class IndicatorJson {
  private IndicatorJson() {}

  /** The table as compact JSON text. */
  public static String toJson(IndicatorTable table) {
    StringBuilder sb = new StringBuilder(64 + table.observations().size() * 160);
    sb.append("{\"structure\":\"")
        .append(IndicatorCsv.STRUCTURE_ID)
        .append("\",\"period\":{\"start\":\"")
        .append(table.period().start().toString())
        .append("\",\"end\":\"")
        .append(table.period().end().toString())
        .append("\"},\"observations\":[");
    boolean first = true;
    for (Observation o : table.observations()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      sb.append("{\"indicator\":");
      string(sb, o.indicator());
      sb.append(",\"dimensions\":{");
      boolean firstDim = true;
      for (Map.Entry<Dimension, String> d : o.dimensions().entrySet()) {
        if (!firstDim) {
          sb.append(',');
        }
        firstDim = false;
        string(sb, d.getKey().code());
        sb.append(':');
        string(sb, d.getValue());
      }
      sb.append("},\"unit\":\"")
          .append(
              org.vansdk.indicators.catalogue.IndicatorCatalogue.get(o.indicator()).unit().code())
          .append('"');
      if (o.value().isPresent()) {
        sb.append(",\"value\":").append(IndicatorCsv.number(o.value().getAsDouble()));
      }
      if (o.numerator().isPresent()) {
        sb.append(",\"numerator\":").append(o.numerator().getAsLong());
      }
      if (o.denominator().isPresent()) {
        sb.append(",\"denominator\":").append(o.denominator().getAsLong());
      }
      if (o.unknown().isPresent()) {
        sb.append(",\"unknown\":").append(o.unknown().getAsLong());
      }
      sb.append(",\"status\":\"").append(o.status().name().toLowerCase(java.util.Locale.ROOT));
      sb.append("\"}");
    }
    return sb.append("]}").toString();
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }
}
