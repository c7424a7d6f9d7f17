package org.vansdk.referral.node;

import static org.vansdk.referral.node.MessageFactory.NODES;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vansdk.referral.audit.AuditAction;
import org.vansdk.referral.message.AckStatus;
import org.vansdk.referral.message.Envelope;
import org.vansdk.referral.message.Message;
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.store.AttemptRecord;
import org.vansdk.referral.store.OutboxEntry;
import org.vansdk.referral.store.ProcessedMessage;
import org.vansdk.referral.store.ReferralStore;
import org.vansdk.referral.store.ReferralStoreException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Orders what passed admission: acknowledgements and sync requests are handled at once; other
 * messages are de-duplicated by sender and message id, then taken in sender sequence per attempt
 * and sender, a gap held in memory (and a {@code sync_request} sent once per gap) until the missing
 * message arrives, then each applied by {@link RemoteMoves}. A message whose signature failed is
 * not acknowledged. Called with the node's lock held; the held messages are lost on restart and the
 * senders resend them, since they were not acknowledged.
 */
final class InboundSequencer {

  private final ReferralStore store;
  private final MessageFactory f;
  private final RemoteMoves remote;
  private final HeldMessages held;
  private final MessageClockRules clockRules;
  private final Map<String, Long> syncAsked = new HashMap<>();

  /**
   * The types {@link #apply} handles at once, without de-duplication or sequencing (so without
   * reading the processed record, the sequence, the attempt or the audit head).
   */
  private static final Set<MessageType> ANSWERED_AT_ONCE =
      EnumSet.of(MessageType.ACK, MessageType.SYNC_REQUEST, MessageType.SYNC_SNAPSHOT);

  InboundSequencer(
      ReferralStore store,
      MessageFactory f,
      RemoteMoves remote,
      HeldMessages held,
      MessageClockRules clockRules) {
    this.store = store;
    this.held = held;
    this.clockRules = clockRules;
    this.f = f;
    this.remote = remote;
  }

  /**
   * Runs receiving work in one store transaction; if it fails, the record of the sync requests
   * asked is restored, as their outbox entries were rolled back too (held messages that were
   * drained are simply resent by their senders).
   */
  <T> T atomically(java.util.function.Supplier<T> work) {
    Map<String, Long> asked = new HashMap<>(syncAsked);
    try {
      return store.atomically(work);
    } catch (RuntimeException | Error e) {
      syncAsked.clear();
      syncAsked.putAll(asked);
      throw e;
    }
  }

  /**
   * Decides a batch in order, inside {@link #atomically}; first tells the store which of its
   * messages will read their records ({@link ReferralStore#prefetch}), so that it can read them
   * together: those admitted other than acknowledgements and sync messages, which read none.
   */
  List<Receipt> decideAll(List<Admission> admitted) {
    List<Envelope> applied = new ArrayList<>(admitted.size());
    for (Admission a : admitted) {
      if (a.message != null && a.refusal == null && !ANSWERED_AT_ONCE.contains(a.message.type())) {
        applied.add(a.message.envelope());
      }
    }
    if (applied.size() > 1) {
      store.prefetch(applied);
    }
    List<Receipt> receipts = new ArrayList<>(admitted.size());
    for (Admission a : admitted) {
      receipts.add(decide(a));
    }
    return receipts;
  }

  Receipt decide(Admission a) {
    if (a.message == null) {
      return a.refusal.receipt();
    }
    if (a.refusal != null && a.refusal.code.equals(ReferralErrors.BAD_SIGNATURE)) {
      return unverified(a.refusal);
    }
    if (a.refusal != null) {
      return answer(a.message, a.refusal);
    }
    return apply(a.message);
  }

  /**
   * A message whose signature does not verify changes nothing: it is not acknowledged (a signed ack
   * would go to whoever it claims to be from, possibly a third party, and confirm that this node
   * holds the attempt) and nothing is written, not even an audit entry, so that unverified input
   * cannot make this node write or sign anything. The receipt tells the transport, which may log or
   * count it.
   */
  private static Receipt unverified(Result refusal) {
    return refusal.receipt();
  }

