package org.vansdk.referral.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.ConsentId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.referral.audit.AuditChain;
import org.vansdk.referral.audit.AuditEntry;
import org.vansdk.referral.audit.AuditVerification;
import org.vansdk.referral.message.Envelope;

/**
 * Where a referral node keeps its state. Reads see every committed {@link Change}; {@link #commit}
 * applies a change atomically. One node writes to a store; implementations must be safe for that
 * node's use from several threads (they synchronise internally).
 *
 * @since 1.0
 */
public interface ReferralStore extends AutoCloseable {

  /** The attempt, if known. */
  Optional<AttemptRecord> attempt(AttemptId attemptId);

  /** Every attempt, ordered by attempt id. */
  List<AttemptRecord> attempts();

  /**
   * The record of a processed message with this id from any sender, if one was processed.
   *
   * @deprecated message ids are unique per sender only; use {@link #processed(OrganisationId,
   *     String)}. Kept so that existing stores compile; a node no longer calls it.
   */
  @Deprecated
  Optional<ProcessedMessage> processed(String messageId);

  /**
   * The record of a message processed from this sender with this id, if it was processed. The
   * default filters {@link #processed(String)}, which is right for a store keyed by id alone as
   * long as no two senders use the same id; the stores of this library key by sender and id.
   */
  default Optional<ProcessedMessage> processed(OrganisationId sender, String messageId) {
    return processed(messageId).filter(p -> p.sender().equals(sender));
  }

  /** The next sequence number expected from a sender on an attempt; 1 if none seen. */
  long nextInboundSequence(AttemptId attemptId, String senderKey);

  /** A referral's audit log, in order. */
  List<AuditEntry> audit(ReferralId referralId);

  /** The last entry of a referral's audit log. */
  Optional<AuditEntry> lastAudit(ReferralId referralId);

  /** The recorded head hash of a referral's audit log ({@link AuditChain#GENESIS} if empty). */
  String auditHead(ReferralId referralId);

  /** Every referral with an audit log, ordered by id. */
  List<ReferralId> referrals();

  /** The outbox, oldest first. */
  List<OutboxEntry> outbox();

  /**
   * The entries of the outbox due at the instant ({@link OutboxEntry#isDue}), oldest first: what a
   * transport takes on each round. The default filters {@link #outbox()}; a store holding many
   * entries not due (sent and waiting for their acknowledgement, parked) reads only the due ones.
   *
   * @since 1.0
   */
  default List<OutboxEntry> outboxDue(Instant now) {
    return outbox().stream().filter(e -> e.isDue(now)).toList();
  }

  /** The recorded state of a consent. */
  Optional<ConsentState> consent(ConsentId consentId);

  /**
   * Applies a change atomically.
   *
   * @throws ReferralStoreException if the store cannot write it (nothing of it is applied)
   */
  void commit(Change change);

  /**
   * Runs work that makes several {@link #commit}s and makes them durable together (group commit):
   * reads inside the work see its commits; if the work or the store fails, the commits made inside
   * it are all undone where the store can roll back (the JDBC store) and otherwise only those made
   * before the failure remain (each commit is atomic either way). The default runs the work with
   * each commit applied as it is made, which is what a store without durability needs. The work
   * must not call a {@code ReferralNode}: a node takes its own lock before the store's, so the
   * reverse order could deadlock.
   *
   * @throws ReferralStoreException if the store cannot commit
   */
  default <T> T atomically(Supplier<T> work) {
    return work.get();
  }

  /**
   * A hint, inside {@link #atomically}: the work is about to receive these messages, and will read
   * for each its processed-message record ({@link #processed(OrganisationId, String)} by sender and
   * id), its attempt, its inbound sequence (by attempt and the sender's key) and its referral's
   * last audit entry ({@link Envelope#correlationId}). A store whose every read is a request to a
   * server may read them all now, together, and answer those reads from what it read; the answers
   * must be the same as without the hint, also after the work's own commits. The default does
   * nothing.
   *
   * @param received the envelopes of the messages, in any order
   * @throws ReferralStoreException if the store cannot read
   * @since 1.0
   */
  default void prefetch(Collection<Envelope> received) {}

  /**
   * Forgets what was received long ago: processed-message records made before the instant, and the
   * inbound sequence counters last set before it of attempts this store does not hold (messages for
   * attempts refused as unknown). Counters of held attempts are kept: they are what makes a resend
   * older than the retention a harmless duplicate once its processed record is gone.
   *
   * @return how many records were removed
   * @throws UnsupportedOperationException if the store cannot prune (the default)
   * @throws ReferralStoreException if the store cannot write
   */
  default int pruneReceived(Instant before) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " does not prune received-message records");
  }

  /** Verifies a referral's audit chain against the recorded head. */
  default AuditVerification verifyAudit(ReferralId referralId) {
    return AuditChain.verify(audit(referralId), auditHead(referralId));
  }

  /** Releases resources; the store is unusable afterwards. */
  @Override
  void close();
}
