package org.vansdk.referral.node;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.Role;
import org.vansdk.referral.audit.AuditAction;
import org.vansdk.referral.audit.AuditEvent;
import org.vansdk.referral.message.Confidentiality;
import org.vansdk.referral.message.Envelope;
import org.vansdk.referral.message.Message;
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.store.AttemptRecord;
import org.vansdk.referral.store.OutboxEntry;
import org.vansdk.referral.store.StatusEntry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes what a node writes: its messages (with fresh ids and its own clock), acknowledgements and
 * sync requests, audit events, and the next version of an attempt record. Holds no mutable state of
 * its own beyond the id source; called with the node's lock held, except {@link #signed} and {@link
 * #newId} which the outbox pump also calls outside it (the {@link Random} is thread-safe).
 */
final class MessageFactory {

  static final String SYSTEM_ACTOR = "system";
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  final Party self;
  final Clock clock;
  private final Random random;
  private final SignatureSuite signatures;

  MessageFactory(Party self, Clock clock, Random random, SignatureSuite signatures) {
    this.self = self;
    this.clock = clock;
    this.random = random;
    this.signatures = signatures;
  }

  AttemptRecord moved(AttemptRecord r, AttemptStatus to, Role by, String reason, String messageId) {
    return AttemptRecord.builder()
        .from(r)
        .status(to)
        .version(r.version() + 1)
        .addHistory(new StatusEntry(to, clock.instant(), by, reason, messageId))
        .build();
  }

  static AttemptRecord purge(AttemptRecord r) {
    Optional<JsonNode> request =
        r.request()
            .map(
                q -> {
                  ObjectNode copy = ((ObjectNode) q).deepCopy();
                  copy.remove("note");
                  return copy;
                });
    return AttemptRecord.builder()
        .from(r)
        .personalData(Optional.empty())
        .outcome(Optional.empty())
        .request(request)
        .purged(true)
        .build();
  }

  AttemptRecord enqueue(
      Work w,
      AttemptRecord r,
      MessageType type,
      long baseVersion,
      Optional<String> causation,
      ObjectNode payload) {
    long seq = r.nextOutboundSeq();
    Message m =
        message(
            r,
            type,
            seq,
            baseVersion,
            causation,
            payload,
            Confidentiality.RESTRICTED,
            Optional.empty());
    w.send(new OutboxEntry(m, true));
    return AttemptRecord.builder().from(r).nextOutboundSeq(seq + 1).build();
  }

  Message message(
      AttemptRecord r,
      MessageType type,
      long seq,
      long baseVersion,
      Optional<String> causation,
      ObjectNode payload,
      Confidentiality confidentiality,
      Optional<String> lang) {
    Party peer = r.side() == Role.REFERRER ? r.receiver() : r.referrer();
    return Message.of(
        Envelope.builder()
            .messageId(newId())
            .transmissionId(newId())
            .type(type)
            .correlationId(r.referralId())
            .attemptId(r.attemptId())
            .causationId(causation)
            .sender(self)
            .receiver(peer)
            .createdAt(clock.instant())
            .senderSeq(seq)
            .baseVersion(baseVersion)
            .confidentiality(confidentiality)
            .consentRef(r.consentRef())
            .lang(lang)
            .build(),
        payload);
  }

  Message reply(Message to, MessageType type, ObjectNode payload, long version) {
    Envelope e = to.envelope();
    return Message.of(
        Envelope.builder()
            .messageId(newId())
            .transmissionId(newId())
            .type(type)
            .correlationId(e.correlationId())
            .attemptId(e.attemptId())
            .causationId(e.messageId())
            .sender(self)
            .receiver(e.sender())
            .createdAt(clock.instant())
            .senderSeq(0)
            .baseVersion(version)
            .build(),
        payload);
  }

  Message signed(Message m) {
    return m.withSignature(signatures.sign(m.signedContent()));
  }

  Message ack(Message to, Result res, long version) {
    ObjectNode payload =
        NODES
            .objectNode()
            .put("status", res.status.code())
            .put("code", res.code.value())
            .put("details", res.detail);
    return reply(to, MessageType.ACK, payload, version);
  }

  Message syncRequest(Message to, long fromSeq) {
    return reply(to, MessageType.SYNC_REQUEST, NODES.objectNode().put("fromSeq", fromSeq), 0);
  }

  static Optional<String> nonEmpty(String s) {
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  static ObjectNode cause(String cause) {
    return NODES.objectNode().put("cause", cause);
  }

  String newId() {
    return hex(random.nextLong()) + hex(random.nextLong());
  }

  private static String hex(long v) {
    String s = Long.toHexString(v);
    return "0".repeat(16 - s.length()) + s;
  }

  AuditEvent.Builder event(AttemptRecord r, String actor, AuditAction action) {
    return AuditEvent.builder()
        .referralId(r.referralId().value())
        .attemptId(r.attemptId().value())
        .at(clock.instant())
        .actor(actor)
        .action(action)
        .consentVersion(r.consentRef());
  }

  AuditEvent.Builder transitionEvent(
      AttemptRecord before, AttemptRecord after, String actor, String messageId) {
    AuditEvent.Builder b =
        event(after, actor, AuditAction.TRANSITION)
            .fromStatus(before.status().code())
            .toStatus(after.status().code());
    if (!messageId.isEmpty()) {
      b.messageId(messageId);
    }
    return b;
  }

  static Set<DataCategory> categories(List<String> codes) {
    Set<DataCategory> out = EnumSet.noneOf(DataCategory.class);
    codes.forEach(c -> out.add(DataCategory.fromCode(c)));
    return out;
  }

  static String codes(Set<? extends org.vansdk.core.code.CodeValue> values) {
    String s =
        values.stream()
            .map(org.vansdk.core.code.CodeValue::code)
            .sorted()
            .collect(java.util.stream.Collectors.joining(", "));
    return s.isEmpty() ? "none" : s;
  }
}
