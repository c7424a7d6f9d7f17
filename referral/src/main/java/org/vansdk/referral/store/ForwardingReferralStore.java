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
import org.vansdk.referral.audit.AuditEntry;
import org.vansdk.referral.audit.AuditVerification;
import org.vansdk.referral.message.Envelope;

/**
 * A store that passes every call to another: extend it to add to a few calls (wake a dispatcher
 * after a commit, count commits, time reads) and inherit the rest. Every method of {@link
 * ReferralStore} is forwarded, the default ones included, so the wrapped store's own faster or
 * stricter versions are the ones that run. Thread-safe as the wrapped store.
 */
public abstract class ForwardingReferralStore implements ReferralStore {

  private final ReferralStore delegate;

  /**
   * Wraps a store.
   *
   * @param delegate the store every call goes to
   */
  protected ForwardingReferralStore(ReferralStore delegate) {
    this.delegate = java.util.Objects.requireNonNull(delegate, "delegate");
  }

  /**
   * Returns the wrapped store.
   *
   * @return the store every call goes to
   */
  protected final ReferralStore delegate() {
    return delegate;
  }

  @Override
  public Optional<AttemptRecord> attempt(AttemptId attemptId) {
    return delegate.attempt(attemptId);
  }

  @Override
  public List<AttemptRecord> attempts() {
    return delegate.attempts();
  }

  /** {@inheritDoc} */
  @Deprecated
  @Override
  public Optional<ProcessedMessage> processed(String messageId) {
    return delegate.processed(messageId);
  }

  @Override
  public Optional<ProcessedMessage> processed(OrganisationId sender, String messageId) {
    return delegate.processed(sender, messageId);
  }

  @Override
  public long nextInboundSequence(AttemptId attemptId, String senderKey) {
    return delegate.nextInboundSequence(attemptId, senderKey);
  }

  @Override
  public List<AuditEntry> audit(ReferralId referralId) {
    return delegate.audit(referralId);
  }

  @Override
  public Optional<AuditEntry> lastAudit(ReferralId referralId) {
    return delegate.lastAudit(referralId);
  }

  @Override
  public String auditHead(ReferralId referralId) {
    return delegate.auditHead(referralId);
  }

  @Override
  public List<ReferralId> referrals() {
    return delegate.referrals();
  }

  @Override
  public List<OutboxEntry> outbox() {
    return delegate.outbox();
  }

  @Override
  public List<OutboxEntry> outboxDue(Instant now) {
    return delegate.outboxDue(now);
  }

  @Override
  public Optional<ConsentState> consent(ConsentId consentId) {
    return delegate.consent(consentId);
  }

  @Override
  public void commit(Change change) {
    delegate.commit(change);
  }

  @Override
  public <T> T atomically(Supplier<T> work) {
    return delegate.atomically(work);
  }

  @Override
  public void prefetch(Collection<Envelope> received) {
    delegate.prefetch(received);
  }

  @Override
  public int pruneReceived(Instant before) {
    return delegate.pruneReceived(before);
  }

  @Override
  public AuditVerification verifyAudit(ReferralId referralId) {
    return delegate.verifyAudit(referralId);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
