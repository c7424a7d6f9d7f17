package org.vansdk.indicators.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.vansdk.core.casualty.AgeGroup;
import org.vansdk.core.casualty.Casualty;
import org.vansdk.core.casualty.CivilianStatus;
import org.vansdk.core.casualty.Outcome;
import org.vansdk.core.code.YesNoUnknown;
import org.vansdk.core.delivery.ServiceDelivery;
import org.vansdk.core.functioning.FunctioningAssessment;
import org.vansdk.core.functioning.WgSsIdentifiers;
import org.vansdk.core.incident.Incident;
import org.vansdk.core.need.Need;
import org.vansdk.core.need.NeedStatus;
import org.vansdk.core.need.NeedsAssessment;
import org.vansdk.core.need.Pillar;
import org.vansdk.core.person.Person;
import org.vansdk.core.person.Sex;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.ReferralAttempt;
import org.vansdk.core.referral.StatusChange;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.core.submission.Submission;
import org.vansdk.core.time.DatePrecision;
import org.vansdk.indicators.catalogue.Dimension;

/**
 * A deliberately naive reference implementation of every indicator, written from the catalogue's
 * definitions and sharing no code with the engine: it walks the model objects, joins with plain
 * maps, and recomputes every derivation from the core model's own methods.
 */
final class ReferenceIndicators {
  private final Submission s;
  private final LocalDate start;
  private final LocalDate end;
  private final Map<String, Person> persons;
  private final Map<String, Incident> incidents;
  private final Map<String, FunctioningAssessment> latestWg = new HashMap<>();
  private final Map<String, NeedsAssessment> latestNeeds = new HashMap<>();
  private final Map<String, List<ServiceDelivery>> deliveries;

  /** One contribution of a record to a cell: intrinsic values, numerator, denominator, unknown. */
  private static final class Part {
    final List<String> intrinsic;
    final long num;
    final long den;
    final long unk;

    Part(List<String> intrinsic, long num, long den, long unk) {
      this.intrinsic = intrinsic;
      this.num = num;
      this.den = den;
      this.unk = unk;
    }
  }

  ReferenceIndicators(Submission s, ReportingPeriod period) {
    this.s = s;
    this.start = period.start();
    this.end = period.end();
    this.persons = s.persons().stream().collect(Collectors.toMap(p -> p.id().value(), p -> p));
    this.incidents = s.incidents().stream().collect(Collectors.toMap(i -> i.id().value(), i -> i));
    this.deliveries =
        s.serviceDeliveries().stream().collect(Collectors.groupingBy(d -> d.personId().value()));
    Comparator<FunctioningAssessment> wgOrder =
        Comparator.comparing((FunctioningAssessment f) -> f.date().earliest())
            .thenComparing(f -> f.id().value());
    for (FunctioningAssessment f : s.functioningAssessments()) {
      if (!f.date().earliest().isAfter(end)) {
        latestWg.merge(f.personId().value(), f, (a, b) -> wgOrder.compare(a, b) >= 0 ? a : b);
      }
    }
    Comparator<NeedsAssessment> needsOrder =
        Comparator.comparing((NeedsAssessment f) -> f.date().earliest())
            .thenComparing(f -> f.id().value());
    for (NeedsAssessment n : s.needsAssessments()) {
      if (!n.date().earliest().isAfter(end)) {
        latestNeeds.merge(n.personId().value(), n, (a, b) -> needsOrder.compare(a, b) >= 0 ? a : b);
      }
    }
  }

  Map<List<String>, List<Long>> counts(IndicatorRequest r) {
    Map<List<String>, long[]> cells = new HashMap<>();
    String code = r.indicator().code();
    if (code.startsWith("REF-")) {
      for (ReferralAttempt a : s.referralAttempts()) {
        Optional<Instant> sent = first(a, AttemptStatus.SENT);
        if (sent.isEmpty() || !inPeriod(sent.get())) {
          continue;
        }
        add(cells, r, d -> attemptValue(d, a, sent.get()), attemptParts(code, a, sent.get()));
      }
    } else {
      if (code.equals("CAS-07") || code.equals("CAS-10")) {
        for (Incident inc : s.incidents()) {
          if (!inPeriod(inc)) {
            continue;
          }
          List<Part> parts = new ArrayList<>();
          if (code.equals("CAS-07")) {
            parts.add(new Part(List.of(), 0, 1, 0));
          } else {
            YesNoUnknown m = inc.areaMarkedBefore().orElse(YesNoUnknown.UNKNOWN);
            parts.add(
                m == YesNoUnknown.UNKNOWN
                    ? new Part(List.of(), 0, 0, 1)
                    : new Part(List.of(), m == YesNoUnknown.NO ? 1 : 0, 1, 0));
          }
          add(cells, r, d -> incidentValue(d, inc), parts);
        }
      }
      if (!code.equals("CAS-10")) {
        for (Casualty c : s.casualties()) {
          Incident inc = incidents.get(c.incidentId().value());
          if (inc == null) {
            continue;
          }
          boolean stock =
              code.startsWith("SUR") || code.startsWith("NEED") || code.startsWith("SRV");
          if (stock ? !survivorAtEnd(c, inc) : !inPeriod(inc)) {
            continue;
          }
          add(cells, r, d -> casualtyValue(d, c, inc), casualtyParts(code, c));
        }
      }
    }
    Map<List<String>, List<Long>> out = new TreeMap<>(CellOrder.INSTANCE);
    cells.forEach((k, v) -> out.put(k, List.of(v[0], v[1], v[2])));
    return out;
  }

