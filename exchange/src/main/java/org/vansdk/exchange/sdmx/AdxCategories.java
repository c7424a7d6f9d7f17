package org.vansdk.exchange.sdmx;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.vansdk.indicators.catalogue.Dimension;
import org.vansdk.indicators.catalogue.Unit;
import org.vansdk.indicators.export.IndicatorCsv;
import org.vansdk.indicators.table.ObservationStatus;

/**
 * The mapping from our indicator dimensions to ADX categories, as data: each dimension is an ADX
 * category attribute named by its code in upper case ({@code sex} becomes {@code SEX}), and its
 * values are category option codes unchanged ({@code male}, {@code 0_4}, {@code KH02}); a total is
 * the absence of the attribute. The receiving DHIS2 needs categories and options with these codes
 * (the generated mapping document lists them). Stateless and thread-safe.
 *
 * @since 1.0
 */
public final class AdxCategories {
  private AdxCategories() {}

  /** The ADX category attribute of a dimension, e.g. {@code AGE_GROUP}. */
  public static String attribute(Dimension dimension) {
    return dimension.code().toUpperCase(Locale.ROOT);
  }

  /**
   * The SDMX-CSV and ADX mapping as a Markdown page: columns, dimensions with their codes, units,
   * statuses and periods.
   */
  public static String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Indicator tables as SDMX-CSV 2.0 and ADX\n\n")
        .append("Generated from the code (`AdxCategories.markdown()`); do not edit.\n\n")
        .append("## SDMX-CSV 2.0 (`van export --format sdmx`, `IndicatorCsv`)\n\n")
        .append("Columns, in order: `STRUCTURE` (`dataflow`), `STRUCTURE_ID` (`")
        .append(IndicatorCsv.STRUCTURE_ID)
        .append("`), `ACTION` (`I`), the dimensions `INDICATOR`, `REF_AREA`, one column per")
        .append(" other dimension used by the table, `TIME_PERIOD`; the measure `OBS_VALUE`;")
        .append(" the attributes `UNIT_MEASURE`, `OBS_STATUS`, `CONF_STATUS`, `NUMERATOR`,")
        .append(" `DENOMINATOR`, `UNKNOWN_COUNT`.\n\n")
        .append("- `REF_AREA`: the cell's country when disaggregated by country, otherwise the")
        .append(" country given (`--country`), otherwise `_T` (all countries in the data).\n")
        .append("- A total over a dimension is `_T`; a dimension the row's indicator does not")
        .append(" have is `_Z`.\n")
        .append("- `TIME_PERIOD` is the reporting period: `2024` (calendar year), `2024-05`")
        .append(" (month), `2024-05-03` (day), else `2024-01-01/P182D`. Stocks (SUR-01 and the")
        .append(" indicators over living survivors) are taken at its end. Year and month")
        .append(" disaggregations stay dimensions (`YEAR`, `MONTH`): their cells may be")
        .append(" `unknown`.\n")
        .append("- `UNIT_MEASURE`: ");
    for (Unit u : Unit.values()) {
      sb.append('`').append(u.name()).append("` ");
    }
    sb.append("\n\n| status | OBS_STATUS (CL_OBS_STATUS) | CONF_STATUS (CL_CONF_STATUS) |\n")
        .append("|---|---|---|\n");
    for (ObservationStatus s : ObservationStatus.values()) {
      sb.append("| ").append(s.name().toLowerCase(Locale.ROOT)).append(" | `");
      sb.append(s.sdmxCode()).append("` | `").append(s.sdmxConfidentiality()).append("` |\n");
    }
    sb.append("\nA suppressed cell has `OBS_VALUE`, `NUMERATOR`, `DENOMINATOR` and")
        .append(" `UNKNOWN_COUNT` empty.\n\n")
        .append("## ADX (`application/adx+xml`, `van export --format adx`)\n\n")
        .append("One `group` with `orgUnit` (`--org-unit`), `period` as an ISO 8601 interval")
        .append(" (`2024-01-01/P1Y`, `2024-05-01/P1M`, `2024-01-01/P182D`) and `dataSet` `")
        .append(AdxWriter.DATA_SET)
        .append("`. Each published cell is a `dataValue` with `dataElement` the indicator code")
        .append(" and its value; `<code>_NUM` (every unit but counts), `<code>_DEN` and")
        .append(" `<code>_UNK` carry numerator, denominator and unknown count. Suppressed cells")
        .append(" are left out (ADX has no withheld value). A total over a dimension has no")
        .append(" attribute for it. In DHIS2, create each dimension below as a category (code")
        .append(" = attribute) with its codes as category options.\n\n")
        .append("## Dimensions\n\n| dimension | SDMX-CSV column / ADX attribute | codes |\n")
        .append("|---|---|---|\n");
    for (Dimension d : Dimension.values()) {
      sb.append("| ").append(d.label()).append(" | `");
      sb.append(d == Dimension.COUNTRY ? "REF_AREA` / `" + attribute(d) : attribute(d));
      sb.append("` | ");
      sb.append(
          d.isOpen()
              ? "from the data"
              : d.codes().stream().map(c -> "`" + c + "`").collect(Collectors.joining(", ")));
      sb.append(" |\n");
    }
    return sb.toString();
  }

  /** The dimension an ADX category attribute stands for, if any. */
  public static Optional<Dimension> dimension(String attribute) {
    for (Dimension d : Dimension.values()) {
      if (attribute(d).equals(attribute)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
