package org.vansdk.referral.node;

import static org.vansdk.referral.node.LocalMoves.codeOf;
import static org.vansdk.referral.node.MessageFactory.NODES;
import static org.vansdk.referral.node.MessageFactory.SYSTEM_ACTOR;
import static org.vansdk.referral.node.MessageFactory.categories;
import static org.vansdk.referral.node.MessageFactory.cause;
import static org.vansdk.referral.node.MessageFactory.nonEmpty;
import static org.vansdk.referral.node.MessageFactory.purge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.referral.AttemptStateTable;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.Role;
import org.vansdk.core.referral.TransitionCheck;
import org.vansdk.referral.audit.AuditAction;
import org.vansdk.referral.audit.AuditEvent;
import org.vansdk.referral.message.AckStatus;
import org.vansdk.referral.message.Envelope;
import org.vansdk.referral.message.Message;
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.store.AttemptRecord;
import org.vansdk.referral.store.InboundSequence;
import org.vansdk.referral.store.OutboxEntry;
import org.vansdk.referral.store.ProcessedMessage;
import org.vansdk.referral.store.ReferralStore;
import org.vansdk.referral.store.StatusEntry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies an in-order, verified message from a peer to the attempt it concerns: a new referral
 * request creates the receiver's attempt; moves are checked against the state table, the sender's
 * role and the attempt's version; cancel requests and consent withdrawal are answered; the
 * processed message, its acknowledgement and the next expected sequence are committed with the
 * change. Called with the node's lock held.
 */
final class RemoteMoves {

  private static final Set<AttemptStatus> ANSWERED =
      EnumSet.of(AttemptStatus.ACCEPTED, AttemptStatus.IN_PROGRESS, AttemptStatus.ON_HOLD);

  private final ReferralStore store;
  private final MessageFactory f;

  RemoteMoves(ReferralStore store, MessageFactory f) {
    this.store = store;
    this.f = f;
  }

  Receipt process(Message m) {
    Work w = new Work(store);
    Envelope e = m.envelope();
    Optional<AttemptRecord> found = store.attempt(e.attemptId());
    Result res;
    long version = 0;
    if (found.isEmpty()) {
      res =
          m.type() == MessageType.REFERRAL_REQUEST
              ? onReferralRequest(w, m)
              : Result.fatal(
                  ReferralErrors.UNKNOWN_ATTEMPT,
                  "attempt " + e.attemptId() + " is not known here");
      version = 1;
    } else {
      AttemptRecord r = found.get();
      version = r.version();
      Optional<Role> role = roleOf(r, e.sender());
      if (role.isEmpty()) {
        res =
            reject(
                w,
                r,
                m,
                ReferralErrors.NOT_A_PARTY,
                "sender "
                    + e.sender().organisation()
                    + " is not a party to attempt "
                    + r.attemptId());
      } else if (!m.type().sender().allows(role.get())) {
        res =
            reject(
                w,
                r,
                m,
                ReferralErrors.WRONG_PARTY,
                "a "
                    + m.type().code()
                    + " message may only come from the "
                    + m.type().sender().name().toLowerCase(java.util.Locale.ROOT)
                    + "; the sender is the "
                    + role.get().code()
                    + " of attempt "
                    + r.attemptId());
      } else if (r.consentWithdrawn() && holdsPersonalData(m)) {
        res =
            reject(
                w,
                r,
                m,
                ReferralErrors.CONSENT_WITHDRAWN,
                "consent for attempt "
                    + r.attemptId()
                    + " was withdrawn; personal data is refused");
      } else {
        res = dispatch(w, r, m, role.get());
      }
    }
    Message ack = f.ack(m, res, version);
    w.change
        .at(f.clock.instant())
        .processed(new ProcessedMessage(e.messageId(), m.payloadSha256(), ack))
        .addSequences(
            new InboundSequence(e.attemptId(), e.sender().senderKey(), e.senderSeq() + 1));
    w.send(new OutboxEntry(ack, false));
    store.commit(w.build());
    return res.receipt();
  }

  /** Refuses a message whose change the store would not write ({@link #refuseForGood}). */
  Receipt notStorable(Message m) {
    return refuseForGood(
        m,
        Result.fatal(
            ReferralErrors.NOT_STORABLE,
            "this node's store cannot record the "
                + m.type().code()
                + " message; nothing was applied; do not resend it"));
  }

