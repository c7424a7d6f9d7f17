package org.vansdk.testkit.population;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.vansdk.core.delivery.DeliveryOutcome;
import org.vansdk.core.delivery.ServiceDelivery;
import org.vansdk.core.id.DeliveryId;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.need.ServiceType;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.StatusChange;
import org.vansdk.core.time.PartialDate;
import org.vansdk.testkit.random.Prng;

/**
 * Builds service deliveries: those that follow an accepted referral attempt and those a provider
 * gives without a referral. Owns the delivery sequence. Not thread-safe.
 */
final class DeliveryEmitter {
  private final Generation g;
  private final Directory directory;
  private long deliverySeq;

  DeliveryEmitter(Generation g, Directory directory) {
    this.g = g;
    this.directory = directory;
  }

  /**
   * Emits, with the profile's share, a delivery without a referral within the epoch days [start,
   * end].
   */
  void withoutReferral(Prng r, PersonId person, long start, long end) {
    if (!r.chance(g.care.deliveriesWithoutReferral())) {
      return;
    }
    Provider p = directory.anyWithService(r);
    long d = r.between(start, end);
    ServiceType type = r.pick(p.types);
    ServiceDelivery.Builder b =
        ServiceDelivery.builder()
            .id(DeliveryId.parse(g.id(p, "D", ++deliverySeq)))
            .personId(person)
            .organisationId(p.id)
            .serviceId(p.service)
            .serviceType(type)
            .startDate(PartialDate.from(LocalDate.ofEpochDay(d)));
    long endDay = d + r.between(0, 90);
    if (endDay <= end && r.chance(0.7)) {
      b.endDate(PartialDate.from(LocalDate.ofEpochDay(endDay))).outcome(DeliveryOutcome.COMPLETED);
    } else {
      b.outcome(DeliveryOutcome.ONGOING);
    }
    b.units(r.between(1, 12));
    g.emit(b.build());
  }

  /**
   * A delivery for an attempt that was accepted: starts after acceptance, ends with the attempt.
   * Returned, not emitted: it follows the referral and its attempts in the output.
   */
  Optional<ServiceDelivery> forAttempt(
      Prng r,
      PersonId person,
      ReferralId referral,
      Provider target,
      List<ServiceType> types,
      List<StatusChange> history,
      long lastDay) {
    Instant accepted = null;
    StatusChange last = history.get(history.size() - 1);
    for (StatusChange c : history) {
      if (c.status() == AttemptStatus.ACCEPTED) {
        accepted = c.at();
      }
    }
    if (accepted == null || last.status() == AttemptStatus.ENTERED_IN_ERROR) {
      return Optional.empty();
    }
    long acceptedDay = Math.floorDiv(accepted.getEpochSecond(), Generation.DAY);
    long lastStatusDay = Math.floorDiv(last.at().getEpochSecond(), Generation.DAY);
    ServiceType type = types.get(0);
    for (ServiceType t : types) {
      if (target.types.contains(t)) {
        type = t;
        break;
      }
    }
    ServiceDelivery.Builder b =
        ServiceDelivery.builder()
            .id(DeliveryId.parse(g.id(target, "D", ++deliverySeq)))
            .personId(person)
            .organisationId(target.id)
            .serviceId(target.service)
            .serviceType(type)
            .referralId(referral);
    long startDay;
    switch (last.status()) {
      case COMPLETED:
      case NOT_COMPLETED:
      case CANCELLED:
        startDay = r.between(acceptedDay, lastStatusDay);
        b.startDate(PartialDate.from(LocalDate.ofEpochDay(startDay)))
            .endDate(PartialDate.from(LocalDate.ofEpochDay(lastStatusDay)))
            .outcome(
                last.status() == AttemptStatus.COMPLETED
                    ? DeliveryOutcome.COMPLETED
                    : DeliveryOutcome.DISCONTINUED);
        break;
      default:
        startDay = Math.min(acceptedDay + r.between(0, 14), Math.min(lastDay, g.anchorDay));
        b.startDate(PartialDate.from(LocalDate.ofEpochDay(startDay)))
            .outcome(DeliveryOutcome.ONGOING);
    }
    if (type == ServiceType.PROSTHESIS && r.chance(0.5)) {
      b.cost(BigDecimal.valueOf(r.between(80, 300))).currency("USD").units(1);
    } else {
      b.units(r.between(1, 24));
    }
    return Optional.of(b.build());
  }
}
