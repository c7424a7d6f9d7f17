package org.vansdk.testkit.population;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.vansdk.core.casualty.AffectedRelation;
import org.vansdk.core.casualty.Casualty;
import org.vansdk.core.casualty.Outcome;
import org.vansdk.core.consent.Consent;
import org.vansdk.core.delivery.ServiceDelivery;
import org.vansdk.core.directory.Organisation;
import org.vansdk.core.directory.Service;
import org.vansdk.core.directory.ServiceLocation;
import org.vansdk.core.functioning.FunctioningAssessment;
import org.vansdk.core.id.RecordId;
import org.vansdk.core.incident.Incident;
import org.vansdk.core.need.NeedsAssessment;
import org.vansdk.core.person.Person;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.Referral;
import org.vansdk.core.referral.ReferralAttempt;
import org.vansdk.core.referral.StatusChange;
import org.vansdk.core.time.PartialDate;

/**
 * Checks a generated population as it streams: every reference resolves to an earlier record, every
 * timeline is ordered, every attempt history follows the state table. Collects problems as text.
 */
final class PopulationChecker implements Consumer<Object> {
  private final LocalDate anchor;
  private final Instant anchorEnd;
  private final List<String> problems = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();
  private final Set<String> organisations = new HashSet<>();
  private final Set<String> services = new HashSet<>();
  private final Map<String, Person> persons = new HashMap<>();
  private final Map<String, Incident> incidents = new HashMap<>();
  private final Set<String> casualties = new HashSet<>();

  /** Person id to the last day of the incident that hurt them. */
  private final Map<String, LocalDate> incidentLatest = new HashMap<>();

  /** Person id to the first day they may have died (killed: the incident's first day). */
  private final Map<String, LocalDate> deathEarliest = new HashMap<>();

  private final Map<String, LocalDate> firstNeedsAssessment = new HashMap<>();
  private final Map<String, Consent> consents = new HashMap<>();
  private final Map<String, Referral> referrals = new HashMap<>();
  private final Map<String, ReferralAttempt> attempts = new HashMap<>();
  private final Map<String, List<ReferralAttempt>> attemptsByReferral = new HashMap<>();
  private final Map<Class<?>, Integer> counts = new HashMap<>();

  PopulationChecker(LocalDate anchor) {
    this.anchor = anchor;
    this.anchorEnd =
        anchor.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().minusSeconds(1);
  }

  List<String> problems() {
    return problems;
  }

  int count(Class<?> type) {
    return counts.getOrDefault(type, 0);
  }

  private void problem(RecordId where, String what) {
    if (problems.size() < 20) {
      problems.add(where + ": " + what);
    }
  }

  private void unique(RecordId id) {
    if (!ids.add(id.getClass().getSimpleName() + ":" + id.value())) {
      problem(id, "duplicate id");
    }
  }