  /**
   * Refuses an in-order message without applying it: the refusal is audited if the attempt is
   * known, and the message is recorded as processed with its fatal acknowledgement and its sequence
   * passed, so that the sender's later messages are not held behind it.
   */
  Receipt refuseForGood(Message m, Result res) {
    Work w = new Work(store);
    Envelope e = m.envelope();
    Optional<AttemptRecord> found = store.attempt(e.attemptId());
    found.ifPresent(
        r ->
            w.audit(
                f.event(r, e.sender().organisation().value(), AuditAction.REJECTED)
                    .fromStatus(r.status().code())
                    .messageId(e.messageId())
                    .detail(res.code.value() + " " + m.type().code())
                    .build()));
    Message ack = f.ack(m, res, found.map(AttemptRecord::version).orElse(0L));
    w.change
        .at(f.clock.instant())
        .processed(new ProcessedMessage(e.messageId(), m.payloadSha256(), ack))
        .addSequences(
            new InboundSequence(e.attemptId(), e.sender().senderKey(), e.senderSeq() + 1));
    w.send(new OutboxEntry(ack, false));
    store.commit(w.build());
    return res.receipt();
  }

  private Result dispatch(Work w, AttemptRecord r, Message m, Role role) {
    switch (m.type()) {
      case REFERRAL_REQUEST:
        w.audit(
            f.event(r, m.envelope().sender().organisation().value(), AuditAction.CONFLICT)
                .messageId(m.envelope().messageId())
                .detail(ReferralErrors.ATTEMPT_EXISTS.value())
                .build());
        return Result.fatal(
            ReferralErrors.ATTEMPT_EXISTS, "attempt " + r.attemptId() + " already exists");
      case RECEIVED:
      case ACCEPT:
      case HOLD:
      case RESUME:
      case COMPLETE:
        return remoteMove(
            w, r, m, role, m.type().target().orElseThrow(), m.payloadText("reason").orElse(""));
      case DECLINE:
      case NOT_COMPLETE:
        return remoteMove(
            w, r, m, role, m.type().target().orElseThrow(), m.payloadText("reason").orElse(""));
      case UPDATE:
        if (m.payloadText("status").filter("in_progress"::equals).isPresent()) {
          return remoteMove(
              w, r, m, role, AttemptStatus.IN_PROGRESS, m.payloadText("businessStatus").orElse(""));
        }
        return noted(w, r, m);
      case CANCEL_CONFIRM:
        String cause = m.payloadText("cause").orElse("cancel_request");
        Role by = "cancel_request".equals(cause) ? Role.RECEIVER : Role.SYSTEM;
        return remoteMove(w, r, m, by, AttemptStatus.CANCELLED, cause);
      case ENTERED_IN_ERROR:
        if (r.status() == AttemptStatus.ENTERED_IN_ERROR) {
          return ignored(w, r, m);
        }
        AttemptRecord eie =
            purge(
                f.moved(
                    r,
                    AttemptStatus.ENTERED_IN_ERROR,
                    Role.REFERRER,
                    "",
                    m.envelope().messageId()));
        w.attempt(eie);
        w.audit(
            f.transitionEvent(
                    r, eie, m.envelope().sender().organisation().value(), m.envelope().messageId())
                .build());
        w.audit(f.event(r, f.self.organisation().value(), AuditAction.PURGED).build());
        return Result.ok();
      case CANCEL_REQUEST:
        return onCancelRequest(w, r, m);
      case CANCEL_REFUSE:
        w.attempt(AttemptRecord.builder().from(r).cancelRequested(false).build());
        w.audit(
            f.event(r, m.envelope().sender().organisation().value(), AuditAction.CANCEL_REFUSED)
                .messageId(m.envelope().messageId())
                .detail(m.payloadText("currentStatus").orElse(""))
                .build());
        return Result.ok();
      case CONSENT_WITHDRAWN:
        return onConsentWithdrawn(w, r, m);
      case INFO_RESPONSE:
        if (AttemptStateTable.isFinal(r.status())) {
          return ignored(w, r, m);
        }
        return noted(w, r, m);
      default:
        return noted(w, r, m);
    }
  }

