package org.vansdk.transport.client;

import org.vansdk.core.ErrorCode;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.referral.message.MessageType;

/**
 * A message the dispatcher will not resend: the peer refused it in a way that resending cannot
 * change ({@code 400}, {@code 413}, {@code 415}, another {@code 4xx}), or the peer has no endpoint.
 * An operator looks at it; nothing personal is kept here.
 *
 * @param messageId the message's id
 * @param type the message type
 * @param to the peer organisation
 * @param httpStatus the status the peer answered, or 0 if it was never sent
 * @param code the problem's stable code (or the dispatcher's own)
 * @since 1.0
 */
public record Parked(
    String messageId, MessageType type, OrganisationId to, int httpStatus, ErrorCode code) {}
