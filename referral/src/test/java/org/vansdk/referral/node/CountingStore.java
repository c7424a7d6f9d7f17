package org.vansdk.referral.node;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.ConsentId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.referral.audit.AuditEntry;
import org.vansdk.referral.store.AttemptRecord;
import org.vansdk.referral.store.Change;
import org.vansdk.referral.store.ConsentState;
import org.vansdk.referral.store.InMemoryReferralStore;
import org.vansdk.referral.store.OutboxEntry;
import org.vansdk.referral.store.ProcessedMessage;
import org.vansdk.referral.store.ReferralStore;
import org.vansdk.referral.store.ReferralStoreException;

/**
 * An in-memory store that counts the changes committed to it (to show that nothing was written),
 * and refuses the changes a predicate picks (as a full column or a broken constraint would).
 */
final class CountingStore implements ReferralStore {

  private final InMemoryReferralStore inner = new InMemoryReferralStore();
  private final Predicate<Change> refuse;
  private int commits;

  CountingStore() {
    this(c -> false);
  }

  CountingStore(Predicate<Change> refuse) {
    this.refuse = refuse;
  }

  /** How many non-empty changes were committed. */
  synchronized int commits() {
    return commits;
  }

  @Override
  public synchronized void commit(Change change) {
    if (refuse.test(change)) {
      throw new ReferralStoreException("value too long for column record_json");
    }
    inner.commit(change);
    if (!change.isEmpty()) {
      commits++;
    }
  }

  @Override
  public Optional<AttemptRecord> attempt(AttemptId attemptId) {
    return inner.attempt(attemptId);
  }

  @Override
  public List<AttemptRecord> attempts() {
    return inner.attempts();
  }

  @Deprecated
  @Override
  public Optional<ProcessedMessage> processed(String messageId) {
    return inner.processed(messageId);
  }

  @Override
  public Optional<ProcessedMessage> processed(OrganisationId sender, String messageId) {
    return inner.processed(sender, messageId);
  }

  @Override
  public long nextInboundSequence(AttemptId attemptId, String senderKey) {
    return inner.nextInboundSequence(attemptId, senderKey);
  }

  @Override
  public List<AuditEntry> audit(ReferralId referralId) {
    return inner.audit(referralId);
  }

  @Override
  public Optional<AuditEntry> lastAudit(ReferralId referralId) {
    return inner.lastAudit(referralId);
  }

  @Override
  public String auditHead(ReferralId referralId) {
    return inner.auditHead(referralId);
  }

  @Override
  public List<ReferralId> referrals() {
    return inner.referrals();
  }

  @Override
  public List<OutboxEntry> outbox() {
    return inner.outbox();
  }

  @Override
  public Optional<ConsentState> consent(ConsentId consentId) {
    return inner.consent(consentId);
  }

  @Override
  public void close() {
    inner.close();
  }
}
