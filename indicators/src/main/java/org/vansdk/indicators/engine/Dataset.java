package org.vansdk.indicators.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vansdk.core.casualty.Casualty;
import org.vansdk.core.casualty.CivilianStatus;
import org.vansdk.core.casualty.Outcome;
import org.vansdk.core.code.YesNoUnknown;
import org.vansdk.core.deidentified.DeidentifiedCasualty;
import org.vansdk.core.delivery.ServiceDelivery;
import org.vansdk.core.functioning.FunctioningAssessment;
import org.vansdk.core.functioning.WgSsIdentifiers;
import org.vansdk.core.incident.DeviceCategory;
import org.vansdk.core.incident.Incident;
import org.vansdk.core.need.NeedsAssessment;
import org.vansdk.core.person.Person;
import org.vansdk.core.place.AdminArea;
import org.vansdk.core.referral.ReferralAttempt;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.core.time.PartialDate;
import org.vansdk.indicators.catalogue.Dimension;

/**
 * The records read once, reduced to what the indicators need and joined. The reading goes to column
 * groups ({@link PersonColumns}, {@link IncidentColumns}, {@link CasualtyColumns}, {@link
 * AttemptColumns}, and the {@link OpenDimensions} they share); {@link #join()} then joins
 * casualties to their persons and incidents and lays out every dimension column the aggregation
 * reads, with the fixed dimensions' values derived by {@link DimensionCodes}.
 *
 * <p>Not thread-safe while reading; after {@link #join()} it is read-only and may be aggregated
 * from many threads.
 */
final class Dataset {
  static final int UNKNOWN_DAY = Integer.MIN_VALUE;
  static final int NO_DAY = Integer.MAX_VALUE;

  final long startDay;
  final long endDay;
  private final long recentFromDay;
  private final Instant periodStart;
  private final Instant periodEndExclusive;

  private final OpenDimensions codes = new OpenDimensions();
  final Dictionary reason = codes.reason;
  private final PersonColumns persons;
  private final IncidentColumns incidents = new IncidentColumns(codes);
  private final CasualtyColumns cas = new CasualtyColumns();
  private final AttemptColumns att = new AttemptColumns(codes);
  int casualties;
  int attempts;
  private int deidentified;

  private static final Pattern FIVE_YEAR_BAND = Pattern.compile("(\\d{1,3})(?:-(\\d{1,3})|\\+)");

  // joined views, filled by join()
  int[][] needsByPillar;
  byte[] deliveredPillars;

  /** Per casualty: dimension codes by dimension ordinal (only casualty dimensions). */
  int[][] casualtyColumns;

  boolean[] inPeriod;
  boolean[] survivorAtEnd;
  boolean[] amputation;
  byte[] riskEducation;
  int[] personOf;
  boolean[] needsRecent;
  int[] wgOf;

  int[][] incidentColumns;
  boolean[] incidentInPeriod;
  byte[] marked;

  int[][] attemptColumns;
  boolean[] attemptInPeriod;
  byte[] attemptStatus;
  int[] attemptReason;
  int[] daysToAccept;
  int[] daysToComplete;

  Dataset(ReportingPeriod period) {
    this.startDay = period.start().toEpochDay();
    this.endDay = period.end().toEpochDay();
    this.recentFromDay = period.end().minusYears(1).plusDays(1).toEpochDay();
    this.periodStart = period.start().atStartOfDay(ZoneOffset.UTC).toInstant();
    this.periodEndExclusive = period.end().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    this.persons = new PersonColumns(startDay, endDay);
  }

