package org.vansdk.referral.node;

import static org.vansdk.referral.node.MessageFactory.SYSTEM_ACTOR;
import static org.vansdk.referral.node.MessageFactory.cause;

import java.time.Instant;
import java.util.Optional;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.Role;
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.store.AttemptRecord;
import org.vansdk.referral.store.ReferralStore;

/**
 * Expires attempts past their {@code respondBy} deadline, read on this node's clock: as receiver,
 * unanswered attempts are cancelled by the system and the referrer told; as referrer, attempts
 * still {@code sent} get a cancel request with reason {@code expired}. Called by {@link
 * ReferralNode} with its lock held.
 */
final class ExpirySweep {

  private final ReferralStore store;
  private final MessageFactory f;
  private final LocalMoves moves;

  ExpirySweep(ReferralStore store, MessageFactory f, LocalMoves moves) {
    this.store = store;
    this.f = f;
    this.moves = moves;
  }

  int expireOverdue() {
    Instant now = f.clock.instant();
    int count = 0;
    for (AttemptRecord r : store.attempts()) {
      if (r.respondBy().isEmpty() || now.isBefore(r.respondBy().get())) {
        continue;
      }
      if (r.side() == Role.RECEIVER
          && (r.status() == AttemptStatus.SENT || r.status() == AttemptStatus.RECEIVED)) {
        Work w = new Work(store);
        AttemptRecord moved = f.moved(r, AttemptStatus.CANCELLED, Role.SYSTEM, "expired", "");
        moved =
            f.enqueue(
                w,
                moved,
                MessageType.CANCEL_CONFIRM,
                r.version(),
                Optional.empty(),
                cause("expired"));
        w.attempt(moved);
        w.audit(f.transitionEvent(r, moved, SYSTEM_ACTOR, "").detail("expired").build());
        store.commit(w.build());
        count++;
      } else if (r.side() == Role.REFERRER
          && r.status() == AttemptStatus.SENT
          && !r.cancelRequested()) {
        moves.requestCancel(r, "expired");
        count++;
      }
    }
    return count;
  }
}
