package org.vansdk.exchange.treaty;

import java.util.List;
import org.vansdk.indicators.catalogue.Dimension;

/**
 * The tables, as data: the indicator each counts, its row dimensions, its column dimension (a total
 * column follows) and the public forms it answers.
 *
 * @since 1.0
 */
public enum TreatyTableKind {
  /** Casualties killed and injured by year, in the Landmine Monitor's man/woman/boy/girl. */
  CASUALTIES_BY_YEAR_OUTCOME_GROUP(
      "CAS-01",
      List.of(Dimension.YEAR, Dimension.OUTCOME),
      Dimension.LANDMINE_MONITOR_GROUP,
      "APMBC Article 7 Form J; CCM Article 7 (victim assistance); Landmine Monitor casualty data",
      "Counts every device type: for CCM reporting use the cluster munition remnant column of the"
          + " device table, which has no sex and age split. 'Unknown' group = sex or age not"
          + " recorded (the Monitor's 'unknown'). Outcome is the casualty's recorded outcome in the"
          + " year of the incident; outcome unknown has its own row."),
  /** Casualties by year and device type, in the Landmine Monitor's device categories. */
  CASUALTIES_BY_YEAR_DEVICE(
      "CAS-01",
      List.of(Dimension.YEAR),
      Dimension.DEVICE_CATEGORY,
      "Landmine Monitor casualty data (device type); APMBC Article 7 Form J; CCM Article 7 (the"
          + " cluster munition remnant column)",
      "Improvised mines are victim-activated IEDs (the Monitor's 'improvised mines'); unspecified"
          + " mine = the Monitor's 'undifferentiated mine types'; other ERW includes every"
          + " explosive remnant of war but cluster munition remnants; the Monitor's 'unknown"
          + " device type' is our unknown. Command-detonated IEDs are not victim-activated and"
          + " are outside the treaty counts: record them as other_erw only if the national"
          + " authority does."),
  /** Living survivors at the period's end by sex, age group and WG-SS disability. */
  SURVIVORS_BY_SEX_AGE_DISABILITY(
      "SUR-01",
      List.of(Dimension.SEX, Dimension.AGE_GROUP),
      Dimension.DISABILITY3,
      "APMBC Article 7 Form J (victim assistance, survivors); CCM Article 7; Landmine Monitor"
          + " victim assistance profiles",
      "Disability is the Washington Group Short Set DISABILITY3 cut-off of the latest assessment;"
          + " survivors never assessed are 'unknown', so this is not a count of persons with"
          + " disabilities as a national registry defines them. Age group is age at the incident,"
          + " not at the period's end. Survivors are counted at the end of the reporting period.");

  private final String indicator;
  private final List<Dimension> rows;
  private final Dimension column;
  private final String forms;
  private final String caveats;

  TreatyTableKind(
      String indicator, List<Dimension> rows, Dimension column, String forms, String caveats) {
    this.indicator = indicator;
    this.rows = rows;
    this.column = column;
    this.forms = forms;
    this.caveats = caveats;
  }

  /** Returns where our categories map imperfectly to the forms' categories. */
  public String caveats() {
    return caveats;
  }

  /** Returns the stable code, e.g. {@code casualties_by_year_device}. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Returns the indicator counted in the cells. */
  public String indicator() {
    return indicator;
  }

  /** Returns the row dimensions. */
  public List<Dimension> rows() {
    return rows;
  }

  /** Returns the column dimension. */
  public Dimension column() {
    return column;
  }

  /** Returns the public forms the table answers. */
  public String forms() {
    return forms;
  }
}