  /**
   * The cells a table publishes for a request: every combination of the values of its key
   * dimensions (requested, then intrinsic except the statistic), where a closed dimension takes its
   * whole code list and an open one the values met in the data; cells no record reaches count zero.
   */
  Map<List<String>, List<Long>> publishedCells(IndicatorRequest r) {
    Map<List<String>, List<Long>> counts = counts(r);
    List<Dimension> dims = new ArrayList<>(r.dimensions());
    for (Dimension d : r.indicator().intrinsicDimensions()) {
      if (d != Dimension.STATISTIC) {
        dims.add(d);
      }
    }
    List<List<String>> combos = new ArrayList<>();
    combos.add(List.of());
    for (int i = 0; i < dims.size(); i++) {
      Set<String> values = new LinkedHashSet<>(dims.get(i).codes());
      for (List<String> k : counts.keySet()) {
        values.add(k.get(i));
      }
      List<List<String>> longer = new ArrayList<>();
      for (List<String> c : combos) {
        for (String v : values) {
          List<String> l = new ArrayList<>(c);
          l.add(v);
          longer.add(l);
        }
      }
      combos = longer;
    }
    Map<List<String>, List<Long>> out = new TreeMap<>(CellOrder.INSTANCE);
    for (List<String> c : combos) {
      out.put(List.copyOf(c), counts.getOrDefault(c, List.of(0L, 0L, 0L)));
    }
    return out;
  }

  /** REF-03: the list of whole days per cell (interval as the last key value). */
  Map<List<String>, List<Long>> days(IndicatorRequest r) {
    Map<List<String>, List<Long>> out = new TreeMap<>(CellOrder.INSTANCE);
    for (ReferralAttempt a : s.referralAttempts()) {
      Optional<Instant> sent = first(a, AttemptStatus.SENT);
      if (sent.isEmpty() || !inPeriod(sent.get())) {
        continue;
      }
      String[] intervals = {"sent_to_accepted", "sent_to_completed"};
      AttemptStatus[] to = {AttemptStatus.ACCEPTED, AttemptStatus.COMPLETED};
      for (int i = 0; i < 2; i++) {
        Optional<Instant> reached = first(a, to[i]);
        if (reached.isPresent()) {
          List<String> key = new ArrayList<>();
          for (Dimension d : r.dimensions()) {
            key.add(attemptValue(d, a, sent.get()));
          }
          key.add(intervals[i]);
          out.computeIfAbsent(key, k -> new ArrayList<>())
              .add(Duration.between(sent.get(), reached.get()).toDays());
        }
      }
    }
    out.values().forEach(l -> l.sort(null));
    return out;
  }

  private void add(
      Map<List<String>, long[]> cells,
      IndicatorRequest r,
      Function<Dimension, String> value,
      List<Part> parts) {
    for (Part p : parts) {
      if (p.num == 0 && p.den == 0 && p.unk == 0) {
        continue;
      }
      List<String> key = new ArrayList<>();
      for (Dimension d : r.dimensions()) {
        key.add(value.apply(d));
      }
      key.addAll(p.intrinsic);
      long[] c = cells.computeIfAbsent(List.copyOf(key), k -> new long[3]);
      c[0] += p.num;
      c[1] += p.den;
      c[2] += p.unk;
    }
  }

  private boolean inPeriod(Incident inc) {
    LocalDate d = inc.date().earliest();
    return !d.isBefore(start) && !d.isAfter(end);
  }

  private boolean inPeriod(Instant at) {
    LocalDate d = at.atZone(ZoneOffset.UTC).toLocalDate();
    return !d.isBefore(start) && !d.isAfter(end);
  }

  private boolean survivorAtEnd(Casualty c, Incident inc) {
    return c.outcome() == Outcome.INJURED
        && !inc.date().earliest().isAfter(end)
        && c.diedOn().map(d -> d.earliest().isAfter(end)).orElse(true);
  }

