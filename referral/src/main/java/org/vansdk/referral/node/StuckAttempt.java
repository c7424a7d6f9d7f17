package org.vansdk.referral.node;

import java.time.Instant;
import java.util.Optional;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.Role;

/**
 * An attempt that has not ended and whose status has not moved for a while, as an operator sees it:
 * ids, codes and instants only, no personal data.
 *
 * @param attemptId the attempt
 * @param referralId its referral
 * @param side this node's side of it
 * @param status its current status
 * @param peer the organisation at the other end
 * @param since when its status last moved (its creation if it never did)
 * @param respondBy the deadline of an unanswered attempt, if it has one
 * @param unacknowledged how many of this node's messages about it wait in the outbox
 * @param parked how many of those are parked
 * @since 1.0
 */
public record StuckAttempt(
    AttemptId attemptId,
    ReferralId referralId,
    Role side,
    AttemptStatus status,
    OrganisationId peer,
    Instant since,
    Optional<Instant> respondBy,
    int unacknowledged,
    int parked) {}
