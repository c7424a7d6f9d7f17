package org.vansdk.referral.store;

import java.time.Instant;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.Role;

/**
 * One entry of an attempt's status history.
 *
 * @param to the status reached
 * @param at when (the clock of the node that made the move)
 * @param by the role that made the move
 * @param reason a reason code, or empty
 * @param messageId the message that carried the move, or empty for a local command
 * @since 1.0
 */
public record StatusEntry(AttemptStatus to, Instant at, Role by, String reason, String messageId) {}