  private Sex sex(Casualty c) {
    Person p = persons.get(c.personId().value());
    return p == null ? Sex.UNKNOWN : p.sex();
  }

  private YesNoUnknown disability3(Casualty c) {
    FunctioningAssessment f = latestWg.get(c.personId().value());
    return f == null ? YesNoUnknown.UNKNOWN : f.computedIdentifiers().disability3();
  }

  private String casualtyValue(Dimension d, Casualty c, Incident inc) {
    switch (d) {
      case SEX:
        return sex(c).code();
      case AGE_GROUP:
        return c.ageGroup().code();
      case AGE_BAND:
        return c.ageAtIncident().map(Dimension::ageBandOf).orElse("unknown");
      case LANDMINE_MONITOR_GROUP:
        return c.landmineMonitorGroup(sex(c)).code();
      case CIVILIAN_STATUS:
        return c.civilianStatus().code();
      case DISABILITY3:
        return disability3(c).code();
      case OUTCOME:
        return c.outcome().code();
      default:
        return incidentValue(d, inc);
    }
  }

  private String incidentValue(Dimension d, Incident inc) {
    switch (d) {
      case DEVICE_CATEGORY:
        return inc.deviceCategory().code();
      case DEVICE_GROUP:
        return inc.deviceGroup().code();
      case ADMIN1:
        return inc.location()
            .adminArea()
            .map(a -> a.level() == 1 ? a.pCode() : a.pCode().replaceAll("^([A-Z]+..).*$", "$1"))
            .orElse("unknown");
      case COUNTRY:
        return inc.location().country().code();
      case YEAR:
        return Integer.toString(inc.date().year());
      case MONTH:
        return inc.date().precision() == DatePrecision.YEAR
            ? "unknown"
            : inc.date().toString().substring(0, 7);
      default:
        throw new IllegalArgumentException("not an incident dimension: " + d);
    }
  }

  private String attemptValue(Dimension d, ReferralAttempt a, Instant sent) {
    LocalDate day = sent.atZone(ZoneOffset.UTC).toLocalDate();
    switch (d) {
      case COUNTRY:
        return a.destinationCountry().code();
      case YEAR:
        return Integer.toString(day.getYear());
      case MONTH:
        return day.toString().substring(0, 7);
      default:
        throw new IllegalArgumentException("not an attempt dimension: " + d);
    }
  }

  private static Optional<Instant> first(ReferralAttempt a, AttemptStatus st) {
    return a.history().stream().filter(h -> h.status() == st).map(StatusChange::at).findFirst();
  }

  private static Part known(boolean isKnown, boolean hit) {
    return isKnown ? new Part(List.of(), hit ? 1 : 0, 1, 0) : new Part(List.of(), 0, 0, 1);
  }

