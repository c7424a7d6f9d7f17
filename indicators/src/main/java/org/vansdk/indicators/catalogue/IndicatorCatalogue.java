package org.vansdk.indicators.catalogue;

import static org.vansdk.indicators.catalogue.Dimension.ADMIN1;
import static org.vansdk.indicators.catalogue.Dimension.AGE_BAND;
import static org.vansdk.indicators.catalogue.Dimension.AGE_GROUP;
import static org.vansdk.indicators.catalogue.Dimension.CIVILIAN_STATUS;
import static org.vansdk.indicators.catalogue.Dimension.COUNTRY;
import static org.vansdk.indicators.catalogue.Dimension.DEVICE_CATEGORY;
import static org.vansdk.indicators.catalogue.Dimension.DEVICE_GROUP;
import static org.vansdk.indicators.catalogue.Dimension.DISABILITY3;
import static org.vansdk.indicators.catalogue.Dimension.FIELD;
import static org.vansdk.indicators.catalogue.Dimension.FINAL_STATUS;
import static org.vansdk.indicators.catalogue.Dimension.INTERVAL;
import static org.vansdk.indicators.catalogue.Dimension.LANDMINE_MONITOR_GROUP;
import static org.vansdk.indicators.catalogue.Dimension.MONTH;
import static org.vansdk.indicators.catalogue.Dimension.OUTCOME;
import static org.vansdk.indicators.catalogue.Dimension.PILLAR;
import static org.vansdk.indicators.catalogue.Dimension.REASON;
import static org.vansdk.indicators.catalogue.Dimension.SEX;
import static org.vansdk.indicators.catalogue.Dimension.STATISTIC;
import static org.vansdk.indicators.catalogue.Dimension.WG_IDENTIFIER;
import static org.vansdk.indicators.catalogue.Dimension.YEAR;
import static org.vansdk.indicators.catalogue.PeriodSemantics.ATTEMPT_SENT_IN_PERIOD;
import static org.vansdk.indicators.catalogue.PeriodSemantics.INCIDENT_IN_PERIOD;
import static org.vansdk.indicators.catalogue.PeriodSemantics.STOCK_AT_PERIOD_END;
import static org.vansdk.indicators.catalogue.Source.CAMBODIA_CSDG_18;
import static org.vansdk.indicators.catalogue.Source.LANDMINE_MONITOR;
import static org.vansdk.indicators.catalogue.Source.LAO_SDG_18;
import static org.vansdk.indicators.catalogue.Source.OSLO_SIEM_REAP_ANGKOR;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The indicator catalogue (published as {@code docs/indicators.md}), as data: list it, look an
 * indicator up by code, or render it as a Markdown table for the documentation.
 *
 * @since 1.0
 */
public final class IndicatorCatalogue {
  private static final String KNOWN_ONLY =
      "percentage over known values only; records with the value unknown are counted beside it";
  private static final String NONE_UNKNOWN = "counts every record; unknown is a value of its own";

  /** Dimensions available wherever the record is a casualty (joined to person and incident). */
  private static final Set<Dimension> CASUALTY_DIMS =
      EnumSet.of(
          SEX,
          AGE_GROUP,
          AGE_BAND,
          LANDMINE_MONITOR_GROUP,
          CIVILIAN_STATUS,
          DEVICE_CATEGORY,
          DEVICE_GROUP,
          ADMIN1,
          COUNTRY,
          YEAR,
          MONTH,
          DISABILITY3);

  /** Dimensions of an incident (CAS-07, CAS-10 count incidents, which have no sex or age). */
  private static final Set<Dimension> INCIDENT_DIMS =
      EnumSet.of(DEVICE_CATEGORY, DEVICE_GROUP, ADMIN1, COUNTRY, YEAR, MONTH);

  /** Dimensions of a referral attempt: destination country and the time it was sent. */
  private static final Set<Dimension> ATTEMPT_DIMS = EnumSet.of(COUNTRY, YEAR, MONTH);

