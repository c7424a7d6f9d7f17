package org.vansdk.exchange.treaty;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.vansdk.core.code.LabelLanguage;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.indicators.catalogue.Dimension;

/**
 * One table ready to paste into a national report: rows of the row dimensions' values, a column per
 * value of the column dimension and a total column, each cell a count or withheld. Immutable and
 * thread-safe.
 *
 * @since 1.0
 */
public final class TreatyTable {
  /** The text of a withheld cell, as statistical offices print it. */
  public static final String WITHHELD = "x";

  private final TreatyTableKind kind;
  private final ReportingPeriod period;
  private final List<List<String>> rows;
  private final List<String> columns;
  private final List<List<OptionalLong>> cells;

  TreatyTable(
      TreatyTableKind kind,
      ReportingPeriod period,
      List<List<String>> rows,
      List<String> columns,
      List<List<OptionalLong>> cells) {
    this.kind = kind;
    this.period = period;
    this.rows = rows.stream().map(List::copyOf).toList();
    this.columns = List.copyOf(columns);
    this.cells = cells.stream().map(List::copyOf).toList();
  }

  /** Returns which table this is. */
  public TreatyTableKind kind() {
    return kind;
  }

  /** Returns the reporting period. */
  public ReportingPeriod period() {
    return period;
  }

  /** Returns the codes of each row's row-dimension values. */
  public List<List<String>> rows() {
    return rows;
  }

  /** Returns the codes of the column dimension's values (the total column is not among them). */
  public List<String> columns() {
    return columns;
  }

  /**
   * Returns the cells of each row: one per column, then the total; empty when withheld.
   *
   * @return the cells
   */
  public List<List<OptionalLong>> cells() {
    return cells;
  }

  /** Returns the title in a language. */
  public String title(LabelLanguage language) {
    return TreatyLabels.heading(kind.code(), language);
  }

  /**
   * Returns the table as a grid in a language: a heading row (row-dimension names, column value
   * labels, total), then one row per row: labels, then counts as {@link Long} or {@link #WITHHELD}.
   */
  public List<List<Object>> grid(LabelLanguage language) {
    List<List<Object>> grid = new ArrayList<>();
    List<Object> head = new ArrayList<>();
    for (Dimension d : kind.rows()) {
      head.add(TreatyLabels.heading(d.code(), language));
    }
    for (String c : columns) {
      String label = TreatyLabels.value(kind.column(), c, language);
      // yes / no alone would not say of what
      head.add(
          kind.column() == Dimension.DISABILITY3
              ? TreatyLabels.heading(kind.column().code(), language) + ": " + label
              : label);
    }
    head.add(TreatyLabels.heading("total", language));
    grid.add(head);
    for (int r = 0; r < rows.size(); r++) {
      List<Object> line = new ArrayList<>();
      for (int i = 0; i < kind.rows().size(); i++) {
        line.add(TreatyLabels.value(kind.rows().get(i), rows.get(r).get(i), language));
      }
      for (OptionalLong c : cells.get(r)) {
        line.add(c.isPresent() ? (Object) c.getAsLong() : WITHHELD);
      }
      grid.add(line);
    }
    return grid;
  }

  /** Returns the note on withheld cells in a language. */
  public static String withheldNote(LabelLanguage language) {
    return TreatyLabels.heading("suppressed", language);
  }
}
