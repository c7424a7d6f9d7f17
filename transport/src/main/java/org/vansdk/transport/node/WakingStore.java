package org.vansdk.transport.node;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.ConsentId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.referral.audit.AuditEntry;
import org.vansdk.referral.audit.AuditVerification;
import org.vansdk.referral.store.AttemptRecord;
import org.vansdk.referral.store.Change;
import org.vansdk.referral.store.ConsentState;
import org.vansdk.referral.store.OutboxEntry;
import org.vansdk.referral.store.ProcessedMessage;
import org.vansdk.referral.store.ReferralStore;

/**
 * A node's store that wakes the dispatcher whenever a commit puts a message in the outbox or makes
 * one due at once, so that what a command (refer, accept, …) queues leaves at once instead of at
 * the end of the dispatch interval. The wake-up comes after the store's transaction: inside a group
 * commit ({@link #atomically}) it waits until the group is committed, so a round never looks for
 * rows not yet visible. Everything else is the underlying store's. Thread-safe as that store.
 */
final class WakingStore implements ReferralStore {

  private final ReferralStore store;
  private final Runnable wake;
  private final ThreadLocal<boolean[]> group = new ThreadLocal<>();

  WakingStore(ReferralStore store, Runnable wake) {
    this.store = store;
    this.wake = wake;
  }

  @Override
  public void commit(Change change) {
    store.commit(change);
    if (!queuesSomething(change)) {
      return;
    }
    boolean[] pending = group.get();
    if (pending != null) {
      pending[0] = true;
    } else {
      wake.run();
    }
  }

  /**
   * Whether the change queues a message or makes one due at once (an operator's resend, a peer's
   * sync request); the dispatcher's own bookkeeping, which pushes due times back, wakes nobody.
   */
  private static boolean queuesSomething(Change change) {
    return !change.outboxAdd().isEmpty()
        || change.outboxRetry().stream().anyMatch(e -> e.nextDue().equals(Instant.EPOCH));
  }

  @Override
  public <T> T atomically(Supplier<T> work) {
    if (group.get() != null) {
      return store.atomically(work);
    }
    boolean[] pending = {false};
    group.set(pending);
    T result;
    try {
      result = store.atomically(work);
    } finally {
      group.remove();
    }
    if (pending[0]) {
      wake.run();
    }
    return result;
  }

  @Override
  public Optional<AttemptRecord> attempt(AttemptId attemptId) {
    return store.attempt(attemptId);
  }

  @Override
  public List<AttemptRecord> attempts() {
    return store.attempts();
  }

  /** {@inheritDoc} */
  @Deprecated
  @Override
  public Optional<ProcessedMessage> processed(String messageId) {
    return store.processed(messageId);
  }

  @Override
  public Optional<ProcessedMessage> processed(OrganisationId sender, String messageId) {
    return store.processed(sender, messageId);
  }

  @Override
  public long nextInboundSequence(AttemptId attemptId, String senderKey) {
    return store.nextInboundSequence(attemptId, senderKey);
  }

  @Override
  public List<AuditEntry> audit(ReferralId referralId) {
    return store.audit(referralId);
  }

  @Override
  public Optional<AuditEntry> lastAudit(ReferralId referralId) {
    return store.lastAudit(referralId);
  }

  @Override
  public String auditHead(ReferralId referralId) {
    return store.auditHead(referralId);
  }

  @Override
  public List<ReferralId> referrals() {
    return store.referrals();
  }

  @Override
  public List<OutboxEntry> outbox() {
    return store.outbox();
  }

  @Override
  public List<OutboxEntry> outboxDue(Instant now) {
    return store.outboxDue(now);
  }

  @Override
  public Optional<ConsentState> consent(ConsentId consentId) {
    return store.consent(consentId);
  }

  @Override
  public int pruneReceived(Instant before) {
    return store.pruneReceived(before);
  }

  @Override
  public AuditVerification verifyAudit(ReferralId referralId) {
    return store.verifyAudit(referralId);
  }

  @Override
  public void close() {
    store.close();
  }
}