  /** Applies an admitted message to the node's state; called with the node's lock held. */
  private Receipt apply(Message m) {
    if (ANSWERED_AT_ONCE.contains(m.type())) {
      return switch (m.type()) {
        case ACK -> onAck(m);
        case SYNC_REQUEST -> onSyncRequest(m);
        default -> new Receipt(AckStatus.OK, ReferralErrors.PROCESSED, "snapshot noted");
      };
    }
    Envelope e = m.envelope();
    Optional<ProcessedMessage> done = store.processed(e.sender().organisation(), e.messageId());
    if (done.isPresent()) {
      if (done.get().payloadSha256().equals(m.payloadSha256())) {
        Message reply = done.get().reply();
        Work replay = new Work(store);
        replay.send(new OutboxEntry(reply, false));
        store.commit(replay.build());
        return new Receipt(
            AckStatus.parse(reply.payloadText("status").orElse("ok")),
            ReferralErrors.REPLAYED,
            "duplicate of a processed message; stored reply replayed");
      }
      Optional<AttemptRecord> r = store.attempt(e.attemptId());
      Work w = new Work(store);
      r.ifPresent(
          a ->
              w.audit(
                  f.event(a, e.sender().organisation().value(), AuditAction.CONFLICT)
                      .messageId(e.messageId())
                      .detail(ReferralErrors.MESSAGE_ID_CONFLICT.value())
                      .build()));
      Result res =
          Result.fatal(
              ReferralErrors.MESSAGE_ID_CONFLICT,
              "message id was already used with a different payload; nothing was applied");
      w.send(new OutboxEntry(f.ack(m, res, r.map(AttemptRecord::version).orElse(0L)), false));
      store.commit(w.build());
      return res.receipt();
    }
    String senderKey = e.sender().senderKey();
    String heldKey = e.attemptId().value() + "|" + senderKey;
    long expected = store.nextInboundSequence(e.attemptId(), senderKey);
    if (e.senderSeq() < expected) {
      return answer(
          m,
          Result.of(
              AckStatus.OK,
              ReferralErrors.DUPLICATE_SEQUENCE,
              "sequence " + e.senderSeq() + " already processed (next expected " + expected + ")"));
    }
    Optional<Result> ahead = clockRules.ahead(m, f.clock.instant());
    if (ahead.isPresent()) {
      return answer(m, ahead.get());
    }
    if (e.senderSeq() > expected) {
      boolean kept = held.hold(heldKey, m);
      Work w = new Work(store);
      if (!Long.valueOf(expected).equals(syncAsked.get(heldKey))) {
        syncAsked.put(heldKey, expected);
        w.send(new OutboxEntry(f.syncRequest(m, expected), false));
      }
      Result res =
          kept
              ? Result.of(
                  AckStatus.TRANSIENT_ERROR,
                  ReferralErrors.HELD_OUT_OF_ORDER,
                  "sequence "
                      + e.senderSeq()
                      + " held until "
                      + expected
                      + " arrives; resend later")
              : Result.of(
                  AckStatus.TRANSIENT_ERROR,
                  ReferralErrors.HELD_LIMIT,
                  "sequence "
                      + e.senderSeq()
                      + " is not held: this node holds as many out-of-order messages from "
                      + e.sender().organisation()
                      + " as it allows; send "
                      + expected
                      + " first, then resend");
      w.send(new OutboxEntry(f.ack(m, res, 0), false));
      store.commit(w.build());
      return res.receipt();
    }
    Receipt receipt = processOrRefuse(m);
    long next = expected + 1;
    for (Optional<Message> waiting = held.take(heldKey, next);
        waiting.isPresent();
        waiting = held.take(heldKey, next)) {
      Message following = waiting.get();
      if (store
          .processed(following.envelope().sender().organisation(), following.envelope().messageId())
          .isEmpty()) {
        processOrRefuse(following);
      }
      next++;
    }
    if (!held.holds(heldKey)) {
      syncAsked.remove(heldKey);
    }
    return receipt;
  }

  /**
   * Processes a message, unless it is older than the maximum age (refused for good); if the store
   * refuses its change, refuses the message alone with a fatal acknowledgement (recorded as
   * processed, so a resend gets the same answer) and goes on. If the store refuses that too, it is
   * the store that fails, not the message: the failure propagates and the whole batch is rolled
   * back, unacknowledged, for the senders to resend.
   */
  private Receipt processOrRefuse(Message m) {
    Optional<Result> old = clockRules.tooOld(m, f.clock.instant());
    if (old.isPresent()) {
      return remote.refuseForGood(m, old.get());
    }
    try {
      return remote.process(m);
    } catch (ReferralStoreException e) {
      Work.takeBackReply(m);
      return remote.notStorable(m);
    }
  }

  int heldCount() {
    return held.size();
  }

  /** Answers a message with an ack and changes nothing else. */
  private Receipt answer(Message m, Result res) {
    Work w = new Work(store);
    w.send(new OutboxEntry(f.ack(m, res, 0), false));
    store.commit(w.build());
    return res.receipt();
  }

  private Receipt onAck(Message m) {
    AckStatus status = AckStatus.parse(m.payloadText("status").orElse("ok"));
    Optional<String> acked = m.envelope().causationId();
    if (acked.isPresent() && status != AckStatus.TRANSIENT_ERROR) {
      store.commit(new Work(store).change.addOutboxRemove(acked.get()).build());
    }
    return new Receipt(AckStatus.OK, ReferralErrors.PROCESSED, "ack noted");
  }

  private Receipt onSyncRequest(Message m) {
    Optional<AttemptRecord> found = store.attempt(m.envelope().attemptId());
    if (found.isEmpty()) {
      return new Receipt(AckStatus.OK, ReferralErrors.UNKNOWN_ATTEMPT, "attempt not known here");
    }
    Work w = new Work(store);
    for (OutboxEntry e : store.outbox()) {
      // A parked message waits for an operator, whoever asks for it.
      if (e.reliable()
          && !e.isParked()
          && e.message().envelope().attemptId().equals(m.envelope().attemptId())) {
        OutboxPump.retryNow(w, e);
      }
    }
    AttemptRecord r = found.get();
    ObjectNode payload =
        NODES
            .objectNode()
            .put("status", r.status().code())
            .put("version", r.version())
            .put("nextSeq", r.nextOutboundSeq());
    Message snapshot = f.reply(m, MessageType.SYNC_SNAPSHOT, payload, r.version());
    w.send(new OutboxEntry(snapshot, false));
    store.commit(w.build());
    return new Receipt(
        AckStatus.OK, ReferralErrors.PROCESSED, "resending from the requested sequence");
  }
}
