package org.vansdk.referral.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.vansdk.core.VanStyle;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.ConsentId;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.id.ServiceId;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.ReferralAttempt;
import org.vansdk.core.referral.Role;
import org.vansdk.core.referral.StatusChange;
import org.vansdk.core.text.LocalizedText;
import org.vansdk.referral.message.Party;
import tools.jackson.databind.JsonNode;

/**
 * What one node knows of one referral attempt: its status and version, the parties, the consent it
 * rests on, the personal data received or sent (purged on withdrawal or entered-in-error), and the
 * protocol counters. Stored whole by a {@link ReferralStore}.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
public abstract class AttemptRecord {

  /** The attempt id. */
  public abstract AttemptId attemptId();

  /** The referral it tries to meet. */
  public abstract ReferralId referralId();

  /** This node's side of the exchange: {@link Role#REFERRER} or {@link Role#RECEIVER}. */
  public abstract Role side();

  /** The referring party. */
  public abstract Party referrer();

  /** The receiving party. */
  public abstract Party receiver();

  /** The current status. */
  public abstract AttemptStatus status();

  /** The number of status moves applied so far (0 for a new draft). */
  public abstract long version();

  /** The status history, oldest first. */
  public abstract List<StatusEntry> history();

  /** The attempt this one replaces (a re-referral). */
  public abstract Optional<AttemptId> replaces();

  /** The consent behind the disclosure: {@code <consent id>#<version>}. */
  public abstract Optional<String> consentRef();

  /** The data categories disclosed with the referral (codes). */
  public abstract List<String> dataCategories();

  /** The service types requested (codes). */
  public abstract List<String> serviceTypes();

  /** The target service id in the directory. */
  public abstract Optional<String> targetService();

  /** When an unanswered attempt expires. */
  public abstract Optional<Instant> respondBy();

  /**
   * The referral request without its personal data (referral summary, target, deadline) and its
   * free-text note, as sent; the note is dropped on purge. Redacted from {@link #toString()}, since
   * the note may hold personal data.
   */
  @Value.Redacted
  public abstract Optional<JsonNode> request();

  /**
   * The person the referral is about (referrer side; kept to check the consent against it). Dropped
   * on purge; redacted from {@link #toString()}.
   */
  @Value.Redacted
  public abstract Optional<PersonId> personId();

  /** The consent the referral names (referrer side); only that consent allows sending. */
  public abstract Optional<ConsentId> namedConsent();

  /**
   * The data categories the request's free-text note counts as (codes; referrer side): the note
   * leaves only under a consent that covers each of them.
   */
  public abstract List<String> noteCategories();

  /** The outcome reported on completion ({@code {"lang", "text"}}), if any. */
  @Value.Redacted
  public abstract Optional<JsonNode> outcome();

  /** The personal data of the referral, until purged. Never logged. */
  @Value.Redacted
  public abstract Optional<JsonNode> personalData();

  /** The referrer asked to cancel and the receiver has not yet answered. */
  @Value.Default
  public boolean cancelRequested() {
    return false;
  }

  /** The consent was withdrawn: personal data is refused from now on. */
  @Value.Default
  public boolean consentWithdrawn() {
    return false;
  }

  /** Personal data was purged. */
  @Value.Default
  public boolean purged() {
    return false;
  }

  /** The next {@code senderSeq} this node will use for its messages on this attempt. */
  @Value.Default
  public long nextOutboundSeq() {
    return 1;
  }

  /** When this node first recorded the attempt. */
  public abstract Instant createdAt();

  /**
   * This attempt as the canonical core record that indicators read: status, history (reason codes
   * kept; times made non-decreasing where two clocks disagree), outcome, replaced attempt.
   */
  public final ReferralAttempt toReferralAttempt() {
    ReferralAttempt.Builder b =
        ReferralAttempt.builder()
            .id(attemptId())
            .referralId(referralId())
            .targetOrganisation(receiver().organisation())
            .destinationCountry(receiver().country())
            .status(status())
            .replaces(replaces());
    targetService().ifPresent(s -> b.targetService(ServiceId.parse(s)));
    Instant last = Instant.MIN;
    for (StatusEntry e : history()) {
      last = e.at().isAfter(last) ? e.at() : last;
      StatusChange.Builder c = StatusChange.builder().status(e.to()).at(last);
      if (!e.reason().isEmpty()) {
        c.reasonCode(e.reason());
      }
      b.addHistory(c.build());
    }
    outcome()
        .filter(o -> o.hasNonNull("lang") && o.hasNonNull("text"))
        .ifPresent(
            o ->
                b.outcome(
                    LocalizedText.of(o.get("lang").stringValue(), o.get("text").stringValue())));
    return b.build();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AttemptRecord}. */
  public static final class Builder extends ImmutableAttemptRecord.Builder {}
}
