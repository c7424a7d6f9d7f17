package org.vansdk.referral.node;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.referral.audit.AuditChain;
import org.vansdk.referral.audit.AuditEntry;
import org.vansdk.referral.audit.AuditEvent;
import org.vansdk.referral.message.Message;
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.store.AttemptRecord;
import org.vansdk.referral.store.Change;
import org.vansdk.referral.store.OutboxEntry;
import org.vansdk.referral.store.ReferralStore;

/** One unit of work being assembled: attempts, chained audit entries and outbox changes. */
final class Work {

  private static final ThreadLocal<Map<String, Message>> DIRECT = new ThreadLocal<>();

  final Change.Builder change = Change.builder();
  private final ReferralStore store;
  private final Map<String, AuditEntry> heads = new HashMap<>();
  private final Map<AttemptId, AttemptRecord> attempts = new LinkedHashMap<>();

  Work(ReferralStore store) {
    this.store = store;
  }

  void audit(AuditEvent event) {
    AuditEntry last = heads.get(event.referralId());
    Optional<AuditEntry> previous =
        last != null ? Optional.of(last) : store.lastAudit(ReferralId.parse(event.referralId()));
    AuditEntry entry = AuditChain.append(previous, event);
    heads.put(event.referralId(), entry);
    change.addAudit(entry);
  }

  void attempt(AttemptRecord record) {
    attempts.put(record.attemptId(), record);
  }

  /**
   * Queues a message in the outbox, unless it is the acknowledgement of a message being received by
   * {@link #replyingDirectly}: that one is handed to the caller instead (once).
   */
  void send(OutboxEntry entry) {
    Map<String, Message> direct = DIRECT.get();
    if (direct != null && entry.message().type() == MessageType.ACK) {
      Optional<String> cause = entry.message().envelope().causationId();
      if (cause.isPresent()) {
        String key = replyKey(entry.message().envelope().receiver(), cause.get());
        if (direct.containsKey(key) && direct.get(key) == null) {
          direct.put(key, entry.message());
          return;
        }
      }
    }
    change.addOutboxAdd(entry);
  }

  /**
   * Runs receiving work during which the acknowledgements of the messages whose {@link #replyKey}s
   * are the keys of {@code replies} are put in that map instead of the outbox. Confined to the
   * calling thread (receiving runs under the node's lock on the caller's thread).
   */
  static <T> T replyingDirectly(Map<String, Message> replies, Supplier<T> work) {
    DIRECT.set(replies);
    try {
      return work.get();
    } catch (RuntimeException | Error e) {
      replies.replaceAll((id, ack) -> null); // rolled back with the transaction
      throw e;
    } finally {
      DIRECT.remove();
    }
  }

  /**
   * Takes back the acknowledgement handed to the caller for a message whose change the store then
   * refused: the acknowledgement of the refusal replaces it.
   */
  static void takeBackReply(Message received) {
    Map<String, Message> direct = DIRECT.get();
    String key = replyKey(received);
    if (direct != null && direct.containsKey(key)) {
      direct.put(key, null);
    }
  }

  /** The key of a received message in the map of {@link #replyingDirectly}: sender and id. */
  static String replyKey(Message received) {
    return replyKey(received.envelope().sender(), received.envelope().messageId());
  }

  private static String replyKey(Party sender, String messageId) {
    return sender.organisation().value() + "|" + messageId;
  }

  Change build() {
    change.addAllAttempts(attempts.values());
    return change.build();
  }
}