  /** Reads one record of any type; types the indicators do not use are ignored. */
  void accept(Object record) {
    if (record instanceof Casualty) {
      casualty((Casualty) record);
    } else if (record instanceof Person) {
      Person p = (Person) record;
      person(p.id().value(), p.sex().ordinal());
    } else if (record instanceof Incident) {
      incident((Incident) record);
    } else if (record instanceof FunctioningAssessment) {
      FunctioningAssessment f = (FunctioningAssessment) record;
      functioning(f.personId().value(), f.id().value(), f.date(), f.computedIdentifiers());
    } else if (record instanceof NeedsAssessment) {
      persons.needs((NeedsAssessment) record);
    } else if (record instanceof ServiceDelivery) {
      persons.delivery((ServiceDelivery) record);
    } else if (record instanceof ReferralAttempt) {
      att.add((ReferralAttempt) record);
      attempts = att.size;
    } else if (record instanceof DeidentifiedCasualty) {
      deidentified((DeidentifiedCasualty) record);
    }
  }

  /**
   * Reads a de-identified casualty of a regional release as a casualty of its own person and
   * incident (a release does not say which casualties share an incident, so per-incident indicators
   * count each as one). What the release generalised away is unknown: an age band wider than five
   * years gives no age (age group and band unknown), a missing incident period leaves the casualty
   * outside every period. Prior risk education and the date of death are not released: unknown and
   * none. Disability is read from assessments, which a release does not carry.
   */
  private void deidentified(DeidentifiedCasualty c) {
    String key = "deidentified#" + deidentified++;
    person(key, c.sex().ordinal());
    if (c.incidentPeriod().isPresent()) {
      Optional<AdminArea> area = c.adminArea();
      incident(
          key,
          c.incidentPeriod().get(),
          c.deviceCategory().orElse(DeviceCategory.UNKNOWN).ordinal(),
          area.isPresent() ? area.get().pCode() : null,
          area.isPresent() ? area.get().level() : 0,
          c.country().code(),
          YesNoUnknown.UNKNOWN.ordinal());
    }
    casualty(
        key,
        key,
        c.outcome().ordinal(),
        c.civilianStatus().orElse(CivilianStatus.UNKNOWN).ordinal(),
        fiveYearBandStart(c.ageBand().orElse("")),
        YesNoUnknown.UNKNOWN.ordinal(),
        c.amputation() == YesNoUnknown.YES,
        NO_DAY);
  }

  /** The first year of a five-year band such as {@code 20-24} or {@code 85+}; -1 for any other. */
  static int fiveYearBandStart(String band) {
    Matcher m = FIVE_YEAR_BAND.matcher(band);
    if (!m.matches()) {
      return -1;
    }
    int low = Integer.parseInt(m.group(1));
    if (m.group(2) == null) {
      return low == 85 ? 85 : -1;
    }
    int high = Integer.parseInt(m.group(2));
    return low % 5 == 0 && high == low + 4 && low < 85 ? low : -1;
  }

  /** Reads a person's fields: its identifier and sex (ordinal of {@code Sex}). */
  void person(String id, int sex) {
    persons.person(id, sex);
  }

  private void incident(Incident r) {
    Optional<AdminArea> area = r.location().adminArea();
    incident(
        r.id().value(),
        r.date(),
        r.deviceCategory().ordinal(),
        area.isPresent() ? area.get().pCode() : null,
        area.isPresent() ? area.get().level() : 0,
        r.location().country().code(),
        r.areaMarkedBefore().orElse(YesNoUnknown.UNKNOWN).ordinal());
  }

  /**
   * Reads an incident's fields: ordinals of its device category and marking, its admin area's
   * P-code and level ({@code null} and 0 when absent) and its country code.
   */
  void incident(
      String id, PartialDate d, int device, String pCode, int level, String countryCode, int mark) {
    incidents.incident(id, d, device, pCode, level, countryCode, mark);
  }

  private void casualty(Casualty c) {
    casualty(
        c.personId().value(),
        c.incidentId().value(),
        c.outcome().ordinal(),
        c.civilianStatus().ordinal(),
        c.ageAtIncident().orElse(-1),
        c.priorRiskEducation().orElse(YesNoUnknown.UNKNOWN).ordinal(),
        c.hasAmputation(),
        c.diedOn().map(d -> (int) d.earliest().toEpochDay()).orElse(NO_DAY));
  }

