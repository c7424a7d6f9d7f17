package org.vansdk.referral.message;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;
import org.vansdk.core.VanStyle;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.ReferralId;

/**
 * The envelope of a protocol message ({@code docs/protocol.md}), without the payload hash and
 * signature, which {@link Message} computes. Holds identifiers and codes only, no personal data.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
public abstract class Envelope {

  /** The message id: the same on every resend of the message. */
  public abstract String messageId();

  /** The transmission id: new on every send. */
  public abstract String transmissionId();

  /** The message type. */
  public abstract MessageType type();

  /** The wire format version, {@code major.minor}; {@value Message#SCHEMA_VERSION} here. */
  @Value.Default
  public String schemaVersion() {
    return Message.SCHEMA_VERSION;
  }

  /** The referral the message is about (the correlation id). */
  public abstract ReferralId correlationId();

  /** The attempt the message is about. */
  public abstract AttemptId attemptId();

  /** The message this one answers. */
  public abstract Optional<String> causationId();

  /** Who sends. */
  public abstract Party sender();

  /** Who receives. */
  public abstract Party receiver();

  /** When the message was created (not re-set on resend). */
  public abstract Instant createdAt();

  /** Position in the sender's sequence for this attempt, from 1; 0 for unsequenced types. */
  public abstract long senderSeq();

  /** The attempt version the sender based the message on. */
  public abstract long baseVersion();

  /** How carefully to handle the message. */
  @Value.Default
  public Confidentiality confidentiality() {
    return Confidentiality.RESTRICTED;
  }

  /** The consent the disclosure rests on: {@code <consent id>#<version>}. */
  public abstract Optional<String> consentRef();

  /** The BCP 47 language of free text in the payload. */
  public abstract Optional<String> lang();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Envelope}. */
  public static final class Builder extends ImmutableEnvelope.Builder {}
}
