package org.vansdk.referral.node;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.referral.audit.AuditChain;
import org.vansdk.referral.audit.AuditEntry;
import org.vansdk.referral.audit.AuditEvent;
import org.vansdk.referral.store.AttemptRecord;
import org.vansdk.referral.store.Change;
import org.vansdk.referral.store.OutboxEntry;
import org.vansdk.referral.store.ReferralStore;

/** One unit of work being assembled: attempts, chained audit entries and outbox changes. */
final class Work {

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

  void send(OutboxEntry entry) {
    change.addOutboxAdd(entry);
  }

  Change build() {
    change.addAllAttempts(attempts.values());
    return change.build();
  }
}