  /**
   * Reads a casualty's fields: the ordinals of its outcome, civilian status and prior risk
   * education, its age ({@code -1} if unknown), whether it has an amputation and the earliest day
   * of its death ({@link #NO_DAY} if none).
   */
  void casualty(
      String personId,
      String incidentId,
      int outcome,
      int civilian,
      int age,
      int riskEducation,
      boolean amputation,
      int diedDay) {
    int p = persons.slot(personId);
    int i = incidents.slot(incidentId);
    cas.add(p, i, outcome, civilian, age, riskEducation, amputation, diedDay);
    casualties = cas.size;
  }

  /** A functioning assessment: the person's latest by the end of the period is kept. */
  void functioning(String personId, String id, PartialDate date, WgSsIdentifiers w) {
    persons.functioning(personId, id, date, w);
  }

  /** Joins casualties to persons and incidents and computes every dimension column. */
  void join() {
    int n = casualties;
    int dims = Dimension.values().length;
    casualtyColumns = new int[dims][];
    int[] sex = column(Dimension.SEX, n);
    int[] ageGroup = column(Dimension.AGE_GROUP, n);
    int[] ageBand = column(Dimension.AGE_BAND, n);
    int[] lmGroup = column(Dimension.LANDMINE_MONITOR_GROUP, n);
    int[] civ = column(Dimension.CIVILIAN_STATUS, n);
    int[] device = column(Dimension.DEVICE_CATEGORY, n);
    int[] deviceGroup = column(Dimension.DEVICE_GROUP, n);
    int[] adm = column(Dimension.ADMIN1, n);
    int[] ctry = column(Dimension.COUNTRY, n);
    int[] yr = column(Dimension.YEAR, n);
    int[] mo = column(Dimension.MONTH, n);
    int[] dis3 = column(Dimension.DISABILITY3, n);
    int[] outcome = column(Dimension.OUTCOME, n);
    inPeriod = new boolean[n];
    survivorAtEnd = new boolean[n];
    amputation = Arrays.copyOf(cas.amputation, n);
    riskEducation = Arrays.copyOf(cas.riskEducation, n);
    personOf = Arrays.copyOf(cas.person, n);
    wgOf = new int[n];
    needsRecent = new boolean[n];
    needsByPillar = persons.needsByPillar;
    deliveredPillars = persons.deliveredPillars;
    int unknownDevice = DeviceCategory.UNKNOWN.ordinal();
    int injured = Outcome.INJURED.ordinal();
    int unknown = YesNoUnknown.UNKNOWN.ordinal();
    IncidentColumns inc = incidents;
    for (int i = 0; i < n; i++) {
      int p = cas.person[i];
      int k = cas.incident[i];
      int age = cas.age[i];
      int sexOrdinal = persons.sex[p];
      sex[i] = DimensionCodes.sex(sexOrdinal);
      ageGroup[i] = DimensionCodes.ageGroup(age);
      ageBand[i] = DimensionCodes.ageBand(age);
      lmGroup[i] = DimensionCodes.landmineMonitorGroup(sexOrdinal, age);
      civ[i] = DimensionCodes.civilianStatus(cas.civilian[i]);
      outcome[i] = DimensionCodes.outcome(cas.outcome[i]);
      boolean hasWg = persons.wgDay[p] != UNKNOWN_DAY;
      wgOf[i] = hasWg ? persons.wgIdentifiers[p] : -1;
      dis3[i] = DimensionCodes.disability(hasWg ? (persons.wgIdentifiers[p] >> 4) & 3 : unknown);
      needsRecent[i] = persons.needsDay[p] != UNKNOWN_DAY && persons.needsDay[p] >= recentFromDay;
      int deviceOrdinal = inc.seen[k] ? inc.device[k] : unknownDevice;
      device[i] = DimensionCodes.deviceCategory(deviceOrdinal);
      deviceGroup[i] = DimensionCodes.deviceGroup(deviceOrdinal);
      if (inc.seen[k]) {
        adm[i] = inc.admin1[k];
        ctry[i] = inc.country[k];
        yr[i] = inc.year[k];
        mo[i] = inc.month[k];
        int day = inc.day[k];
        inPeriod[i] = day >= startDay && day <= endDay;
        survivorAtEnd[i] = cas.outcome[i] == injured && day <= endDay && cas.died[i] > endDay;
      }
    }
    joinIncidents();
    joinAttempts();
  }

