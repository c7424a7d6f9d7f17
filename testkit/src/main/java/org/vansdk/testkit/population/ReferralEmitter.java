package org.vansdk.testkit.population;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vansdk.core.consent.Consent;
import org.vansdk.core.consent.ConsentMethod;
import org.vansdk.core.consent.ConsentStatus;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.consent.Purpose;
import org.vansdk.core.delivery.ServiceDelivery;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.ConsentId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.need.Priority;
import org.vansdk.core.need.ServiceType;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.DeclineReason;
import org.vansdk.core.referral.NotCompletedReason;
import org.vansdk.core.referral.Referral;
import org.vansdk.core.referral.ReferralAttempt;
import org.vansdk.core.referral.ReferralStatus;
import org.vansdk.core.referral.StatusChange;
import org.vansdk.core.text.LocalizedText;
import org.vansdk.testkit.profile.Shares;
import org.vansdk.testkit.random.Prng;

/**
 * Emits a referral with what it needs and causes: the survivor's consent, the referral, its
 * attempts with timed histories legal under the state table ({@link AttemptPaths}), and the
 * deliveries of accepted attempts. Owns the consent and referral sequences. Not thread-safe.
 */
final class ReferralEmitter {
  private static final AttemptStatus[] EARLIER_ATTEMPT_END = {
    AttemptStatus.DECLINED, AttemptStatus.NOT_COMPLETED, AttemptStatus.CANCELLED
  };

  private final Generation g;
  private final Directory directory;
  private final DeliveryEmitter deliveries;
  private long consentSeq;
  private long referralSeq;

  ReferralEmitter(Generation g, Directory directory, DeliveryEmitter deliveries) {
    this.g = g;
    this.directory = directory;
    this.deliveries = deliveries;
  }

  /**
   * Emits a referral made after a needs assessment, when the survivor's timeline leaves room.
   *
   * @param age the survivor's age on the needs assessment day
   * @param lastDay the last epoch day the survivor is alive (and before the anchor)
   */
  void referral(
      Prng r,
      PersonId person,
      int age,
      Provider referrer,
      List<ServiceType> types,
      long needsDay,
      long lastDay) {
    long lastInstant = Math.min((lastDay + 1) * Generation.DAY - 1, g.anchorEnd);
    long givenAt = needsDay * Generation.DAY + r.between(1 * 3600, 10 * 3600);
    long createdAt = givenAt + r.between(600, 20 * 86_400);
    if (createdAt + Generation.DAY > lastInstant) {
      return;
    }
    // Consent: given at the needs assessment, for three years, sometimes withdrawn.
    long expiresAt = givenAt + 3L * 365 * Generation.DAY;
    Long withdrawnAt = null;
    if (r.chance(g.care.consentWithdrawnShare())) {
      long w = r.between(createdAt + 3600, Math.min(expiresAt - 1, lastInstant));
      withdrawnAt = w;
    }
    long consentEnd = withdrawnAt != null ? withdrawnAt : expiresAt;
    List<Provider> targets = new ArrayList<>();
    Shares attemptsShares = g.care.attemptsPerReferral();
    int attempts = Integer.parseInt(attemptsShares.code(attemptsShares.pick(r.nextDouble())));
    for (int i = 0; i < attempts; i++) {
      targets.add(directory.offering(r, types));
    }

    ConsentId consentId = ConsentId.parse(g.id(referrer, "CON", ++consentSeq));
    Consent.Builder consent =
        Consent.builder()
            .id(consentId)
            .personId(person)
            .addGrantees(referrer.id)
            .addPurposes(Purpose.REFERRAL, Purpose.SERVICE_DELIVERY, Purpose.FOLLOW_UP)
            .addDataCategories(
                DataCategory.IDENTITY,
                DataCategory.CONTACT,
                DataCategory.LOCATION,
                DataCategory.MEDICAL,
                DataCategory.DISABILITY)
            .addCountries(g.country)
            .givenAt(Instant.ofEpochSecond(givenAt))
            .expiresAt(Instant.ofEpochSecond(expiresAt))
            .method(
                age < 18
                    ? ConsentMethod.GUARDIAN
                    : r.pick(
                        ConsentMethod.WRITTEN,
                        ConsentMethod.VERBAL_WITNESSED,
                        ConsentMethod.THUMBPRINT))
            .capturedBy(referrer.id)
            .language(g.lang);
    List<OrganisationId> grantees = new ArrayList<>(List.of(referrer.id));
    for (Provider t : targets) {
      if (!grantees.contains(t.id)) {
        grantees.add(t.id);
        consent.addGrantees(t.id);
      }
    }
    if (withdrawnAt != null) {
      consent.status(ConsentStatus.WITHDRAWN).withdrawnAt(Instant.ofEpochSecond(withdrawnAt));
    } else if (expiresAt <= g.anchorEnd) {
      consent.status(ConsentStatus.EXPIRED);
    } else {
      consent.status(ConsentStatus.ACTIVE);
    }
    g.emit(consent.build());

    ReferralId referralId = ReferralId.parse(g.id(referrer, "R", ++referralSeq));
    List<ReferralAttempt> built = new ArrayList<>(attempts);
    List<ServiceDelivery> delivered = new ArrayList<>(attempts);
    long t = createdAt;
    AttemptId previous = null;
    boolean anyOpen = false;
    for (int i = 0; i < attempts; i++) {
      Provider target = targets.get(i);
      AttemptStatus end;
      if (i < attempts - 1) {
        end = r.pick(EARLIER_ATTEMPT_END);
      } else {
        Shares s = g.care.attemptEndState();
        end = AttemptStatus.fromCode(s.code(s.pick(r.nextDouble())));
      }
      AttemptId id = AttemptId.parse(referralId.value() + "-A" + (i + 1));
      List<StatusChange> history =
          history(
              r,
              AttemptPaths.to(end, r),
              t,
              Math.min(lastInstant, consentEnd),
              consentEnd <= lastInstant,
              withdrawnAt != null);
      if (history.isEmpty()) {
        break;
      }
      AttemptStatus reached = history.get(history.size() - 1).status();
      ReferralAttempt.Builder a =
          ReferralAttempt.builder()
              .id(id)
              .referralId(referralId)
              .targetOrganisation(target.id)
              .targetService(target.service)
              .destinationCountry(g.country)
              .status(reached)
              .history(history);
      if (previous != null) {
        a.replaces(previous);
      }
      if (reached == AttemptStatus.COMPLETED) {
        a.outcome(LocalizedText.of("en", "service delivered"));
      }
      built.add(a.build());
      deliveries
          .forAttempt(r, person, referralId, target, types, history, lastDay)
          .ifPresent(delivered::add);
      anyOpen |= !reached.isFinal();
      t = history.get(history.size() - 1).at().getEpochSecond() + r.between(3600, 10 * 86_400);
      previous = id;
      if (!reached.isFinal() || t > Math.min(lastInstant, consentEnd)) {
        break;
      }
    }
    ReferralStatus status =
        withdrawnAt != null && withdrawnAt <= g.anchorEnd
            ? ReferralStatus.REVOKED
            : anyOpen ? ReferralStatus.ACTIVE : ReferralStatus.CLOSED;
    g.emit(
        Referral.builder()
            .id(referralId)
            .personId(person)
            .serviceTypes(types)
            .priority(r.pick(Priority.values()))
            .referringOrganisation(referrer.id)
            .createdAt(Instant.ofEpochSecond(createdAt))
            .consentId(consentId)
            .status(built.isEmpty() ? ReferralStatus.DRAFT : status)
            .build());
    built.forEach(g::emit);
    delivered.forEach(g::emit);
  }