  private List<Part> casualtyParts(String code, Casualty c) {
    List<Part> parts = new ArrayList<>();
    String pid = c.personId().value();
    switch (code) {
      case "CAS-01":
      case "CAS-07":
      case "SUR-01":
        parts.add(new Part(List.of(), 1, 0, 0));
        break;
      case "CAS-02":
        parts.add(known(c.outcome() != Outcome.UNKNOWN, c.outcome() == Outcome.KILLED));
        break;
      case "CAS-03":
        parts.add(
            known(
                c.civilianStatus() != CivilianStatus.UNKNOWN,
                c.civilianStatus() == CivilianStatus.CIVILIAN));
        break;
      case "CAS-04":
        if (c.civilianStatus() == CivilianStatus.CIVILIAN) {
          parts.add(known(c.ageAtIncident().isPresent(), c.ageGroup() == AgeGroup.CHILD));
        }
        break;
      case "CAS-05":
        parts.add(known(sex(c) != Sex.UNKNOWN, sex(c) == Sex.FEMALE));
        break;
      case "CAS-06":
        if (c.civilianStatus() == CivilianStatus.DEMINER) {
          parts.add(new Part(List.of(), 1, 0, 0));
        } else if (c.civilianStatus() == CivilianStatus.UNKNOWN) {
          parts.add(new Part(List.of(), 0, 0, 1));
        }
        break;
      case "CAS-08":
        if (c.outcome() == Outcome.INJURED) {
          parts.add(new Part(List.of(), c.amputations().isEmpty() ? 0 : 1, 1, 0));
        }
        break;
      case "CAS-09":
        YesNoUnknown re = c.priorRiskEducation().orElse(YesNoUnknown.UNKNOWN);
        parts.add(known(re != YesNoUnknown.UNKNOWN, re == YesNoUnknown.YES));
        break;
      case "SUR-02":
        FunctioningAssessment f = latestWg.get(pid);
        if (f != null) {
          WgSsIdentifiers w = f.computedIdentifiers();
          YesNoUnknown[] ids = {w.disability1(), w.disability2(), w.disability3(), w.disability4()};
          for (int i = 0; i < 4; i++) {
            Part k = known(ids[i] != YesNoUnknown.UNKNOWN, ids[i] == YesNoUnknown.YES);
            parts.add(new Part(List.of("disability" + (i + 1)), k.num, k.den, k.unk));
          }
        }
        break;
      case "NEED-01":
        NeedsAssessment latest = latestNeeds.get(pid);
        boolean recent = latest != null && latest.date().earliest().isAfter(end.minusMonths(12));
        parts.add(new Part(List.of(), recent ? 1 : 0, 1, 0));
        break;
      case "NEED-02":
        NeedsAssessment na = latestNeeds.get(pid);
        if (na != null) {
          for (Pillar p : Pillar.values()) {
            List<Need> ofPillar =
                na.needs().stream()
                    .filter(n -> n.serviceType().pillar() == p)
                    .collect(Collectors.toList());
            long notMet = ofPillar.stream().filter(n -> n.status() != NeedStatus.MET).count();
            parts.add(new Part(List.of(p.code()), notMet, ofPillar.size(), 0));
          }
        }
        break;
      case "SRV-01":
        for (Pillar p : Pillar.values()) {
          boolean got =
              deliveries.getOrDefault(pid, List.of()).stream()
                  .filter(d -> d.serviceType().pillar() == p)
                  .anyMatch(this::overlapsPeriod);
          parts.add(new Part(List.of(p.code()), got ? 1 : 0, 1, 0));
        }
        break;
      case "DQ-01":
        boolean sexKnown = sex(c) != Sex.UNKNOWN;
        boolean ageKnown = c.ageAtIncident().isPresent();
        boolean disKnown = disability3(c) != YesNoUnknown.UNKNOWN;
        parts.add(new Part(List.of("sex"), sexKnown ? 1 : 0, 1, 0));
        parts.add(new Part(List.of("age"), ageKnown ? 1 : 0, 1, 0));
        parts.add(new Part(List.of("disability"), disKnown ? 1 : 0, 1, 0));
        parts.add(new Part(List.of("all"), sexKnown && ageKnown && disKnown ? 1 : 0, 1, 0));
        break;
      default:
        throw new IllegalArgumentException(code);
    }
    return parts;
  }

  private boolean overlapsPeriod(ServiceDelivery d) {
    return !d.startDate().earliest().isAfter(end)
        && d.endDate().map(e -> !e.earliest().isBefore(start)).orElse(true);
  }

  private List<Part> attemptParts(String code, ReferralAttempt a, Instant sent) {
    AttemptStatus st = a.status();
    boolean out = st == AttemptStatus.CANCELLED || st == AttemptStatus.ENTERED_IN_ERROR;
    List<Part> parts = new ArrayList<>();
    switch (code) {
      case "REF-01":
        boolean accepted =
            List.of(
                    AttemptStatus.ACCEPTED,
                    AttemptStatus.IN_PROGRESS,
                    AttemptStatus.ON_HOLD,
                    AttemptStatus.COMPLETED,
                    AttemptStatus.NOT_COMPLETED)
                .contains(st);
        parts.add(out ? new Part(List.of(), 0, 0, 1) : new Part(List.of(), accepted ? 1 : 0, 1, 0));
        break;
      case "REF-02":
        parts.add(
            out
                ? new Part(List.of(), 0, 0, 1)
                : new Part(List.of(), st == AttemptStatus.COMPLETED ? 1 : 0, 1, 0));
        break;
      case "REF-03":
        parts.add(
            first(a, AttemptStatus.ACCEPTED).isPresent()
                ? new Part(List.of("sent_to_accepted"), 0, 1, 0)
                : new Part(List.of("sent_to_accepted"), 0, 0, 1));
        parts.add(
            first(a, AttemptStatus.COMPLETED).isPresent()
                ? new Part(List.of("sent_to_completed"), 0, 1, 0)
                : new Part(List.of("sent_to_completed"), 0, 0, 1));
        break;
      case "REF-04":
        if (st == AttemptStatus.DECLINED || st == AttemptStatus.NOT_COMPLETED) {
          StatusChange lastChange = a.history().get(a.history().size() - 1);
          parts.add(
              new Part(List.of(st.code(), lastChange.reasonCode().orElse("unknown")), 1, 0, 0));
        }
        break;
      default:
        throw new IllegalArgumentException(code);
    }
    return parts;
  }
}