  @Override
  public void accept(Object record) {
    counts.merge(record.getClass().getSuperclass(), 1, Integer::sum);
    if (record instanceof Organisation) {
      Organisation o = (Organisation) record;
      unique(o.id());
      organisations.add(o.id().value());
    } else if (record instanceof Service) {
      Service s = (Service) record;
      unique(s.id());
      ref(s.id(), organisations, s.organisationId());
      services.add(s.id().value());
    } else if (record instanceof ServiceLocation) {
      ServiceLocation l = (ServiceLocation) record;
      unique(l.id());
      ref(l.id(), services, l.serviceId());
    } else if (record instanceof Incident) {
      Incident i = (Incident) record;
      unique(i.id());
      incidents.put(i.id().value(), i);
      i.reportingOrganisation().ifPresent(o -> ref(i.id(), organisations, o));
      notAfterAnchor(i.id(), i.date());
    } else if (record instanceof Person) {
      Person p = (Person) record;
      unique(p.id());
      persons.put(p.id().value(), p);
      p.birthDate().ifPresent(b -> notAfterAnchor(p.id(), b));
    } else if (record instanceof Casualty) {
      casualty((Casualty) record);
    } else if (record instanceof AffectedRelation) {
      AffectedRelation a = (AffectedRelation) record;
      ref(a.casualtyId(), persons.keySet(), a.personId());
      ref(a.personId(), casualties, a.casualtyId());
    } else if (record instanceof FunctioningAssessment) {
      FunctioningAssessment f = (FunctioningAssessment) record;
      unique(f.id());
      followUp(f.id(), f.personId().value(), f.date());
    } else if (record instanceof NeedsAssessment) {
      NeedsAssessment n = (NeedsAssessment) record;
      unique(n.id());
      followUp(n.id(), n.personId().value(), n.date());
      n.assessedBy().ifPresent(o -> ref(n.id(), organisations, o));
      firstNeedsAssessment.putIfAbsent(n.personId().value(), n.date().earliest());
    } else if (record instanceof Consent) {
      Consent c = (Consent) record;
      unique(c.id());
      consents.put(c.id().value(), c);
      followUp(c.id(), c.personId().value(), day(c.givenAt()));
      c.grantees().forEach(g -> ref(c.id(), organisations, g));
      c.withdrawnAt()
          .ifPresent(
              w -> {
                if (!w.isAfter(c.givenAt()) || w.isAfter(anchorEnd)) {
                  problem(c.id(), "withdrawnAt not between givenAt and the anchor");
                }
              });
    } else if (record instanceof Referral) {
      referral((Referral) record);
    } else if (record instanceof ReferralAttempt) {
      attempt((ReferralAttempt) record);
    } else if (record instanceof ServiceDelivery) {
      delivery((ServiceDelivery) record);
    } else {
      problems.add("unexpected record type " + record.getClass().getName());
    }
  }

  private void casualty(Casualty c) {
    unique(c.id());
    casualties.add(c.id().value());
    Person p = persons.get(c.personId().value());
    Incident i = incidents.get(c.incidentId().value());
    if (p == null || i == null) {
      problem(c.id(), "person or incident not written before");
      return;
    }
    LocalDate incidentFirst = i.date().earliest();
    LocalDate incidentLast = min(i.date().latest(), anchor);
    incidentLatest.put(p.id().value(), incidentLast);
    if (p.birthDate().isPresent()) {
      PartialDate b = p.birthDate().get();
      if (!b.latest().isBefore(incidentFirst)) {
        problem(c.id(), "birth " + b + " is not certainly before incident " + i.date());
      }
      if (c.ageAtIncident().isPresent()) {
        int age = c.ageAtIncident().get();
        int youngest = Period.between(b.latest(), incidentFirst).getYears();
        int oldest = Period.between(b.earliest(), incidentLast).getYears();
        if (age < youngest || age > oldest) {
          problem(
              c.id(), "age " + age + " disagrees with birth " + b + " and incident " + i.date());
        }
      }
    }
    if (c.outcome() == Outcome.KILLED) {
      deathEarliest.put(p.id().value(), incidentFirst);
    }
    if (c.diedOn().isPresent()) {
      PartialDate d = c.diedOn().get();
      if (!d.earliest().isAfter(incidentLast)) {
        problem(c.id(), "diedOn " + d + " is not certainly after incident " + i.date());
      }
      notAfterAnchor(c.id(), d);
      deathEarliest.put(p.id().value(), d.earliest());
    }
  }

  private void followUp(RecordId id, String person, PartialDate date) {
    LocalDate after = incidentLatest.get(person);
    if (after == null) {
      problem(id, "follow-up for a person who is not a casualty written before");
      return;
    }
    if (!date.earliest().isAfter(after)) {
      problem(id, "dated " + date + ", not certainly after the incident (" + after + ")");
    }
    LocalDate death = deathEarliest.get(person);
    if (death != null && !date.latest().isBefore(death)) {
      problem(id, "dated " + date + ", not before the death (" + death + ")");
    }
    notAfterAnchor(id, date);
  }

  private void referral(Referral r) {
    unique(r.id());
    referrals.put(r.id().value(), r);
    ref(r.id(), organisations, r.referringOrganisation());
    followUp(r.id(), r.personId().value(), day(r.createdAt()));
    LocalDate assessed = firstNeedsAssessment.get(r.personId().value());
    if (assessed == null || day(r.createdAt()).earliest().isBefore(assessed)) {
      problem(r.id(), "created before any needs assessment of the person");
    }
    if (r.consentId().isEmpty() || !consents.containsKey(r.consentId().get().value())) {
      problem(r.id(), "consent not written before");
      return;
    }
    Consent c = consents.get(r.consentId().get().value());
    if (!c.personId().equals(r.personId()) || r.createdAt().isBefore(c.givenAt())) {
      problem(r.id(), "consent is for another person or given after the referral");
    }
  }

