package org.vansdk.referral.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.ConsentId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.referral.audit.AuditChain;
import org.vansdk.referral.audit.AuditEntry;
import org.vansdk.referral.audit.AuditVerification;

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

  /** The record of a processed message, if it was processed. */
  Optional<ProcessedMessage> processed(String messageId);

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

  /** Verifies a referral's audit chain against the recorded head. */
  default AuditVerification verifyAudit(ReferralId referralId) {
    return AuditChain.verify(audit(referralId), auditHead(referralId));
  }

  /** Releases resources; the store is unusable afterwards. */
  @Override
  void close();
}