  /**
   * Times a path, cutting it where the person's timeline or the consent ends; a cut at the end of
   * consent cancels the attempt there, as the system does on withdrawal or expiry.
   */
  private List<StatusChange> history(
      Prng r,
      List<AttemptStatus> path,
      long start,
      long limit,
      boolean consentCuts,
      boolean withdrawn) {
    List<StatusChange> out = new ArrayList<>(path.size() + 1);
    long t = start;
    for (int i = 0; i < path.size(); i++) {
      AttemptStatus s = path.get(i);
      if (i > 0) {
        t += gap(r, s);
      } else {
        t += r.between(60, 3600);
      }
      if (t > limit) {
        AttemptStatus last = out.isEmpty() ? null : out.get(out.size() - 1).status();
        if (consentCuts && last != null && !last.isFinal()) {
          out.add(
              StatusChange.builder()
                  .status(AttemptStatus.CANCELLED)
                  .at(Instant.ofEpochSecond(limit))
                  .reasonCode(withdrawn ? "consent_withdrawn" : "consent_expired")
                  .build());
        }
        return out;
      }
      StatusChange.Builder c = StatusChange.builder().status(s).at(Instant.ofEpochSecond(t));
      switch (s) {
        case DECLINED:
          c.reasonCode(r.pick(DeclineReason.values()).code());
          break;
        case NOT_COMPLETED:
          c.reasonCode(
              r.pick(
                      NotCompletedReason.SURVIVOR_DECLINED,
                      NotCompletedReason.UNREACHABLE,
                      NotCompletedReason.NOT_ELIGIBLE_AFTER_ASSESSMENT,
                      NotCompletedReason.MOVED,
                      NotCompletedReason.OTHER)
                  .code());
          break;
        case ON_HOLD:
          c.reasonCode("other").text(LocalizedText.of("en", "waiting for a fitting appointment"));
          break;
        case CANCELLED:
          c.reasonCode("referrer_request");
          break;
        case ENTERED_IN_ERROR:
          c.reasonCode("other");
          break;
        default:
          break;
      }
      out.add(c.build());
    }
    return out;
  }

  private static long gap(Prng r, AttemptStatus to) {
    switch (to) {
      case SENT:
        return r.between(600L, 2 * 86_400L);
      case RECEIVED:
        return r.between(3600L, 5 * 86_400L);
      case ACCEPTED:
      case DECLINED:
        return r.between(3600L, 14 * 86_400L);
      case IN_PROGRESS:
        return r.between(86_400L, 30 * 86_400L);
      case ON_HOLD:
        return r.between(7 * 86_400L, 60 * 86_400L);
      case COMPLETED:
        return r.between(7 * 86_400L, 180 * 86_400L);
      case NOT_COMPLETED:
        return r.between(7 * 86_400L, 120 * 86_400L);
      default:
        return r.between(3600L, 30 * 86_400L);
    }
  }
}