  private Result onReferralRequest(Work w, Message m) {
    Envelope e = m.envelope();
    ObjectNode payload = m.payload();
    JsonNode personal = payload.path("personalData");
    Set<String> listed = new java.util.HashSet<>();
    payload.path("dataCategories").forEach(c -> listed.add(c.asString()));
    for (String category : personal.propertyNames()) {
      if (!listed.contains(category)) {
        return Result.fatal(
            ReferralErrors.SCHEMA_INVALID,
            "personalData holds category " + category + " not listed in dataCategories");
      }
    }
    Instant now = f.clock.instant();
    ObjectNode request = payload.deepCopy();
    request.remove("personalData");
    AttemptRecord.Builder b =
        AttemptRecord.builder()
            .attemptId(e.attemptId())
            .referralId(e.correlationId())
            .side(Role.RECEIVER)
            .referrer(e.sender())
            .receiver(f.self)
            .status(AttemptStatus.SENT)
            .version(e.baseVersion() + 1)
            .addHistory(
                new StatusEntry(
                    AttemptStatus.SENT, e.createdAt(), Role.REFERRER, "", e.messageId()))
            .consentRef(e.consentRef())
            .targetService(m.payloadText("targetService"))
            .request(request)
            .createdAt(now);
    m.payloadText("respondBy").ifPresent(t -> b.respondBy(Instant.parse(t)));
    m.payloadText("replaces").ifPresent(t -> b.replaces(AttemptId.parse(t)));
    payload.path("referral").path("serviceTypes").forEach(t -> b.addServiceTypes(t.asString()));
    listed.stream().sorted().forEach(b::addDataCategories);
    if (personal.isObject() && !personal.isEmpty()) {
      b.personalData(personal);
    }
    AttemptRecord r = b.build();
    w.attempt(r);
    w.audit(
        f.event(r, e.sender().organisation().value(), AuditAction.CREATED)
            .toStatus(AttemptStatus.SENT.code())
            .messageId(e.messageId())
            .consentVersion(e.consentRef())
            .addAllDataCategories(r.dataCategories())
            .build());
    return Result.ok();
  }

  private Result onCancelRequest(Work w, AttemptRecord r, Message m) {
    String reason = m.payloadText("reason").orElse("referrer_request");
    boolean answered = ANSWERED.contains(r.status());
    if (AttemptStateTable.isFinal(r.status()) || ("expired".equals(reason) && answered)) {
      AttemptRecord next =
          f.enqueue(
              w,
              r,
              MessageType.CANCEL_REFUSE,
              r.version(),
              Optional.of(m.envelope().messageId()),
              NODES.objectNode().put("currentStatus", r.status().code()));
      w.attempt(next);
      w.audit(
          f.event(r, f.self.organisation().value(), AuditAction.CANCEL_REFUSED)
              .messageId(m.envelope().messageId())
              .detail(r.status().code())
              .build());
      return Result.ok();
    }
    AttemptRecord moved =
        f.moved(r, AttemptStatus.CANCELLED, Role.RECEIVER, reason, m.envelope().messageId());
    moved =
        f.enqueue(
            w,
            moved,
            MessageType.CANCEL_CONFIRM,
            r.version(),
            Optional.of(m.envelope().messageId()),
            cause("cancel_request"));
    w.attempt(moved);
    w.audit(
        f.transitionEvent(r, moved, f.self.organisation().value(), m.envelope().messageId())
            .detail(nonEmpty(reason))
            .build());
    return Result.ok();
  }

  private Result onConsentWithdrawn(Work w, AttemptRecord r, Message m) {
    String msgId = m.envelope().messageId();
    boolean hadData = r.personalData().isPresent();
    AttemptRecord next = purge(AttemptRecord.builder().from(r).consentWithdrawn(true).build());
    w.audit(
        f.event(r, m.envelope().sender().organisation().value(), AuditAction.CONSENT_WITHDRAWN)
            .messageId(msgId)
            .consentVersion(m.payloadText("consentRef"))
            .build());
    if (hadData) {
      w.audit(f.event(r, f.self.organisation().value(), AuditAction.PURGED).build());
    }
    if (!AttemptStateTable.isFinal(r.status())) {
      AttemptRecord moved =
          AttemptRecord.builder()
              .from(f.moved(next, AttemptStatus.CANCELLED, Role.SYSTEM, "consent_withdrawn", msgId))
              .build();
      moved =
          f.enqueue(
              w,
              moved,
              MessageType.CANCEL_CONFIRM,
              r.version(),
              Optional.of(msgId),
              cause("consent_withdrawn"));
      w.audit(f.transitionEvent(r, moved, SYSTEM_ACTOR, msgId).detail("consent_withdrawn").build());
      next = moved;
    }
    w.attempt(next);
    return Result.ok();
  }

