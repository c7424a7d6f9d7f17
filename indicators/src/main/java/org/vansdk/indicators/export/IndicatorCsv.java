package org.vansdk.indicators.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.vansdk.indicators.catalogue.Dimension;
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.indicators.table.Observation;

/**
 * Writes an indicator table as SDMX-CSV style text: {@code STRUCTURE,STRUCTURE_ID,ACTION}, then
 * {@code INDICATOR}, one column per dimension used (upper-case code; {@code _T} where the cell is a
 * total over that dimension), then {@code OBS_VALUE,NUMERATOR,DENOMINATOR,UNKNOWN,OBS_STATUS,
 * CONF_STATUS}. {@code OBS_STATUS} is A (normal), M (no denominator) or C (suppressed: a small
 * cell, or one withheld so that a small cell cannot be recovered from the totals; the two are not
 * told apart, see {@link org.vansdk.indicators.table.ObservationStatus#SUPPRESSED}); {@code
 * CONF_STATUS} is the SDMX confidentiality code F or C. Suppressed cells leave value, numerator,
 * denominator and unknown empty. Stateless and thread-safe.
 */
public final class IndicatorCsv {
  /** The SDMX dataflow identifier written in the STRUCTURE_ID column. */
  public static final String STRUCTURE_ID = "VANSDK:VA_INDICATORS(1.0)";

  private IndicatorCsv() {}

  /** The table as CSV text. */
  public static String toCsv(IndicatorTable table) {
    StringBuilder sb = new StringBuilder();
    write(table, sb);
    return sb.toString();
  }

  /**
   * Writes the table as CSV.
   *
   * @throws UncheckedIOException if the appendable fails
   */
  public static void write(IndicatorTable table, Appendable out) {
    List<Dimension> dims = List.copyOf(table.dimensions());
    try {
      out.append("STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR");
      for (Dimension d : dims) {
        out.append(',').append(d.code().toUpperCase(Locale.ROOT));
      }
      out.append(",OBS_VALUE,NUMERATOR,DENOMINATOR,UNKNOWN,OBS_STATUS,CONF_STATUS\n");
      for (Observation o : table.observations()) {
        out.append("dataflow,").append(STRUCTURE_ID).append(",I,").append(o.indicator());
        for (Dimension d : dims) {
          out.append(',').append(quote(o.dimensions().getOrDefault(d, "_T")));
        }
        out.append(',')
            .append(o.value().isPresent() ? number(o.value().getAsDouble()) : "")
            .append(',')
            .append(o.numerator().isPresent() ? Long.toString(o.numerator().getAsLong()) : "")
            .append(',')
            .append(o.denominator().isPresent() ? Long.toString(o.denominator().getAsLong()) : "")
            .append(',')
            .append(o.unknown().isPresent() ? Long.toString(o.unknown().getAsLong()) : "")
            .append(',')
            .append(o.status().sdmxCode())
            .append(',')
            .append(o.status().sdmxConfidentiality())
            .append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A value as text: integers without a fraction, others with up to 6 decimals. */
  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.6f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  private static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
