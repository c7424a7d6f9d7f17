package org.vansdk.referral.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.ConsentId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.referral.audit.AuditChain;
import org.vansdk.referral.audit.AuditEntry;

/**
 * A {@link ReferralStore} in memory: for tests, simulations and nodes that keep nothing across
 * restarts. Commits are atomic under one lock. Thread-safe.
 *
 * @since 1.0
 */
public final class InMemoryReferralStore implements ReferralStore {

  private final Map<AttemptId, AttemptRecord> attempts = new TreeMap<>();
  private final Map<String, ProcessedMessage> processed = new LinkedHashMap<>();
  private final Map<String, Instant> processedAt = new HashMap<>();
  private final Map<String, Long> sequences = new HashMap<>();
  private final Map<String, InboundSequence> sequenceSet = new HashMap<>();
  private final Map<String, Instant> sequenceAt = new HashMap<>();
  private final Map<ReferralId, List<AuditEntry>> audit = new TreeMap<>();
  private final Map<String, OutboxEntry> outbox = new LinkedHashMap<>();
  private final Map<ConsentId, ConsentState> consents = new HashMap<>();

  /** Creates an empty store. */
  public InMemoryReferralStore() {}

  @Override
  public synchronized Optional<AttemptRecord> attempt(AttemptId attemptId) {
    return Optional.ofNullable(attempts.get(attemptId));
  }

  @Override
  public synchronized List<AttemptRecord> attempts() {
    return List.copyOf(attempts.values());
  }

  /** {@inheritDoc} */
  @Deprecated
  @Override
  public synchronized Optional<ProcessedMessage> processed(String messageId) {
    return processed.values().stream().filter(p -> p.messageId().equals(messageId)).findFirst();
  }

  @Override
  public synchronized Optional<ProcessedMessage> processed(
      OrganisationId sender, String messageId) {
    return Optional.ofNullable(processed.get(processedKey(sender, messageId)));
  }

  private static String processedKey(OrganisationId sender, String messageId) {
    return sender.value() + "|" + messageId;
  }

  @Override
  public synchronized int pruneReceived(Instant before) {
    int removed = 0;
    for (var it = processedAt.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Instant> e = it.next();
      if (e.getValue().isBefore(before)) {
        processed.remove(e.getKey());
        it.remove();
        removed++;
      }
    }
    for (var it = sequenceAt.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Instant> e = it.next();
      if (e.getValue().isBefore(before)
          && !attempts.containsKey(
              java.util.Objects.requireNonNull(sequenceSet.get(e.getKey())).attemptId())) {
        sequences.remove(e.getKey());
        sequenceSet.remove(e.getKey());
        it.remove();
        removed++;
      }
    }
    return removed;
  }

  @Override
  public synchronized long nextInboundSequence(AttemptId attemptId, String senderKey) {
    return sequences.getOrDefault(attemptId.value() + "|" + senderKey, 1L);
  }

  @Override
  public synchronized List<AuditEntry> audit(ReferralId referralId) {
    return List.copyOf(audit.getOrDefault(referralId, List.of()));
  }

  @Override
  public synchronized Optional<AuditEntry> lastAudit(ReferralId referralId) {
    List<AuditEntry> chain = audit.get(referralId);
    return chain == null || chain.isEmpty()
        ? Optional.empty()
        : Optional.of(chain.get(chain.size() - 1));
  }

  @Override
  public synchronized String auditHead(ReferralId referralId) {
    return lastAudit(referralId).map(AuditEntry::hash).orElse(AuditChain.GENESIS);
  }

  @Override
  public synchronized List<ReferralId> referrals() {
    return List.copyOf(audit.keySet());
  }

  @Override
  public synchronized List<OutboxEntry> outbox() {
    return List.copyOf(outbox.values());
  }

  @Override
  public synchronized Optional<ConsentState> consent(ConsentId consentId) {
    return Optional.ofNullable(consents.get(consentId));
  }

  @Override
  public synchronized void commit(Change change) {
    Map<ReferralId, String> heads = new HashMap<>();
    Map<ReferralId, Long> sizes = new HashMap<>();
    for (AuditEntry e : change.audit()) {
      ReferralId r = ReferralId.parse(e.referralId());
      List<AuditEntry> chain = audit.getOrDefault(r, List.of());
      String head =
          heads.getOrDefault(
              r, chain.isEmpty() ? AuditChain.GENESIS : chain.get(chain.size() - 1).hash());
      long size = sizes.getOrDefault(r, (long) chain.size());
      if (e.sequence() != size || !e.previousHash().equals(head)) {
        throw new ReferralStoreException(
            "audit entry " + e.sequence() + " of referral " + r + " does not extend the chain");
      }
      heads.put(r, e.hash());
      sizes.put(r, size + 1);
    }
    for (AttemptRecord a : change.attempts()) {
      attempts.put(a.attemptId(), a);
    }
    for (AuditEntry e : change.audit()) {
      audit.computeIfAbsent(ReferralId.parse(e.referralId()), k -> new ArrayList<>()).add(e);
    }
    Instant at = change.at().orElse(Instant.EPOCH);
    change
        .processed()
        .ifPresent(
            p -> {
              String key = processedKey(p.sender(), p.messageId());
              processed.put(key, p);
              processedAt.put(key, at);
            });
    for (InboundSequence s : change.sequences()) {
      String key = s.attemptId().value() + "|" + s.senderKey();
      sequences.put(key, s.next());
      sequenceSet.put(key, s);
      sequenceAt.put(key, at);
    }
    for (String id : change.outboxRemove()) {
      outbox.remove(id);
    }
    for (OutboxEntry e : change.outboxAdd()) {
      outbox.remove(e.message().envelope().messageId());
      outbox.put(e.message().envelope().messageId(), e);
    }
    for (OutboxEntry e : change.outboxRetry()) {
      outbox.computeIfPresent(
          e.message().envelope().messageId(),
          (id, old) -> new OutboxEntry(old.message(), old.reliable(), e.attempts(), e.nextDue()));
    }
    for (ConsentState c : change.consents()) {
      consents.put(c.consentId(), c);
    }
  }

  @Override
  public void close() {}
}