  private Result remoteMove(
      Work w, AttemptRecord r, Message m, Role role, AttemptStatus target, String reason) {
    if (AttemptStateTable.isFinal(r.status())) {
      return ignored(w, r, m);
    }
    if (m.envelope().baseVersion() != r.version()) {
      w.audit(
          f.event(r, m.envelope().sender().organisation().value(), AuditAction.CONFLICT)
              .fromStatus(r.status().code())
              .toStatus(target.code())
              .messageId(m.envelope().messageId())
              .detail(ReferralErrors.STALE_BASE_VERSION.value())
              .build());
      return Result.fatal(
          ReferralErrors.STALE_BASE_VERSION,
          "attempt "
              + r.attemptId()
              + " is at version "
              + r.version()
              + "; the message was based on version "
              + m.envelope().baseVersion()
              + "; nothing was overwritten");
    }
    TransitionCheck check =
        AttemptStateTable.check(r.attemptId().value(), r.status(), target, role);
    if (!check.isAllowed()) {
      return reject(w, r, m, codeOf(check), check.message());
    }
    AttemptRecord moved = f.moved(r, target, role, reason, m.envelope().messageId());
    if (target == AttemptStatus.CANCELLED) {
      moved = AttemptRecord.builder().from(moved).cancelRequested(false).build();
    }
    JsonNode outcome = m.payload().get("outcome");
    // After withdrawal the move is applied (both sides converge) but its free text is not kept.
    if (target == AttemptStatus.COMPLETED
        && outcome != null
        && outcome.isObject()
        && !r.consentWithdrawn()
        && !r.purged()) {
      moved = AttemptRecord.builder().from(moved).outcome(outcome).build();
    }
    w.attempt(moved);
    String actor =
        role == Role.SYSTEM ? SYSTEM_ACTOR : m.envelope().sender().organisation().value();
    w.audit(
        f.transitionEvent(r, moved, actor, m.envelope().messageId())
            .detail(nonEmpty(reason))
            .build());
    return Result.ok();
  }

  private Result ignored(Work w, AttemptRecord r, Message m) {
    w.audit(
        f.event(r, m.envelope().sender().organisation().value(), AuditAction.IGNORED)
            .fromStatus(r.status().code())
            .messageId(m.envelope().messageId())
            .detail(m.type().code())
            .build());
    return Result.of(
        AckStatus.OK,
        ReferralErrors.IGNORED_FINAL,
        "attempt " + r.attemptId() + " is " + r.status().code() + " (final); message ignored");
  }

  private Result noted(Work w, AttemptRecord r, Message m) {
    List<String> categories = new ArrayList<>();
    m.payload().path("personalData").propertyNames().forEach(categories::add);
    w.audit(
        f.event(r, m.envelope().sender().organisation().value(), AuditAction.NOTED)
            .messageId(m.envelope().messageId())
            .addAllDataCategories(categories)
            .detail(m.type().code())
            .build());
    return Result.ok();
  }

  private Result reject(Work w, AttemptRecord r, Message m, ErrorCode code, String message) {
    AuditEvent.Builder b =
        f.event(r, m.envelope().sender().organisation().value(), AuditAction.REJECTED)
            .fromStatus(r.status().code())
            .messageId(m.envelope().messageId())
            .detail(code.value() + " " + m.type().code());
    m.type().target().ifPresent(t -> b.toStatus(t.code()));
    w.audit(b.build());
    return Result.fatal(code, message);
  }

  /**
   * True if a received message holds structured personal data; such a message is refused once the
   * consent is withdrawn. Free text ({@code outcome}, notes) sent by a peer that did not yet know
   * of the withdrawal does not stop the move, so both sides converge; it is not kept.
   */
  private static boolean holdsPersonalData(Message m) {
    JsonNode pd = m.payload().get("personalData");
    return pd != null && pd.isObject() && !pd.isEmpty();
  }

  private static Optional<Role> roleOf(AttemptRecord r, Party sender) {
    if (sender.organisation().equals(r.referrer().organisation())) {
      return Optional.of(Role.REFERRER);
    }
    if (sender.organisation().equals(r.receiver().organisation())) {
      return Optional.of(Role.RECEIVER);
    }
    return Optional.empty();
  }
}
