package org.vansdk.referral.message;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.Role;

/**
 * The message types of the referral protocol ({@code docs/protocol.md}), with who sends each,
 * whether it is sequenced per sender and attempt, the status it moves the attempt to, and whether
 * it may carry personal data. Codes are stable wire values.
 *
 * @since 1.0
 */
public enum MessageType {
  /** Referrer → receiver: the referral, with the consented personal data. */
  REFERRAL_REQUEST("referral_request", Sender.REFERRER, AttemptStatus.SENT, true),
  /** Either way: transport acknowledgement of one message (not sequenced). */
  ACK("ack", Sender.EITHER, null, false),
  /** Receiver: a person has looked at the referral. */
  RECEIVED("received", Sender.RECEIVER, AttemptStatus.RECEIVED, false),
  /** Receiver: accepted. */
  ACCEPT("accept", Sender.RECEIVER, AttemptStatus.ACCEPTED, false),
  /** Receiver: declined, with a reason. */
  DECLINE("decline", Sender.RECEIVER, AttemptStatus.DECLINED, false),
  /** Receiver: a business status (appointment set, attended …), optionally starting service. */
  UPDATE("update", Sender.RECEIVER, null, false),
  /** Receiver: service on hold, with a reason. */
  HOLD("hold", Sender.RECEIVER, AttemptStatus.ON_HOLD, false),
  /** Receiver: service resumed. */
  RESUME("resume", Sender.RECEIVER, AttemptStatus.IN_PROGRESS, false),
  /** Either: a question about the referral. */
  INFO_REQUEST("info_request", Sender.EITHER, null, false),
  /** Either: an answer, possibly with personal data within consent. */
  INFO_RESPONSE("info_response", Sender.EITHER, null, true),
  /** Receiver: service completed, with an outcome. */
  COMPLETE("complete", Sender.RECEIVER, AttemptStatus.COMPLETED, false),
  /** Receiver: service not completed, with a reason. */
  NOT_COMPLETE("not_complete", Sender.RECEIVER, AttemptStatus.NOT_COMPLETED, false),
  /** Referrer: please cancel. */
  CANCEL_REQUEST("cancel_request", Sender.REFERRER, null, false),
  /** Receiver: cancelled (on request, consent withdrawal or expiry). */
  CANCEL_CONFIRM("cancel_confirm", Sender.RECEIVER, AttemptStatus.CANCELLED, false),
  /** Receiver: cannot cancel, the attempt already ended. */
  CANCEL_REFUSE("cancel_refuse", Sender.RECEIVER, null, false),
  /** Referrer: the survivor withdrew consent; cancel and purge. */
  CONSENT_WITHDRAWN("consent_withdrawn", Sender.REFERRER, null, false),
  /** Referrer (the creator): the attempt was entered in error; purge. */
  ENTERED_IN_ERROR("entered_in_error", Sender.REFERRER, AttemptStatus.ENTERED_IN_ERROR, false),
  /** Referrer: the outcome was received (closes the loop). */
  OUTCOME_ACK("outcome_ack", Sender.REFERRER, null, false),
  /** Referrer: feedback on the service. */
  FEEDBACK("feedback", Sender.REFERRER, null, false),
  /** Either: please resend from a sequence number (a gap was seen). Not sequenced. */
  SYNC_REQUEST("sync_request", Sender.EITHER, null, false),
  /** Either: the sender's view of the attempt, answering a sync request. Not sequenced. */
  SYNC_SNAPSHOT("sync_snapshot", Sender.EITHER, null, false);

  /** Which side may send a type. */
  public enum Sender {
    /** Only the referrer. */
    REFERRER,
    /** Only the receiver. */
    RECEIVER,
    /** Either side. */
    EITHER;

    /** True if a party in {@code role} may send a message of this kind. */
    public boolean allows(Role role) {
      return this == EITHER
          || (this == REFERRER && role == Role.REFERRER)
          || (this == RECEIVER && (role == Role.RECEIVER || role == Role.SYSTEM));
    }
  }

  private final String code;
  private final Sender sender;
  private final @Nullable AttemptStatus target;
  private final boolean personalData;

  MessageType(String code, Sender sender, @Nullable AttemptStatus target, boolean personalData) {
    this.code = code;
    this.sender = sender;
    this.target = target;
    this.personalData = personalData;
  }

  /** The stable wire code. */
  public String code() {
    return code;
  }

  /** Which side may send it. */
  public Sender sender() {
    return sender;
  }

  /** The status the message moves the attempt to, if it is a move. */
  public Optional<AttemptStatus> target() {
    return Optional.ofNullable(target);
  }

  /** True if the message may carry personal data (in its {@code personalData} member). */
  public boolean mayCarryPersonalData() {
    return personalData;
  }

  /** True if the message is numbered per sender and attempt ({@code senderSeq} from 1). */
  public boolean isSequenced() {
    return this != ACK && this != SYNC_REQUEST && this != SYNC_SNAPSHOT;
  }

  /** The type with the wire code, if any. */
  public static Optional<MessageType> parse(String code) {
    for (MessageType t : values()) {
      if (t.code.equals(code)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
