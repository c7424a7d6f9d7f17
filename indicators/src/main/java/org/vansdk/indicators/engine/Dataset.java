package org.vansdk.indicators.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vansdk.core.casualty.Casualty;
import org.vansdk.core.casualty.Outcome;
import org.vansdk.core.code.YesNoUnknown;
import org.vansdk.core.delivery.ServiceDelivery;
import org.vansdk.core.functioning.FunctioningAssessment;
import org.vansdk.core.functioning.WgSsIdentifiers;
import org.vansdk.core.incident.Incident;
import org.vansdk.core.need.Need;
import org.vansdk.core.need.NeedStatus;
import org.vansdk.core.need.NeedsAssessment;
import org.vansdk.core.person.Person;
import org.vansdk.core.place.AdminArea;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.ReferralAttempt;
import org.vansdk.core.referral.StatusChange;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.core.time.PartialDate;
import org.vansdk.indicators.catalogue.Dimension;

/**
 * The records read once, reduced to what the indicators need and joined. What is held, and why:
 *
 * <ul>
 *   <li>per person id: sex, the latest WG-SS identifiers, the latest needs assessment's counts per
 *       pillar (only for persons with one) and a bit mask of pillars delivered in the period;
 *   <li>per incident id: date, device, admin-1 and country codes, marking;
 *   <li>per casualty: a packed row of small codes (about 40 bytes), because in a stream its person,
 *       incident and assessments may come after it;
 *   <li>per referral attempt: sending, acceptance and completion times, status, reason.
 * </ul>
 *
 * Not thread-safe while reading; after {@link #join()} it is read-only and may be aggregated from
 * many threads.
 */
final class Dataset {
  static final int UNKNOWN_DAY = Integer.MIN_VALUE;
  static final int NO_DAY = Integer.MAX_VALUE;

  final long startDay;
  final long endDay;
  private final long recentFromDay;
  private final Instant periodStart;
  private final Instant periodEndExclusive;

  final Dictionary admin1 = new Dictionary();
  final Dictionary country = new Dictionary();
  final Dictionary year = new Dictionary();
  final Dictionary month = new Dictionary();
  final Dictionary reason = new Dictionary();

  // persons
  private final IdIndex personIndex = new IdIndex();
  private byte[] personSex = new byte[1024];
  private int[] wgDay = new int[1024];
  private String[] wgId = new String[1024];
  private int[] wgIdentifiers = new int[1024];
  private int[] needsDay = new int[1024];
  private String[] needsId = new String[1024];
  int[][] needsByPillar = new int[1024][];
  byte[] deliveredPillars = new byte[1024];
  private int persons;

  // incidents
  private final IdIndex incidentIndex = new IdIndex();
  private final Map<String, Integer> admin1OfLevel1 = new HashMap<>();
  private final Map<String, Integer> admin1OfDeeper = new HashMap<>();
  private boolean[] incidentSeen = new boolean[1024];
  private int[] incidentDay = new int[1024];
  private int[] incidentYear = new int[1024];
  private int[] incidentMonth = new int[1024];
  private byte[] incidentDevice = new byte[1024];
  private int[] incidentAdmin1 = new int[1024];
  private int[] incidentCountry = new int[1024];
  private byte[] incidentMarked = new byte[1024];
  private int incidents;

  // casualties (raw)
  private int[] casPerson = new int[1024];
  private int[] casIncident = new int[1024];
  private byte[] casOutcome = new byte[1024];
  private byte[] casCivilian = new byte[1024];
  private byte[] casAge = new byte[1024];
  private byte[] casRiskEducation = new byte[1024];
  private boolean[] casAmputation = new boolean[1024];
  private int[] casDied = new int[1024];
  int casualties;

  // attempts
  private long[] attSent = new long[256];
  private long[] attAccepted = new long[256];
  private long[] attCompleted = new long[256];
  private byte[] attStatus = new byte[256];
  private int[] attReason = new int[256];
  private int[] attCountry = new int[256];
  int attempts;

