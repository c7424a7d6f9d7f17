package org.vansdk.referral.node;

import static org.vansdk.referral.node.MessageFactory.NODES;
import static org.vansdk.referral.node.MessageFactory.codes;
import static org.vansdk.referral.node.MessageFactory.nonEmpty;

import java.util.List;
import java.util.Optional;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.referral.AttemptStateTable;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.Role;
import org.vansdk.core.referral.TransitionCheck;
import org.vansdk.referral.audit.AuditAction;
import org.vansdk.referral.audit.AuditEvent;
import org.vansdk.referral.message.Confidentiality;
import org.vansdk.referral.message.Envelope;
import org.vansdk.referral.message.Message;
import org.vansdk.referral.message.MessageCodec;
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.signature.CanonicalJson;
import org.vansdk.referral.signature.CanonicalJsonException;
import org.vansdk.referral.store.AttemptRecord;
import org.vansdk.referral.store.ReferralStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The moves a node makes of its own accord, shared by the referrer's and the receiver's commands
 * and the expiry sweep: a state-table check (refusals audited), the move with its message queued in
 * the outbox, a note without a move, a cancel request, and the check that the peer would accept the
 * message before anything changes. Called with the node's lock held.
 */
final class LocalMoves {

  static final String UNWRITABLE =
      "the message cannot be written as canonical JSON (RFC 8785: no lone surrogates, finite"
          + " numbers only); nothing was changed";
  private static final String PROBE_ID = "0".repeat(32);

  /** Bytes a signature adds to a message (key id and Ed25519 value, with margin). */
  static final int SIGNATURE_ROOM = 512;

  private final ReferralStore store;
  private final MessageFactory f;
  private final MessageValidation validation;

  LocalMoves(ReferralStore store, MessageFactory f, MessageValidation validation) {
    this.store = store;
    this.f = f;
    this.validation = validation;
  }

  Decision localMove(
      AttemptId attemptId,
      AttemptStatus target,
      MessageType type,
      ObjectNode payload,
      String reason) {
    Optional<AttemptRecord> found = store.attempt(attemptId);
    if (found.isEmpty()) {
      return unknown(attemptId);
    }
    AttemptRecord r = found.get();
    Optional<Decision> unsendable = refusedByPeer(r, type, payload);
    if (unsendable.isPresent()) {
      return unsendable.get();
    }
    Optional<Decision> refusal = checkLocalMove(r, target);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    if (target == AttemptStatus.CANCELLED && !r.cancelRequested()) {
      return refuseAndAudit(
          r,
          ReferralErrors.REQUIREMENT_MISSING,
          "attempt "
              + attemptId
              + " cannot be cancelled by the receiver without a cancel request from the referrer;"
              + " allowed for the receiver: "
              + codes(AttemptStateTable.allowedTransitions(r.status(), Role.RECEIVER)));
    }
    Work w = new Work(store);
    AttemptRecord moved = f.moved(r, target, r.side(), reason, "");
    if (target == AttemptStatus.CANCELLED) {
      moved = AttemptRecord.builder().from(moved).cancelRequested(false).build();
    }
    if (target == AttemptStatus.COMPLETED && payload.has("outcome")) {
      moved = AttemptRecord.builder().from(moved).outcome(payload.get("outcome")).build();
    }
    moved = f.enqueue(w, moved, type, r.version(), Optional.empty(), payload);
    w.attempt(moved);
    w.audit(
        f.transitionEvent(r, moved, f.self.organisation().value(), "")
            .detail(nonEmpty(reason))
            .build());
    store.commit(w.build());
    return Decision.ok();
  }

  Optional<Decision> checkLocalMove(AttemptRecord r, AttemptStatus target) {
    TransitionCheck check =
        AttemptStateTable.check(r.attemptId().value(), r.status(), target, r.side());
    if (check.isAllowed()) {
      return Optional.empty();
    }
    AuditEvent.Builder b =
        f.event(r, f.self.organisation().value(), AuditAction.REJECTED)
            .fromStatus(r.status().code())
            .toStatus(target.code())
            .detail(codeOf(check).value());
    Work w = new Work(store);
    w.audit(b.build());
    store.commit(w.build());
    return Optional.of(Decision.refused(codeOf(check), check.message()));
  }