  private static final List<List<Dimension>> CASUALTY_DEFAULTS =
      List.of(
          List.of(),
          List.of(SEX),
          List.of(AGE_GROUP),
          List.of(LANDMINE_MONITOR_GROUP),
          List.of(CIVILIAN_STATUS),
          List.of(DEVICE_CATEGORY),
          List.of(DEVICE_GROUP),
          List.of(ADMIN1),
          List.of(YEAR),
          List.of(SEX, AGE_GROUP));

  private static final List<List<Dimension>> INCIDENT_DEFAULTS =
      List.of(
          List.of(),
          List.of(DEVICE_CATEGORY),
          List.of(DEVICE_GROUP),
          List.of(ADMIN1),
          List.of(YEAR));

  private static final List<List<Dimension>> SURVIVOR_DEFAULTS =
      List.of(
          List.of(),
          List.of(SEX),
          List.of(AGE_GROUP),
          List.of(LANDMINE_MONITOR_GROUP),
          List.of(DISABILITY3),
          List.of(ADMIN1),
          List.of(SEX, AGE_GROUP, DISABILITY3));

  private static final List<List<Dimension>> ATTEMPT_DEFAULTS =
      List.of(List.of(), List.of(COUNTRY), List.of(YEAR));

  /** The rules every definition relies on, stated once (see {@link #markdown()}). */
  private static final List<String> RULES =
      List.of(
          "**Partial dates.** A date given only as a year, or a year and month, counts at its"
              + " earliest day for belonging to a period or a window: an incident dated `2025`"
              + " belongs to a period that contains 1 January 2025, one dated `2025-06` to a"
              + " period that contains 1 June 2025. Under the `month` dimension an incident dated"
              + " only by year is counted under `month=unknown`, not January: it has no month,"
              + " and January would be inflated by every incident whose month was not recorded.",
          "**What the dimensions of a person describe.** `year`, `month`, `admin1`, `country`"
              + " and the device dimensions of a casualty or a survivor are those of the"
              + " incident: for survivor indicators (SUR-*, NEED-*, SRV-01) `year` is the year of"
              + " injury and `admin1` the province where the incident happened, not where the"
              + " survivor lives. Age is age at the incident.",
          "**Survivors at the period end.** An injured casualty whose incident is on or before"
              + " the period end and who had not died by it: a person who died on the period end"
              + " is not a survivor (a date of death given as a year or month counts at its"
              + " earliest day).",
          "**Disability.** The `disability3` dimension, SUR-02 and DQ-01 use the person's latest"
              + " WG-SS assessment dated on or before the period end (on the same day, the"
              + " greatest assessment id); a person never assessed by then is `unknown`. The"
              + " identifiers follow the Washington Group's analytic syntax: sums over valid"
              + " answers, yes if the valid answers meet the cut-off, unknown only when all six"
              + " answers are refused, don't know or not ascertained, no otherwise.",
          "**The 12-month window (NEED-01).** Needs assessments dated from the day after the"
              + " period end minus one year to the period end, both included: for a period"
              + " ending 31 December 2025, 1 January to 31 December 2025.",
          "**Sent in the period (REF-*).** An attempt's first sending instant falls on or after"
              + " 00:00 UTC of the period's first day and before 00:00 UTC of the day after its"
              + " last; its `year` and `month` are those of that instant in UTC.",
          "**Unknown in REF-01 and REF-02.** The count of unknowns is the attempts sent in the"
              + " period that were cancelled by the referrer or entered in error: both are"
              + " outside the denominator.");

  private static final Map<String, Indicator> ALL = build();

  private IndicatorCatalogue() {}

  /** Every indicator, in catalogue order. */
  public static List<Indicator> all() {
    return List.copyOf(ALL.values());
  }

  /** The indicator with this code, if any. */
  public static Optional<Indicator> find(String code) {
    return Optional.ofNullable(ALL.get(code));
  }

  /**
   * The indicator with this code.
   *
   * @throws IllegalArgumentException if there is none; the message lists the codes allowed
   */
  public static Indicator get(String code) {
    Indicator i = ALL.get(code);
    if (i == null) {
      throw new IllegalArgumentException(
          "no indicator '" + code + "'; allowed: " + String.join(", ", ALL.keySet()));
    }
    return i;
  }

