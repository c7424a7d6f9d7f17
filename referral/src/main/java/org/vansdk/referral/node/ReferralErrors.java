package org.vansdk.referral.node;

import org.vansdk.core.ErrorCode;

/**
 * The stable error codes of the referral node ({@code VAN-R-0xxx}); the consent gate's codes are in
 * {@link org.vansdk.referral.consent.ConsentGate}. Codes never change meaning within a major
 * version.
 */
public final class ReferralErrors {

  /** The move is not in the attempt state table. */
  public static final ErrorCode TRANSITION_NOT_ALLOWED = ErrorCode.of("VAN-R-0001");

  /** The move is in the table, but for the other party. */
  public static final ErrorCode WRONG_PARTY = ErrorCode.of("VAN-R-0002");

  /** The move needs something that is missing (e.g. a cancel request before cancelling). */
  public static final ErrorCode REQUIREMENT_MISSING = ErrorCode.of("VAN-R-0003");

  /** The target organisation or service is not in the directory. */
  public static final ErrorCode TARGET_NOT_IN_DIRECTORY = ErrorCode.of("VAN-R-0004");

  /** The attempt is not known to this node. */
  public static final ErrorCode UNKNOWN_ATTEMPT = ErrorCode.of("VAN-R-0005");

  /** The attempt id is already in use. */
  public static final ErrorCode ATTEMPT_EXISTS = ErrorCode.of("VAN-R-0006");

  /** A message id was reused with a different payload. */
  public static final ErrorCode MESSAGE_ID_CONFLICT = ErrorCode.of("VAN-R-0007");

  /** The message was based on a version of the attempt that is no longer current. */
  public static final ErrorCode STALE_BASE_VERSION = ErrorCode.of("VAN-R-0008");

  /** The signature is missing, malformed, from an unknown or revoked key, or does not verify. */
  public static final ErrorCode BAD_SIGNATURE = ErrorCode.of("VAN-R-0009");

  /** The message does not match its JSON Schema. */
  public static final ErrorCode SCHEMA_INVALID = ErrorCode.of("VAN-R-0010");

  /** The message's schema major version is not supported. */
  public static final ErrorCode UNSUPPORTED_MAJOR = ErrorCode.of("VAN-R-0011");

  /** Personal data refused: the consent behind the attempt was withdrawn. */
  public static final ErrorCode CONSENT_WITHDRAWN = ErrorCode.of("VAN-R-0012");

  /** The message is ahead of the next expected sequence number and is held. */
  public static final ErrorCode HELD_OUT_OF_ORDER = ErrorCode.of("VAN-R-0013");

  /** The message is addressed to another organisation, or comes from a non-party. */
  public static final ErrorCode NOT_A_PARTY = ErrorCode.of("VAN-R-0014");

  /** The bytes are not a well-formed message. */
  public static final ErrorCode MALFORMED = ErrorCode.of("VAN-R-0015");

  /** The payload hash does not match the payload. */
  public static final ErrorCode PAYLOAD_HASH_MISMATCH = ErrorCode.of("VAN-R-0016");

  /** Informational: a late message for a final attempt was acknowledged and ignored. */
  public static final ErrorCode IGNORED_FINAL = ErrorCode.of("VAN-R-0017");

  /** Informational: a duplicate was answered with the stored reply. */
  public static final ErrorCode REPLAYED = ErrorCode.of("VAN-R-0018");

  /** Informational: processed. */
  public static final ErrorCode PROCESSED = ErrorCode.of("VAN-R-0019");

  /** Informational: a message behind the expected sequence was treated as a duplicate. */
  public static final ErrorCode DUPLICATE_SEQUENCE = ErrorCode.of("VAN-R-0020");

  /**
   * A local command would produce a message that the peer refuses (it does not match its message
   * schema: text where a code is expected, an empty or over-long text …) or that cannot be written
   * as canonical JSON (a lone surrogate); refused before any state change.
   */
  public static final ErrorCode COMMAND_INVALID = ErrorCode.of("VAN-R-0021");

  /**
   * The message passed every check but this node's store refused to record it (the store said the
   * change cannot be written, while a change recording the refusal could): refused for good, so
   * that the sender stops resending it and the messages after it are not held behind it.
   */
  public static final ErrorCode NOT_STORABLE = ErrorCode.of("VAN-R-0022");

  /**
   * The message is ahead of the next expected sequence number and is not held: the node already
   * holds as many out-of-order messages from its sender (or in total) as it allows. Transient: the
   * sender sends the missing message first, then resends this one.
   */
  public static final ErrorCode HELD_LIMIT = ErrorCode.of("VAN-R-0023");

  /**
   * The message's {@code createdAt} is ahead of this node's clock by more than the allowed skew
   * ({@link ReferralNode.Builder#clockSkew}). Transient: nothing was applied; resend later.
   */
  public static final ErrorCode CLOCK_AHEAD = ErrorCode.of("VAN-R-0024");

  /**
   * The message's {@code createdAt} is older than the maximum age ({@link
   * ReferralNode.Builder#maxMessageAge}) when it is to be applied. Fatal: nothing was applied, and
   * it is recorded as processed (its sequence passed) so the sender's later messages go on.
   */
  public static final ErrorCode TOO_OLD = ErrorCode.of("VAN-R-0025");

  /**
   * An operator action named a message that is not a reliable entry of this node's outbox (never
   * queued, already acknowledged or cancelled, or a one-shot message such as an {@code ack});
   * nothing was changed.
   */
  public static final ErrorCode OUTBOX_ENTRY_UNKNOWN = ErrorCode.of("VAN-R-0026");

  private ReferralErrors() {}
}