  Decision refuseAndAudit(AttemptRecord r, ErrorCode code, String message) {
    Work w = new Work(store);
    w.audit(
        f.event(r, f.self.organisation().value(), AuditAction.REJECTED)
            .fromStatus(r.status().code())
            .detail(code.value())
            .build());
    store.commit(w.build());
    return Decision.refused(code, message);
  }

  Decision note(AttemptRecord r, MessageType type, ObjectNode payload) {
    Optional<Decision> unsendable = refusedByPeer(r, type, payload);
    if (unsendable.isPresent()) {
      return unsendable.get();
    }
    Work w = new Work(store);
    AttemptRecord next = f.enqueue(w, r, type, r.version(), Optional.empty(), payload);
    w.attempt(next);
    w.audit(
        f.event(r, f.self.organisation().value(), AuditAction.NOTED).detail(type.code()).build());
    store.commit(w.build());
    return Decision.ok();
  }

  Decision requestCancel(AttemptRecord r, String reason) {
    Work w = new Work(store);
    AttemptRecord withFlag = AttemptRecord.builder().from(r).cancelRequested(true).build();
    ObjectNode payload = NODES.objectNode().put("reason", reason);
    AttemptRecord sent =
        f.enqueue(w, withFlag, MessageType.CANCEL_REQUEST, r.version(), Optional.empty(), payload);
    w.attempt(sent);
    w.audit(
        f.event(r, f.self.organisation().value(), AuditAction.CANCEL_REQUESTED)
            .fromStatus(r.status().code())
            .detail(reason)
            .build());
    store.commit(w.build());
    return Decision.ok();
  }

  static ErrorCode codeOf(TransitionCheck check) {
    return check.verdict() == TransitionCheck.Verdict.WRONG_PARTY
        ? ReferralErrors.WRONG_PARTY
        : ReferralErrors.TRANSITION_NOT_ALLOWED;
  }

  static Decision unknown(AttemptId attemptId) {
    return Decision.refused(
        ReferralErrors.UNKNOWN_ATTEMPT, "attempt " + attemptId + " is not known to this node");
  }

  /**
   * Refuses a command whose message the peer would refuse: checked against the same message schema
   * the peer uses, on the message as it would be sent (envelope ids are placeholders), before any
   * state changes, so that the two sides cannot diverge.
   */
  Optional<Decision> refusedByPeer(AttemptRecord r, MessageType type, ObjectNode payload) {
    Message probe;
    try {
      probe =
          Message.of(
              Envelope.builder()
                  .messageId(PROBE_ID)
                  .transmissionId(PROBE_ID)
                  .type(type)
                  .correlationId(r.referralId())
                  .attemptId(r.attemptId())
                  .sender(f.self)
                  .receiver(r.side() == Role.REFERRER ? r.receiver() : r.referrer())
                  .createdAt(f.clock.instant())
                  .senderSeq(r.nextOutboundSeq())
                  .baseVersion(r.version())
                  .confidentiality(Confidentiality.RESTRICTED)
                  .consentRef(r.consentRef())
                  .build(),
              payload);
    } catch (CanonicalJsonException e) {
      return Optional.of(Decision.refused(ReferralErrors.COMMAND_INVALID, UNWRITABLE));
    }
    return refusedByPeer(probe);
  }

  Optional<Decision> refusedByPeer(Message m) {
    JsonNode json = m.toJson();
    int size = MessageCodec.toBytes(json).length + SIGNATURE_ROOM;
    if (size > MessageCodec.MAX_MESSAGE_BYTES) {
      return invalid(
          m,
          "would be about "
              + size
              + " bytes signed; a message may have at most "
              + MessageCodec.MAX_MESSAGE_BYTES
              + "; nothing was changed");
    }
    List<String> problems = validation.validate(json);
    if (problems.isEmpty()) {
      return Optional.empty();
    }
    return invalid(
        m,
        "would be refused by the other side, so nothing was changed: "
            + String.join("; ", problems));
  }

  private static Optional<Decision> invalid(Message m, String why) {
    return Optional.of(
        Decision.refused(
            ReferralErrors.COMMAND_INVALID,
            "the " + m.type().code() + " for attempt " + m.envelope().attemptId() + " " + why));
  }

  static boolean canonical(JsonNode value) {
    try {
      CanonicalJson.toBytes(value);
      return true;
    } catch (CanonicalJsonException e) {
      return false;
    }
  }
}