  /** The catalogue as a Markdown document: one table of indicators, one of dimensions. */
  public static String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Indicator catalogue\n\n")
        .append(
            "Generated from `IndicatorCatalogue` (`van docs`; `IndicatorCatalogueTest` checks it);"
                + " do not edit.\n\n")
        .append("| code | name | definition | numerator | denominator | unit | period |")
        .append(" allowed disaggregations | always by | unknowns | answers |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Indicator i : ALL.values()) {
      md.append("| `")
          .append(i.code())
          .append("` | ")
          .append(cell(i.name()))
          .append(" | ")
          .append(cell(i.definition()))
          .append(" | ")
          .append(cell(i.numerator()))
          .append(" | ")
          .append(cell(i.denominator().isEmpty() ? "—" : i.denominator()))
          .append(" | ")
          .append(i.unit().code())
          .append(" | ")
          .append(i.period().code())
          .append(" | ")
          .append(
              orderedCodes(i.allowedDimensions()).stream()
                  .map(c -> "`" + c + "`")
                  .collect(Collectors.joining(", ")))
          .append(" | ")
          .append(
              i.intrinsicDimensions().isEmpty()
                  ? "—"
                  : i.intrinsicDimensions().stream()
                      .map(d -> "`" + d.code() + "`")
                      .collect(Collectors.joining(", ")))
          .append(" | ")
          .append(cell(i.unknownRule()))
          .append(" | ")
          .append(i.sources().stream().map(Source::label).collect(Collectors.joining("; ")))
          .append(" |\n");
    }
    md.append("\n## Dimensions\n\n| code | label | values |\n|---|---|---|\n");
    for (Dimension d : Dimension.values()) {
      md.append("| `")
          .append(d.code())
          .append("` | ")
          .append(d.label())
          .append(" | ")
          .append(d.isOpen() ? "from the data" : String.join(", ", d.codes()))
          .append(" |\n");
    }
    md.append(
        "\nTotals are marked `_T` in a dimension column. Every combination of a closed dimension's"
            + " codes is listed, zeros included (an open dimension lists the values met in the"
            + " data); a total is listed even when nothing happened in the period. Cells whose"
            + " count, numerator, denominator or count of unknowns is between 1 and threshold - 1"
            + " (default 5) are suppressed, and so are the cells that would let a reader recover"
            + " one from anything else published in the same output: the totals and margins of"
            + " the same indicator, and the counts, numerators, denominators and unknowns of the"
            + " other indicators over the same people (CAS-01 by province minus CAS-08's injured"
            + " there is CAS-02's killed there). Both are marked OBS_STATUS C and not told apart"
            + " (a cell known to be a mere partner would narrow the small cell it protects)."
            + " Publish only tables computed in one call: separately computed tables are not"
            + " protected together.\n");
    md.append("\n## Rules where a definition is silent\n\n");
    for (String rule : RULES) {
      md.append("- ").append(rule).append('\n');
    }
    return md.toString();
  }

  private static List<String> orderedCodes(Set<Dimension> dims) {
    List<String> codes = new ArrayList<>();
    for (Dimension d : Dimension.values()) {
      if (dims.contains(d)) {
        codes.add(d.code());
      }
    }
    return codes;
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }

  private static Set<Dimension> plus(Set<Dimension> base, Dimension... more) {
    EnumSet<Dimension> s = EnumSet.copyOf(base);
    s.addAll(List.of(more));
    return s;
  }

  private static Map<String, Indicator> build() {
    List<Source> lm = List.of(LANDMINE_MONITOR, CAMBODIA_CSDG_18, LAO_SDG_18);
    List<Source> va = List.of(OSLO_SIEM_REAP_ANGKOR, CAMBODIA_CSDG_18, LAO_SDG_18);
    List<Indicator> list = new ArrayList<>();
    list.add(
        new Indicator(
            "CAS-01",
            "Casualties",
            "Casualties of explosive ordnance accidents in the period, killed, injured or"
                + " outcome unknown.",
            "casualties",
            "",
            Unit.COUNT,
            plus(CASUALTY_DIMS, OUTCOME),
            List.of(),
            append(CASUALTY_DEFAULTS, List.of(OUTCOME)),
            NONE_UNKNOWN,
            INCIDENT_IN_PERIOD,
            lm));
    list.add(
        quotient(
            "CAS-02",
            "Case-fatality proportion",
            "Share killed among casualties whose outcome is known.",
            "casualties killed",
            "casualties killed or injured",
            CASUALTY_DIMS,
            CASUALTY_DEFAULTS,
            INCIDENT_IN_PERIOD,
            List.of(LANDMINE_MONITOR)));
    list.add(
        quotient(
            "CAS-03",
            "Share civilian",
            "Share of civilians among casualties whose civilian status is known.",
            "civilian casualties",
            "casualties with civilian status known",
            CASUALTY_DIMS,
            CASUALTY_DEFAULTS,
            INCIDENT_IN_PERIOD,
            List.of(LANDMINE_MONITOR)));
    list.add(
        quotient(
            "CAS-04",
            "Share children among civilian casualties",
            "Share of children (under 18 at the incident) among civilian casualties whose age is"
                + " known.",
            "civilian casualties under 18",
            "civilian casualties with age known",
            CASUALTY_DIMS,
            List.of(List.of(), List.of(SEX), List.of(DEVICE_GROUP), List.of(ADMIN1), List.of(YEAR)),
            INCIDENT_IN_PERIOD,
            List.of(LANDMINE_MONITOR)));
    list.add(
        quotient(
            "CAS-05",
            "Share female",
            "Share of women and girls among casualties whose sex is known.",
            "female casualties",
            "casualties with sex known",
            CASUALTY_DIMS,
            List.of(
                List.of(),
                List.of(AGE_GROUP),
                List.of(CIVILIAN_STATUS),
                List.of(ADMIN1),
                List.of(YEAR)),
            INCIDENT_IN_PERIOD,
            List.of(LANDMINE_MONITOR, OSLO_SIEM_REAP_ANGKOR)));
    list.add(
        new Indicator(
            "CAS-06",
            "Deminer casualties",
            "Casualties whose civilian status is deminer.",
            "deminer casualties",
            "",
            Unit.COUNT,
            CASUALTY_DIMS,
            List.of(),
            List.of(List.of(), List.of(SEX), List.of(DEVICE_CATEGORY), List.of(YEAR)),
            "counts known deminers only; casualties of unknown status are reported beside",
            INCIDENT_IN_PERIOD,
            List.of(LANDMINE_MONITOR)));
    list.add(
        new Indicator(
            "CAS-07",
            "Casualties per incident",
            "Mean number of casualties per incident in the period.",
            "casualties",
            "incidents",
            Unit.RATIO,
            INCIDENT_DIMS,
            List.of(),
            INCIDENT_DEFAULTS,
            "every casualty and incident counts; incident dimensions only, since an incident has"
                + " no sex or age",
            INCIDENT_IN_PERIOD,
            List.of(LANDMINE_MONITOR)));
    list.add(
        quotient(
            "CAS-08",
            "Share of injured with an amputation",
            "Share of injured casualties with at least one amputation recorded.",
            "injured casualties with at least one amputation",
            "injured casualties",
            CASUALTY_DIMS,
            CASUALTY_DEFAULTS,
            INCIDENT_IN_PERIOD,
            va));
    list.add(
        quotient(
            "CAS-09",
            "Share who had received risk education",
            "Share of casualties who had received explosive ordnance risk education before the"
                + " incident, among those for whom it is known.",
            "casualties with prior risk education",
            "casualties with prior risk education known (yes or no)",
            CASUALTY_DIMS,
            CASUALTY_DEFAULTS,
            INCIDENT_IN_PERIOD,
            List.of(LANDMINE_MONITOR, CAMBODIA_CSDG_18, LAO_SDG_18)));
    list.add(
        new Indicator(
            "CAS-10",
            "Share of incidents in unmarked areas",
            "Share of incidents in areas not marked before the incident, among incidents where"
                + " marking is known.",
            "incidents in areas not marked",
            "incidents with marking known (yes or no)",
            Unit.PROPORTION,
            INCIDENT_DIMS,
            List.of(),
            INCIDENT_DEFAULTS,
            KNOWN_ONLY,
            INCIDENT_IN_PERIOD,
            List.of(LANDMINE_MONITOR, CAMBODIA_CSDG_18)));
    list.add(
        new Indicator(
            "SUR-01",
            "Living survivors",
            "Survivors (injured casualties) alive at the end of the period: injured on or before"
                + " the end and not died on or before it. Age is age at the incident; year and"
                + " admin1 are those of the incident (year of injury, place of the incident).",
            "living survivors",
            "",
            Unit.COUNT,
            CASUALTY_DIMS,
            List.of(),
            SURVIVOR_DEFAULTS,
            NONE_UNKNOWN,
            STOCK_AT_PERIOD_END,
            List.of(LANDMINE_MONITOR, OSLO_SIEM_REAP_ANGKOR, CAMBODIA_CSDG_18, LAO_SDG_18)));
    list.add(
        new Indicator(
            "SUR-02",
            "WG-SS disability prevalence",
            "Share of living survivors with a WG-SS assessment whose latest assessment on or"
                + " before the period end meets the identifier (DISABILITY1-4, by the Washington"
                + " Group's analytic syntax).",
            "assessed living survivors meeting the identifier",
            "assessed living survivors whose identifier is yes or no",
            Unit.PROPORTION,
            remove(CASUALTY_DIMS, DISABILITY3),
            List.of(WG_IDENTIFIER),
            List.of(List.of(), List.of(SEX), List.of(AGE_GROUP)),
            KNOWN_ONLY,
            STOCK_AT_PERIOD_END,
            List.of(OSLO_SIEM_REAP_ANGKOR, CAMBODIA_CSDG_18)));
    list.add(
        new Indicator(
            "NEED-01",
            "Needs-assessment coverage",
            "Share of living survivors whose needs were assessed in the 12 months up to the"
                + " period end (from the day after the end minus one year to the end, both"
                + " included).",
            "living survivors with a needs assessment dated in the 12 months to the period end",
            "living survivors",
            Unit.PROPORTION,
            CASUALTY_DIMS,
            List.of(),
            SURVIVOR_DEFAULTS,
            "every survivor counts; no assessment means not assessed",
            STOCK_AT_PERIOD_END,
            va));
    list.add(
        new Indicator(
            "NEED-02",
            "Unmet-need rate by pillar",
            "Share of the needs in living survivors' latest needs assessment (up to the period"
                + " end) that are not fully met (unmet or partially met).",
            "needs unmet or partially met",
            "needs identified",
            Unit.PROPORTION,
            CASUALTY_DIMS,
            List.of(PILLAR),
            List.of(List.of(), List.of(SEX), List.of(AGE_GROUP), List.of(DISABILITY3)),
            "every need has a status; survivors never assessed contribute nothing",
            STOCK_AT_PERIOD_END,
            va));
    list.add(
        new Indicator(
            "SRV-01",
            "Assistance coverage by pillar",
            "Share of living survivors who received a service of the pillar in the period (a"
                + " delivery running at any time in the period).",
            "living survivors with a delivery of the pillar overlapping the period",
            "living survivors",
            Unit.PROPORTION,
            CASUALTY_DIMS,
            List.of(PILLAR),
            List.of(List.of(), List.of(SEX), List.of(AGE_GROUP), List.of(DISABILITY3)),
            "every survivor counts; no delivery means not reached",
            STOCK_AT_PERIOD_END,
            va));
    list.add(
        new Indicator(
            "REF-01",
            "Referral acceptance rate",
            "Share of referral attempts sent in the period that reached accepted (or a later"
                + " state), excluding cancelled and entered-in-error attempts.",
            "attempts accepted, in progress, on hold, completed or not completed",
            "attempts sent, not cancelled and not entered in error",
            Unit.PROPORTION,
            ATTEMPT_DIMS,
            List.of(),
            ATTEMPT_DEFAULTS,
            "cancelled and entered-in-error attempts are outside the denominator and reported as"
                + " unknown",
            ATTEMPT_SENT_IN_PERIOD,
            List.of(OSLO_SIEM_REAP_ANGKOR)));
    list.add(
        new Indicator(
            "REF-02",
            "Referral completion rate",
            "Share of referral attempts sent in the period that were completed, excluding"
                + " cancelled and entered-in-error attempts.",
            "attempts completed",
            "attempts sent, not cancelled and not entered in error",
            Unit.PROPORTION,
            ATTEMPT_DIMS,
            List.of(),
            ATTEMPT_DEFAULTS,
            "cancelled and entered-in-error attempts are outside the denominator and reported as"
                + " unknown",
            ATTEMPT_SENT_IN_PERIOD,
            List.of(OSLO_SIEM_REAP_ANGKOR)));
    list.add(
        new Indicator(
            "REF-03",
            "Referral time to acceptance and completion",
            "Median and 90th percentile of whole days (floor of elapsed time) from first sent to"
                + " first accepted, and from first sent to completed; nearest-rank percentiles.",
            "attempts that reached the state (the value itself is in days)",
            "",
            Unit.DAYS,
            ATTEMPT_DIMS,
            List.of(INTERVAL, STATISTIC),
            ATTEMPT_DEFAULTS,
            "attempts that never reached the state are counted as unknown",
            ATTEMPT_SENT_IN_PERIOD,
            List.of(OSLO_SIEM_REAP_ANGKOR)));
    list.add(
        new Indicator(
            "REF-04",
            "Reasons for decline and non-completion",
            "Referral attempts sent in the period that were declined or not completed, by the"
                + " reason code of the final status change.",
            "attempts declined or not completed",
            "",
            Unit.COUNT,
            ATTEMPT_DIMS,
            List.of(FINAL_STATUS, REASON),
            List.of(List.of()),
            "a missing reason code counts under reason unknown",
            ATTEMPT_SENT_IN_PERIOD,
            List.of(OSLO_SIEM_REAP_ANGKOR)));
    list.add(
        new Indicator(
            "DQ-01",
            "SADDD completeness",
            "Share of casualties in the period whose sex, age, and disability (a WG-SS"
                + " DISABILITY3 of yes or no) are known; 'all' needs the three.",
            "casualties with the field known",
            "casualties",
            Unit.PROPORTION,
            EnumSet.of(
                CIVILIAN_STATUS, DEVICE_CATEGORY, DEVICE_GROUP, ADMIN1, COUNTRY, YEAR, MONTH),
            List.of(FIELD),
            List.of(List.of(), List.of(ADMIN1), List.of(YEAR)),
            "measures unknowns themselves",
            INCIDENT_IN_PERIOD,
            List.of(OSLO_SIEM_REAP_ANGKOR, LANDMINE_MONITOR)));
    Map<String, Indicator> map = new LinkedHashMap<>();
    for (Indicator i : list) {
      map.put(i.code(), i);
    }
    return map;
  }

  private static Indicator quotient(
      String code,
      String name,
      String definition,
      String numerator,
      String denominator,
      Set<Dimension> allowed,
      List<List<Dimension>> defaults,
      PeriodSemantics period,
      List<Source> sources) {
    return new Indicator(
        code,
        name,
        definition,
        numerator,
        denominator,
        Unit.PROPORTION,
        allowed,
        List.of(),
        defaults,
        KNOWN_ONLY,
        period,
        sources);
  }

  private static Set<Dimension> remove(Set<Dimension> base, Dimension d) {
    EnumSet<Dimension> s = EnumSet.copyOf(base);
    s.remove(d);
    return s;
  }

  private static List<List<Dimension>> append(List<List<Dimension>> base, List<Dimension> more) {
    List<List<Dimension>> l = new ArrayList<>(base);
    l.add(more);
    return l;
  }
}
