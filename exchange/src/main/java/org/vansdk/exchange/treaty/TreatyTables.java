package org.vansdk.exchange.treaty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.vansdk.core.code.LabelLanguage;
import org.vansdk.indicators.catalogue.Dimension;
import org.vansdk.indicators.engine.IndicatorData;
import org.vansdk.indicators.engine.IndicatorEngine;
import org.vansdk.indicators.engine.IndicatorRequest;
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.indicators.table.Observation;

/**
 * Computes the treaty and Monitor tables from loaded records in one indicator run, so that small
 * cells are withheld consistently across the tables published side by side. Stateless and
 * thread-safe.
 *
 * @since 1.0
 */
public final class TreatyTables {
  private TreatyTables() {}

  /** The tables, the forms they answer and their caveats as a Markdown page. */
  public static String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Treaty and Landmine Monitor tables\n\n")
        .append("Generated from the code (`TreatyTables.markdown()`); do not edit.\n\n")
        .append("`van export IN --format treaty --period 2025 --lang km --out tables.xlsx` (or")
        .append(" a folder for CSV). The tables are computed in one indicator run, so small cells")
        .append(" are withheld (`x`) consistently across them; a total column follows each")
        .append(" row. Labels: code values from the core code lists, headings from this")
        .append(" module; languages other than English are machine-drafted until reviewed.\n");
    for (TreatyTableKind k : TreatyTableKind.values()) {
      sb.append("\n## `").append(k.code()).append("`: ");
      sb.append(TreatyLabels.heading(k.code(), LabelLanguage.EN)).append("\n\n");
      sb.append("- Answers: ").append(k.forms()).append("\n");
      sb.append("- Counts: `").append(k.indicator()).append("`; rows: ");
      sb.append(
          k.rows().stream().map(d -> "`" + d.code() + "`").collect(Collectors.joining(" × ")));
      sb.append("; columns: `").append(k.column().code()).append("` and total\n");
      sb.append("- Where our categories map imperfectly: ").append(k.caveats()).append("\n\n");
      sb.append("| code |");
      for (LabelLanguage l : LabelLanguage.values()) {
        sb.append(' ').append(l.tag()).append(" |");
      }
      sb.append("\n|---|");
      for (int i = 0; i < LabelLanguage.values().length; i++) {
        sb.append("---|");
      }
      sb.append('\n');
      for (String c : k.column().codes()) {
        sb.append("| `").append(c).append("` |");
        for (LabelLanguage l : LabelLanguage.values()) {
          sb.append(' ').append(TreatyLabels.value(k.column(), c, l)).append(" |");
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  /** The indicator requests behind the tables: each table's cells and its total column. */
  public static List<IndicatorRequest> requests() {
    Set<IndicatorRequest> all = new LinkedHashSet<>();
    for (TreatyTableKind k : TreatyTableKind.values()) {
      all.add(IndicatorRequest.of(k.indicator(), full(k).toArray(Dimension[]::new)));
      all.add(IndicatorRequest.of(k.indicator(), k.rows().toArray(Dimension[]::new)));
    }
    return List.copyOf(all);
  }

  private static List<Dimension> full(TreatyTableKind k) {
    List<Dimension> d = new ArrayList<>(k.rows());
    d.add(k.column());
    return d;
  }

  /** Computes every table with the engine's period and small-cell threshold. */
  public static List<TreatyTable> compute(IndicatorEngine engine, IndicatorData data) {
    IndicatorTable t = engine.compute(data, requests());
    List<TreatyTable> tables = new ArrayList<>();
    for (TreatyTableKind k : TreatyTableKind.values()) {
      tables.add(table(k, t));
    }
    return tables;
  }

  private static TreatyTable table(TreatyTableKind k, IndicatorTable t) {
    Set<List<String>> rows = new LinkedHashSet<>();
    Set<String> columns = new LinkedHashSet<>(k.column().codes());
    Map<List<String>, Observation> cells = new HashMap<>();
    Map<List<String>, Observation> totals = new HashMap<>();
    for (Observation o : t.observations(k.indicator())) {
      if (!o.dimensions().keySet().containsAll(k.rows())) {
        continue;
      }
      List<String> row = new ArrayList<>();
      for (Dimension d : k.rows()) {
        row.add(o.dimensions().get(d));
      }
      if (o.dimensions().size() == k.rows().size()) {
        totals.put(row, o);
      } else if (o.dimensions().size() == k.rows().size() + 1
          && o.dimensions().containsKey(k.column())) {
        rows.add(row);
        String c = o.dimensions().get(k.column());
        columns.add(c);
        List<String> key = new ArrayList<>(row);
        key.add(c);
        cells.put(key, o);
      }
    }
    List<List<String>> sortedRows = new ArrayList<>(rows);
    sortedRows.sort(
        (a, b) -> {
          for (int i = 0; i < a.size(); i++) {
            int c = order(k.rows().get(i), a.get(i), b.get(i));
            if (c != 0) {
              return c;
            }
          }
          return 0;
        });
    List<List<OptionalLong>> grid = new ArrayList<>();
    for (List<String> row : sortedRows) {
      List<OptionalLong> line = new ArrayList<>();
      for (String c : columns) {
        List<String> key = new ArrayList<>(row);
        key.add(c);
        line.add(count(cells.get(key)));
      }
      line.add(count(totals.get(row)));
      grid.add(line);
    }
    return new TreatyTable(k, t.period(), sortedRows, List.copyOf(columns), grid);
  }

  /** Closed dimensions in code-list order; open ones (years) ascending, unknown last. */
  private static int order(Dimension d, String a, String b) {
    if (!d.isOpen()) {
      return Integer.compare(d.codes().indexOf(a), d.codes().indexOf(b));
    }
    if (a.equals(b)) {
      return 0;
    }
    if (a.equals("unknown")) {
      return 1;
    }
    if (b.equals("unknown")) {
      return -1;
    }
    return a.compareTo(b);
  }

  private static OptionalLong count(Observation o) {
    return o == null ? OptionalLong.of(0) : o.numerator();
  }
}
