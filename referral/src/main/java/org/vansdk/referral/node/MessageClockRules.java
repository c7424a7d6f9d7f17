package org.vansdk.referral.node;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.vansdk.referral.message.AckStatus;
import org.vansdk.referral.message.Message;

/**
 * How a received message's {@code createdAt} is judged on this node's clock. Clocks of two
 * organisations differ: a message may claim to be up to {@code skew} ahead of this node's clock;
 * beyond, it is refused as transient (the sender resends; once the clocks agree it passes). A
 * message older than {@code maxAge} when it is to be applied is refused for good: its sender
 * resends it no longer than that, and a copy replayed later can no longer be recognised once its
 * processed record is pruned ({@link ReferralNode#pruneReceived}), so the age bound must stay
 * within the retention. Acknowledgements and sync messages are not judged: replaying one changes
 * nothing.
 *
 * <p>Deadlines ({@code respondBy}) are absolute UTC instants set by the referrer on its clock; each
 * side judges them on its own clock. The receiver's expiry is the move (it cancels and tells the
 * referrer); the referrer's only asks to cancel, and the receiver refuses that if it had already
 * answered, so a skew between the two clocks cannot make them diverge.
 */
record MessageClockRules(Duration skew, Duration maxAge) {

  /** A refusal if the message claims to be made further ahead of {@code now} than the skew. */
  Optional<Result> ahead(Message m, Instant now) {
    Instant createdAt = m.envelope().createdAt();
    if (!createdAt.isAfter(now.plus(skew))) {
      return Optional.empty();
    }
    return Optional.of(
        Result.of(
            AckStatus.TRANSIENT_ERROR,
            ReferralErrors.CLOCK_AHEAD,
            "createdAt "
                + createdAt
                + " is ahead of this node's clock ("
                + now
                + ") by more than the allowed "
                + skew
                + "; check the sender's clock; resend later"));
  }

  /** A refusal if the message is older than the maximum age at {@code now}. */
  Optional<Result> tooOld(Message m, Instant now) {
    Instant createdAt = m.envelope().createdAt();
    if (!createdAt.isBefore(now.minus(maxAge))) {
      return Optional.empty();
    }
    return Optional.of(
        Result.fatal(
            ReferralErrors.TOO_OLD,
            "createdAt "
                + createdAt
                + " is more than "
                + maxAge
                + " before this node's clock ("
                + now
                + "); nothing was applied; do not resend it"));
  }
}