  private void attempt(ReferralAttempt a) {
    unique(a.id());
    Referral r = referrals.get(a.referralId().value());
    if (r == null) {
      problem(a.id(), "referral not written before");
      return;
    }
    ref(a.id(), organisations, a.targetOrganisation());
    a.targetService().ifPresent(s -> ref(a.id(), services, s));
    List<AttemptStatus> path = new ArrayList<>();
    Instant previous = r.createdAt();
    for (StatusChange c : a.history()) {
      path.add(c.status());
      if (c.at().isBefore(previous)) {
        problem(a.id(), "history goes back in time at " + c.status().code());
      }
      previous = c.at();
    }
    if (!AttemptPaths.isLegal(path)) {
      problem(a.id(), "illegal history " + path);
    }
    if (previous.isAfter(anchorEnd)) {
      problem(a.id(), "history after the anchor date");
    }
    LocalDate death = deathEarliest.get(r.personId().value());
    if (death != null && !day(previous).latest().isBefore(death)) {
      problem(a.id(), "history after the death");
    }
    Consent c = consents.get(r.consentId().get().value());
    if (!c.grantees().contains(a.targetOrganisation())) {
      problem(a.id(), "consent does not cover the target organisation");
    }
    for (StatusChange s : a.history()) {
      boolean active =
          !c.givenAt().isAfter(s.at())
              && c.expiresAt().map(s.at()::isBefore).orElse(true)
              && c.withdrawnAt().map(s.at()::isBefore).orElse(true);
      if (s.status() == AttemptStatus.SENT && !active) {
        problem(a.id(), "sent while consent was not active");
      }
    }
    if (a.replaces().isPresent()) {
      ReferralAttempt old = attempts.get(a.replaces().get().value());
      if (old == null || !old.referralId().equals(a.referralId()) || !old.status().isFinal()) {
        problem(a.id(), "replaces an attempt that is unknown, of another referral, or not final");
      } else if (a.history()
          .get(0)
          .at()
          .isBefore(old.history().get(old.history().size() - 1).at())) {
        problem(a.id(), "starts before the attempt it replaces ended");
      }
    }
    attempts.put(a.id().value(), a);
    attemptsByReferral.computeIfAbsent(a.referralId().value(), k -> new ArrayList<>()).add(a);
  }

  private void delivery(ServiceDelivery d) {
    unique(d.id());
    ref(d.id(), organisations, d.organisationId());
    d.serviceId().ifPresent(s -> ref(d.id(), services, s));
    followUp(d.id(), d.personId().value(), d.startDate());
    d.endDate().ifPresent(e -> notAfterAnchor(d.id(), e));
    if (d.referralId().isPresent()) {
      Referral r = referrals.get(d.referralId().get().value());
      if (r == null || !r.personId().equals(d.personId())) {
        problem(d.id(), "referral unknown or for another person");
        return;
      }
      boolean acceptedBefore = false;
      for (ReferralAttempt a : attemptsByReferral.getOrDefault(r.id().value(), List.of())) {
        if (a.targetOrganisation().equals(d.organisationId())) {
          for (StatusChange c : a.history()) {
            if (c.status() == AttemptStatus.ACCEPTED
                && !day(c.at()).earliest().isAfter(d.startDate().earliest())) {
              acceptedBefore = true;
            }
          }
        }
      }
      if (!acceptedBefore) {
        problem(d.id(), "delivery starts before any acceptance by its organisation");
      }
    }
  }

  private void ref(RecordId from, Set<String> known, RecordId to) {
    if (!known.contains(to.value())) {
      problem(from, "refers to " + to + " which was not written before");
    }
  }

  private void notAfterAnchor(RecordId id, PartialDate date) {
    if (date.earliest().isAfter(anchor)) {
      problem(id, "dated " + date + ", after the anchor " + anchor);
    }
  }

  private static PartialDate day(Instant at) {
    return PartialDate.from(LocalDate.ofInstant(at, java.time.ZoneOffset.UTC));
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
