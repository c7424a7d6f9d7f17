package org.vansdk.referral.node;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.vansdk.core.referral.Role;
import org.vansdk.referral.audit.AuditAction;
import org.vansdk.referral.audit.AuditEvent;
import org.vansdk.referral.message.Envelope;
import org.vansdk.referral.store.AttemptRecord;
import org.vansdk.referral.store.OutboxEntry;
import org.vansdk.referral.store.ReferralStore;
import org.vansdk.referral.store.StatusEntry;

/**
 * What an operator sees of a node and does to its outbox: attempts that stopped moving, messages
 * that wait long or are parked, and resending, parking or cancelling one reliable entry. Each
 * action is one change with its audit entry on the attempt's referral, so the chain stays whole;
 * none moves an attempt, so none can make an illegal transition. The callers hold the node's lock.
 */
final class OutboxOperations {

  /** A reason recorded with a park: a stable code or a short token, never free text. */
  private static final Pattern REASON = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

  private final ReferralStore store;
  private final MessageFactory f;

  OutboxOperations(ReferralStore store, MessageFactory f) {
    this.store = store;
    this.f = f;
  }

  /** Attempts not ended whose status last moved before {@code quietFor} ago, oldest first. */
  List<StuckAttempt> stuckAttempts(Duration quietFor) {
    Instant cutoff = f.clock.instant().minus(quietFor);
    List<OutboxEntry> outbox = store.outbox();
    List<StuckAttempt> out = new ArrayList<>();
    for (AttemptRecord r : store.attempts()) {
      Instant since = lastMove(r);
      if (r.status().isFinal() || !since.isBefore(cutoff)) {
        continue;
      }
      int waiting = 0;
      int parked = 0;
      for (OutboxEntry e : outbox) {
        if (e.reliable() && e.message().envelope().attemptId().equals(r.attemptId())) {
          waiting++;
          parked += e.isParked() ? 1 : 0;
        }
      }
      out.add(
          new StuckAttempt(
              r.attemptId(),
              r.referralId(),
              r.side(),
              r.status(),
              (r.side() == Role.REFERRER ? r.receiver() : r.referrer()).organisation(),
              since,
              r.respondBy(),
              waiting,
              parked));
    }
    out.sort(java.util.Comparator.comparing(StuckAttempt::since));
    return out;
  }

  /** Reliable entries parked, or created before {@code olderThan} ago, oldest first. */
  List<OutboxEntry> stuckOutbox(Duration olderThan) {
    Instant cutoff = f.clock.instant().minus(olderThan);
    return store.outbox().stream()
        .filter(OutboxEntry::reliable)
        .filter(e -> e.isParked() || e.message().envelope().createdAt().isBefore(cutoff))
        .toList();
  }

  /** Every reliable entry of the outbox, oldest first. */
  List<OutboxEntry> reliableOutbox() {
    return store.outbox().stream().filter(OutboxEntry::reliable).toList();
  }

  Decision act(OutboxAction action, String messageId, String reason) {
    if (!REASON.matcher(reason).matches()) {
      return Decision.refused(
          ReferralErrors.COMMAND_INVALID,
          "the reason of an outbox action must be a code of 1 to 64 letters, digits or . _ : -");
    }
    Optional<OutboxEntry> found =
        store.outbox().stream()
            .filter(e -> e.reliable() && e.message().envelope().messageId().equals(messageId))
            .findFirst();
    if (found.isEmpty()) {
      return Decision.refused(
          ReferralErrors.OUTBOX_ENTRY_UNKNOWN,
          "no unacknowledged message with this id waits in the outbox; nothing changed");
    }
    OutboxEntry e = found.get();
    Work w = new Work(store);
    AuditAction audited;
    switch (action) {
      case RESEND -> {
        w.change.addOutboxRetry(e.dueNow());
        audited = AuditAction.OUTBOX_RESENT;
      }
      case PARK -> {
        if (e.isParked()) {
          return Decision.done("already parked; nothing changed");
        }
        w.change.addOutboxRetry(e.parked());
        audited = AuditAction.OUTBOX_PARKED;
      }
      case CANCEL -> {
        w.change.addOutboxRemove(messageId);
        audited = AuditAction.OUTBOX_CANCELLED;
      }
      default -> throw new IllegalArgumentException("unknown outbox action " + action);
    }
    Envelope m = e.message().envelope();
    w.audit(
        AuditEvent.builder()
            .referralId(m.correlationId().value())
            .attemptId(m.attemptId().value())
            .at(f.clock.instant())
            .actor(f.self.organisation().value())
            .action(audited)
            .messageId(messageId)
            .detail(m.type().code() + " " + reason)
            .build());
    store.commit(w.build());
    return Decision.done(
        action.code()
            + ": "
            + m.type().code()
            + " to "
            + m.receiver().organisation()
            + " after "
            + e.attempts()
            + " transmission(s)");
  }

  /** When the attempt's status last moved: its last history entry, or its creation. */
  private static Instant lastMove(AttemptRecord r) {
    List<StatusEntry> h = r.history();
    return h.isEmpty() ? r.createdAt() : h.get(h.size() - 1).at();
  }
}