  // joined views, filled by join()
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
  }

  /** Reads one record of any type; types the indicators do not use are ignored. */
  void accept(Object record) {
    if (record instanceof Casualty) {
      casualty((Casualty) record);
    } else if (record instanceof Person) {
      person((Person) record);
    } else if (record instanceof Incident) {
      incident((Incident) record);
    } else if (record instanceof FunctioningAssessment) {
      functioning((FunctioningAssessment) record);
    } else if (record instanceof NeedsAssessment) {
      needs((NeedsAssessment) record);
    } else if (record instanceof ServiceDelivery) {
      delivery((ServiceDelivery) record);
    } else if (record instanceof ReferralAttempt) {
      attempt((ReferralAttempt) record);
    }
  }

  private int person(String id) {
    int i = personIndex.intern(id);
    if (i < persons) {
      return i;
    }
    persons++;
    if (i == personSex.length) {
      int n = i * 2;
      personSex = Arrays.copyOf(personSex, n);
      wgDay = Arrays.copyOf(wgDay, n);
      wgId = Arrays.copyOf(wgId, n);
      wgIdentifiers = Arrays.copyOf(wgIdentifiers, n);
      needsDay = Arrays.copyOf(needsDay, n);
      needsId = Arrays.copyOf(needsId, n);
      needsByPillar = Arrays.copyOf(needsByPillar, n);
      deliveredPillars = Arrays.copyOf(deliveredPillars, n);
    }
    personSex[i] = 2;
    wgDay[i] = UNKNOWN_DAY;
    needsDay[i] = UNKNOWN_DAY;
    return i;
  }

  private int incident(String id) {
    int i = incidentIndex.intern(id);
    if (i < incidents) {
      return i;
    }
    incidents++;
    if (i == incidentSeen.length) {
      int n = i * 2;
      incidentSeen = Arrays.copyOf(incidentSeen, n);
      incidentDay = Arrays.copyOf(incidentDay, n);
      incidentYear = Arrays.copyOf(incidentYear, n);
      incidentMonth = Arrays.copyOf(incidentMonth, n);
      incidentDevice = Arrays.copyOf(incidentDevice, n);
      incidentAdmin1 = Arrays.copyOf(incidentAdmin1, n);
      incidentCountry = Arrays.copyOf(incidentCountry, n);
      incidentMarked = Arrays.copyOf(incidentMarked, n);
    }
    return i;
  }

  private void person(Person p) {
    person(p.id().value(), p.sex().ordinal());
  }

  /** Reads a person's fields: its identifier and sex (ordinal of {@code Sex}). */
  void person(String id, int sex) {
    // Resolve the index first: person(...) may grow (replace) the arrays.
    int i = person(id);
    personSex[i] = (byte) sex;
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
    int i = incident(id);
    incidentSeen[i] = true;
    incidentDay[i] = (int) d.earliest().toEpochDay();
    incidentYear[i] = yearCode(d.year());
    incidentMonth[i] = d.monthOrZero() == 0 ? 0 : monthCode(d.year(), d.monthOrZero());
    incidentDevice[i] = (byte) device;
    incidentAdmin1[i] = pCode == null ? 0 : admin1Code(pCode, level);
    incidentCountry[i] = country.code(countryCode);
    incidentMarked[i] = (byte) mark;
  }

  private int yearCode(int y) {
    return year.code(y, Integer::toString);
  }

  private int monthCode(int y, int m) {
    return month.code(y * 16 + m, k -> String.format("%04d-%02d", k >> 4, k & 15));
  }

  private int admin1Code(String pCode, int level) {
    Map<String, Integer> cache = level == 1 ? admin1OfLevel1 : admin1OfDeeper;
    Integer c = cache.get(pCode);
    if (c == null) {
      c = admin1.code(admin1Of(pCode, level));
      cache.put(pCode, c);
    }
    return c;
  }

  /** The admin-1 P-code of an area: the country letters and the next two characters. */
  static String admin1Of(AdminArea a) {
    return admin1Of(a.pCode(), a.level());
  }

  private static String admin1Of(String p, int level) {
    if (level == 1) {
      return p;
    }
    int k = 0;
    while (k < p.length() && Character.isLetter(p.charAt(k))) {
      k++;
    }
    return p.substring(0, Math.min(p.length(), k + 2));
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
    int i = casualties++;
    if (i == casPerson.length) {
      int n = i * 2;
      casPerson = Arrays.copyOf(casPerson, n);
      casIncident = Arrays.copyOf(casIncident, n);
      casOutcome = Arrays.copyOf(casOutcome, n);
      casCivilian = Arrays.copyOf(casCivilian, n);
      casAge = Arrays.copyOf(casAge, n);
      casRiskEducation = Arrays.copyOf(casRiskEducation, n);
      casAmputation = Arrays.copyOf(casAmputation, n);
      casDied = Arrays.copyOf(casDied, n);
    }
    casPerson[i] = person(personId);
    casIncident[i] = incident(incidentId);
    casOutcome[i] = (byte) outcome;
    casCivilian[i] = (byte) civilian;
    casAge[i] = (byte) age;
    casRiskEducation[i] = (byte) riskEducation;
    casAmputation[i] = amputation;
    casDied[i] = diedDay;
  }

  private void functioning(FunctioningAssessment f) {
    functioning(f.personId().value(), f.id().value(), f.date(), f.computedIdentifiers());
  }

  /** A functioning assessment: the person's latest by the end of the period is kept. */
  void functioning(String personId, String id, PartialDate date, WgSsIdentifiers w) {
    int day = (int) date.earliest().toEpochDay();
    if (day > endDay) {
      return;
    }
    int p = person(personId);
    if (isLater(day, id, wgDay[p], wgId[p])) {
      wgDay[p] = day;
      wgId[p] = id;
      wgIdentifiers[p] =
          w.disability1().ordinal()
              | w.disability2().ordinal() << 2
              | w.disability3().ordinal() << 4
              | w.disability4().ordinal() << 6;
    }
  }

  private static boolean isLater(int day, String id, int bestDay, String bestId) {
    return bestDay == UNKNOWN_DAY || day > bestDay || (day == bestDay && id.compareTo(bestId) > 0);
  }

  private void needs(NeedsAssessment a) {
    int day = (int) a.date().earliest().toEpochDay();
    if (day > endDay) {
      return;
    }
    int p = person(a.personId().value());
    String id = a.id().value();
    if (isLater(day, id, needsDay[p], needsId[p])) {
      needsDay[p] = day;
      needsId[p] = id;
      int[] counts = new int[14];
      for (Need n : a.needs()) {
        int pillar = n.serviceType().pillar().ordinal();
        counts[pillar * 2]++;
        if (n.status() != NeedStatus.MET) {
          counts[pillar * 2 + 1]++;
        }
      }
      needsByPillar[p] = counts;
    }
  }

  private void delivery(ServiceDelivery d) {
    long start = d.startDate().earliest().toEpochDay();
    long end = d.endDate().map(e -> e.earliest().toEpochDay()).orElse(Long.MAX_VALUE);
    if (start <= endDay && end >= startDay) {
      int p = person(d.personId().value());
      deliveredPillars[p] |= (byte) (1 << d.serviceType().pillar().ordinal());
    }
  }

  private void attempt(ReferralAttempt a) {
    int i = attempts++;
    if (i == attSent.length) {
      int n = i * 2;
      attSent = Arrays.copyOf(attSent, n);
      attAccepted = Arrays.copyOf(attAccepted, n);
      attCompleted = Arrays.copyOf(attCompleted, n);
      attStatus = Arrays.copyOf(attStatus, n);
      attReason = Arrays.copyOf(attReason, n);
      attCountry = Arrays.copyOf(attCountry, n);
    }
    attSent[i] = firstAt(a.history(), AttemptStatus.SENT);
    attAccepted[i] = firstAt(a.history(), AttemptStatus.ACCEPTED);
    attCompleted[i] = firstAt(a.history(), AttemptStatus.COMPLETED);
    attStatus[i] = (byte) a.status().ordinal();
    List<StatusChange> h = a.history();
    attReason[i] = h.isEmpty() ? 0 : h.get(h.size() - 1).reasonCode().map(reason::code).orElse(0);
    attCountry[i] = country.code(a.destinationCountry().code());
  }

  private static long firstAt(List<StatusChange> history, AttemptStatus status) {
    for (StatusChange c : history) {
      if (c.status() == status) {
        return c.at().getEpochSecond();
      }
    }
    return Long.MIN_VALUE;
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
    amputation = Arrays.copyOf(casAmputation, n);
    riskEducation = Arrays.copyOf(casRiskEducation, n);
    personOf = Arrays.copyOf(casPerson, n);
    wgOf = new int[n];
    needsRecent = new boolean[n];
    int deviceGroupUnknown = 2;
    for (int i = 0; i < n; i++) {
      int p = casPerson[i];
      int inc = casIncident[i];
      sex[i] = personSex[p];
      int age = casAge[i];
      int ag = age < 0 ? 2 : (age < 18 ? 0 : 1);
      ageGroup[i] = ag;
      ageBand[i] = age < 0 ? 18 : Math.min(age / 5, 17);
      lmGroup[i] =
          sex[i] == 2 || ag == 2 ? 4 : (sex[i] == 0 ? (ag == 0 ? 2 : 0) : (ag == 0 ? 3 : 1));
      civ[i] = casCivilian[i];
      outcome[i] = casOutcome[i];
      boolean hasWg = wgDay[p] != UNKNOWN_DAY;
      wgOf[i] = hasWg ? wgIdentifiers[p] : -1;
      dis3[i] = hasWg ? (wgIdentifiers[p] >> 4) & 3 : 2;
      needsRecent[i] = needsDay[p] != UNKNOWN_DAY && needsDay[p] >= recentFromDay;
      if (incidentSeen[inc]) {
        device[i] = incidentDevice[inc];
        deviceGroup[i] = deviceGroupOf(incidentDevice[inc]);
        adm[i] = incidentAdmin1[inc];
        ctry[i] = incidentCountry[inc];
        yr[i] = incidentYear[inc];
        mo[i] = incidentMonth[inc];
        int day = incidentDay[inc];
        inPeriod[i] = day >= startDay && day <= endDay;
        survivorAtEnd[i] =
            casOutcome[i] == Outcome.INJURED.ordinal() && day <= endDay && casDied[i] > endDay;
      } else {
        device[i] = 6;
        deviceGroup[i] = deviceGroupUnknown;
      }
    }
    joinIncidents();
    joinAttempts();
  }

  private static int deviceGroupOf(int device) {
    return device <= 3 ? 0 : (device <= 5 ? 1 : 2);
  }

  private int[] column(Dimension d, int n) {
    int[] c = new int[n];
    casualtyColumns[d.ordinal()] = c;
    return c;
  }

  private void joinIncidents() {
    int n = incidents;
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
      if (!incidentSeen[i]) {
        continue;
      }
      device[i] = incidentDevice[i];
      group[i] = deviceGroupOf(incidentDevice[i]);
      adm[i] = incidentAdmin1[i];
      ctry[i] = incidentCountry[i];
      yr[i] = incidentYear[i];
      mo[i] = incidentMonth[i];
      incidentInPeriod[i] = incidentDay[i] >= startDay && incidentDay[i] <= endDay;
      marked[i] = incidentMarked[i];
    }
    incidentColumns[Dimension.DEVICE_CATEGORY.ordinal()] = device;
    incidentColumns[Dimension.DEVICE_GROUP.ordinal()] = group;
    incidentColumns[Dimension.ADMIN1.ordinal()] = adm;
    incidentColumns[Dimension.COUNTRY.ordinal()] = ctry;
    incidentColumns[Dimension.YEAR.ordinal()] = yr;
    incidentColumns[Dimension.MONTH.ordinal()] = mo;
  }

  private void joinAttempts() {
    int n = attempts;
    attemptColumns = new int[Dimension.values().length][];
    int[] yr = new int[n];
    int[] mo = new int[n];
    attemptInPeriod = new boolean[n];
    attemptStatus = Arrays.copyOf(attStatus, n);
    attemptReason = Arrays.copyOf(attReason, n);
    daysToAccept = new int[n];
    daysToComplete = new int[n];
    for (int i = 0; i < n; i++) {
      long sent = attSent[i];
      if (sent == Long.MIN_VALUE) {
        continue;
      }
      Instant at = Instant.ofEpochSecond(sent);
      attemptInPeriod[i] = !at.isBefore(periodStart) && at.isBefore(periodEndExclusive);
      LocalDate d = at.atOffset(ZoneOffset.UTC).toLocalDate();
      yr[i] = yearCode(d.getYear());
      mo[i] = monthCode(d.getYear(), d.getMonthValue());
      daysToAccept[i] = days(sent, attAccepted[i]);
      daysToComplete[i] = days(sent, attCompleted[i]);
    }
    attemptColumns[Dimension.COUNTRY.ordinal()] = Arrays.copyOf(attCountry, n);
    attemptColumns[Dimension.YEAR.ordinal()] = yr;
    attemptColumns[Dimension.MONTH.ordinal()] = mo;
  }

  private static int days(long from, long to) {
    if (to == Long.MIN_VALUE) {
      return -1;
    }
    return (int) Duration.ofSeconds(to - from).toDays();
  }

  int incidentCount() {
    return incidents;
  }

  /** The number of values of a dimension in this dataset. */
  int cardinality(Dimension d) {
    switch (d) {
      case ADMIN1:
        return admin1.size();
      case COUNTRY:
        return country.size();
      case YEAR:
        return year.size();
      case MONTH:
        return month.size();
      case REASON:
        return reason.size();
      default:
        return d.codes().size();
    }
  }

  /** The value of a dimension's code. */
  String decode(Dimension d, int code) {
    switch (d) {
      case ADMIN1:
        return admin1.value(code);
      case COUNTRY:
        return country.value(code);
      case YEAR:
        return year.value(code);
      case MONTH:
        return month.value(code);
      case REASON:
        return reason.value(code);
      default:
        return d.codes().get(code);
    }
  }
}