  private int[] column(Dimension d, int n) {
    int[] c = new int[n];
    casualtyColumns[d.ordinal()] = c;
    return c;
  }

  private void joinIncidents() {
    IncidentColumns inc = incidents;
    int n = inc.size;
    incidentColumns = new int[Dimension.values().length][];
    int[] device = new int[n];
    int[] group = new int[n];
    int[] adm = new int[n];
    int[] ctry = new int[n];
    int[] yr = new int[n];
    int[] mo = new int[n];
    incidentInPeriod = new boolean[n];
    marked = new byte[n];
    for (int i = 0; i < n; i++) {
      if (!inc.seen[i]) {
        continue;
      }
      device[i] = DimensionCodes.deviceCategory(inc.device[i]);
      group[i] = DimensionCodes.deviceGroup(inc.device[i]);
      adm[i] = inc.admin1[i];
      ctry[i] = inc.country[i];
      yr[i] = inc.year[i];
      mo[i] = inc.month[i];
      incidentInPeriod[i] = inc.day[i] >= startDay && inc.day[i] <= endDay;
      marked[i] = inc.marked[i];
    }
    incidentColumns[Dimension.DEVICE_CATEGORY.ordinal()] = device;
    incidentColumns[Dimension.DEVICE_GROUP.ordinal()] = group;
    incidentColumns[Dimension.ADMIN1.ordinal()] = adm;
    incidentColumns[Dimension.COUNTRY.ordinal()] = ctry;
    incidentColumns[Dimension.YEAR.ordinal()] = yr;
    incidentColumns[Dimension.MONTH.ordinal()] = mo;
  }

  private void joinAttempts() {
    AttemptColumns a = att;
    int n = attempts;
    attemptColumns = new int[Dimension.values().length][];
    int[] yr = new int[n];
    int[] mo = new int[n];
    attemptInPeriod = new boolean[n];
    attemptStatus = Arrays.copyOf(a.status, n);
    attemptReason = Arrays.copyOf(a.reason, n);
    daysToAccept = new int[n];
    daysToComplete = new int[n];
    for (int i = 0; i < n; i++) {
      long sent = a.sent[i];
      if (sent == AttemptColumns.NEVER) {
        continue;
      }
      Instant at = Instant.ofEpochSecond(sent);
      attemptInPeriod[i] = !at.isBefore(periodStart) && at.isBefore(periodEndExclusive);
      LocalDate d = at.atOffset(ZoneOffset.UTC).toLocalDate();
      yr[i] = codes.yearCode(d.getYear());
      mo[i] = codes.monthCode(d.getYear(), d.getMonthValue());
      daysToAccept[i] = days(sent, a.accepted[i]);
      daysToComplete[i] = days(sent, a.completed[i]);
    }
    attemptColumns[Dimension.COUNTRY.ordinal()] = Arrays.copyOf(a.country, n);
    attemptColumns[Dimension.YEAR.ordinal()] = yr;
    attemptColumns[Dimension.MONTH.ordinal()] = mo;
  }

  private static int days(long from, long to) {
    if (to == AttemptColumns.NEVER) {
      return -1;
    }
    return (int) Duration.ofSeconds(to - from).toDays();
  }

  int incidentCount() {
    return incidents.size;
  }

  /** The number of values of a dimension in this dataset. */
  int cardinality(Dimension d) {
    return codes.cardinality(d);
  }

  /** The value of a dimension's code. */
  String decode(Dimension d, int code) {
    return codes.decode(d, code);
  }
}
