package org.vansdk.indicators.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vansdk.core.place.CountryCode;
import org.vansdk.indicators.catalogue.Dimension;
import org.vansdk.indicators.catalogue.IndicatorCatalogue;
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.indicators.table.Observation;

/**
 * Writes an indicator table as SDMX-CSV 2.0: {@code STRUCTURE,STRUCTURE_ID,ACTION}, then the
 * dimensions ({@code INDICATOR}, {@code REF_AREA}, one column per other dimension used, upper-case
 * code, and {@code TIME_PERIOD}), then the measure {@code OBS_VALUE}, then the attributes {@code
 * UNIT_MEASURE, OBS_STATUS, CONF_STATUS, NUMERATOR, DENOMINATOR, UNKNOWN_COUNT}.
 *
 * <ul>
 *   <li>{@code REF_AREA} is the cell's country when the table is disaggregated by country,
 *       otherwise the country given to {@link #write(IndicatorTable, CountryCode, Appendable)}, or
 *       {@code _T} (all the countries in the data).
 *   <li>A cell that is a total over a dimension has {@code _T} in that column; a column of a
 *       dimension the row's indicator does not have holds {@code _Z} (not applicable).
 *   <li>{@code TIME_PERIOD} is the table's reporting period ({@link SdmxTimePeriod#sdmx}); stocks
 *       are taken at its end. Year and month disaggregations stay dimensions of their own ({@code
 *       YEAR}, {@code MONTH}), since their cells may be {@code unknown}.
 *   <li>{@code UNIT_MEASURE} is the indicator's unit: {@code COUNT}, {@code PROPORTION} (0 to 1),
 *       {@code RATIO} or {@code DAYS}.
 *   <li>{@code OBS_STATUS} is A (normal), M (no value: the denominator is zero) or Q (suppressed),
 *       {@code CONF_STATUS} F (free) or C (confidential). Suppressed cells leave value, numerator,
 *       denominator and unknown count empty (see {@link
 *       org.vansdk.indicators.table.ObservationStatus#SUPPRESSED}).
 * </ul>
 *
 * Stateless and thread-safe.
 *
 * @since 1.0
 */
public final class IndicatorCsv {
  /** The SDMX dataflow identifier written in the STRUCTURE_ID column. */
  public static final String STRUCTURE_ID = "VANSDK:VA_INDICATORS(1.0)";

  /** The SDMX code of a total over a dimension, and of all countries in {@code REF_AREA}. */
  public static final String TOTAL = "_T";

  /** The SDMX code of a dimension that does not apply to the row's indicator. */
  public static final String NONE = "_Z";

  private IndicatorCsv() {}

  /** The table as SDMX-CSV text, {@code REF_AREA} being {@code _T} unless disaggregated. */
  public static String toCsv(IndicatorTable table) {
    StringBuilder sb = new StringBuilder();
    write(table, TOTAL, sb);
    return sb.toString();
  }

  /** The table of one country's records as SDMX-CSV text. */
  public static String toCsv(IndicatorTable table, CountryCode area) {
    StringBuilder sb = new StringBuilder();
    write(table, area, sb);
    return sb.toString();
  }

  /**
   * Writes the table of one country's records as SDMX-CSV: {@code REF_AREA} is that country.
   *
   * @throws UncheckedIOException if the appendable fails
   */
  public static void write(IndicatorTable table, CountryCode area, Appendable out) {
    write(table, area.code(), out);
  }

  /**
   * Writes the table as SDMX-CSV, {@code REF_AREA} being {@code _T} unless disaggregated.
   *
   * @throws UncheckedIOException if the appendable fails
   */
  public static void write(IndicatorTable table, Appendable out) {
    write(table, TOTAL, out);
  }

  /** The dimension columns written between {@code REF_AREA} and {@code TIME_PERIOD}. */
  public static List<Dimension> columns(IndicatorTable table) {
    List<Dimension> dims = new ArrayList<>(table.dimensions());
    dims.remove(Dimension.COUNTRY);
    return dims;
  }

  private static void write(IndicatorTable table, String area, Appendable out) {
    List<Dimension> dims = columns(table);
    String period = SdmxTimePeriod.sdmx(table.period());
    try {
      out.append("STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA");
      for (Dimension d : dims) {
        out.append(',').append(d.code().toUpperCase(Locale.ROOT));
      }
      out.append(",TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,OBS_STATUS,CONF_STATUS,")
          .append("NUMERATOR,DENOMINATOR,UNKNOWN_COUNT\n");
      for (Observation o : table.observations()) {
        out.append("dataflow,").append(STRUCTURE_ID).append(",I,").append(o.indicator());
        out.append(',').append(quote(o.dimensions().getOrDefault(Dimension.COUNTRY, area)));
        for (Dimension d : dims) {
          String v = o.dimensions().get(d);
          out.append(',').append(v != null ? quote(v) : applies(o.indicator(), d) ? TOTAL : NONE);
        }
        out.append(',')
            .append(period)
            .append(',')
            .append(o.value().isPresent() ? number(o.value().getAsDouble()) : "")
            .append(',')
            .append(unitOf(o.indicator()))
            .append(',')
            .append(o.status().sdmxCode())
            .append(',')
            .append(o.status().sdmxConfidentiality())
            .append(',')
            .append(o.numerator().isPresent() ? Long.toString(o.numerator().getAsLong()) : "")
            .append(',')
            .append(o.denominator().isPresent() ? Long.toString(o.denominator().getAsLong()) : "")
            .append(',')
            .append(o.unknown().isPresent() ? Long.toString(o.unknown().getAsLong()) : "")
            .append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether an indicator can be disaggregated by a dimension (allowed or intrinsic): a cell that is
   * not has {@code _T} in that column, one of an indicator without the dimension has {@code _Z}.
   */
  public static boolean applies(String indicator, Dimension d) {
    org.vansdk.indicators.catalogue.Indicator i = IndicatorCatalogue.get(indicator);
    return i.allowedDimensions().contains(d) || i.intrinsicDimensions().contains(d);
  }

  /** The {@code UNIT_MEASURE} code of an indicator: its unit's code in upper case. */
  public static String unitOf(String indicator) {
    return IndicatorCatalogue.get(indicator).unit().name();
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
