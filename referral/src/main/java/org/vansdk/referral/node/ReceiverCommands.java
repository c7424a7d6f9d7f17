package org.vansdk.referral.node;

import static org.vansdk.referral.node.LocalMoves.unknown;
import static org.vansdk.referral.node.MessageFactory.NODES;

import java.util.Optional;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.referral.AttemptStateTable;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.DeclineReason;
import org.vansdk.core.referral.NotCompletedReason;
import org.vansdk.core.referral.Role;
import org.vansdk.core.text.LocalizedText;
import org.vansdk.referral.message.BusinessStatus;
import org.vansdk.referral.message.HoldReason;
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.store.AttemptRecord;
import org.vansdk.referral.store.ReferralStore;
import tools.jackson.databind.node.ObjectNode;

/**
 * The receiver's commands: mark received, accept, decline, start, update, hold, resume, complete,
 * not complete; each a move of the state table whose message goes to the referrer. Called by {@link
 * ReferralNode} with its lock held.
 */
final class ReceiverCommands {

  private final ReferralStore store;
  private final LocalMoves moves;

  ReceiverCommands(ReferralStore store, LocalMoves moves) {
    this.store = store;
    this.moves = moves;
  }

  Decision markReceived(AttemptId attemptId) {
    return moves.localMove(
        attemptId, AttemptStatus.RECEIVED, MessageType.RECEIVED, NODES.objectNode(), "");
  }

  Decision accept(AttemptId attemptId) {
    return moves.localMove(
        attemptId, AttemptStatus.ACCEPTED, MessageType.ACCEPT, NODES.objectNode(), "");
  }

  Decision decline(AttemptId attemptId, DeclineReason reason) {
    return moves.localMove(
        attemptId,
        AttemptStatus.DECLINED,
        MessageType.DECLINE,
        NODES.objectNode().put("reason", reason.code()),
        reason.code());
  }

  Decision start(AttemptId attemptId) {
    return moves.localMove(
        attemptId,
        AttemptStatus.IN_PROGRESS,
        MessageType.UPDATE,
        NODES
            .objectNode()
            .put("businessStatus", BusinessStatus.ATTENDED.code())
            .put("status", "in_progress"),
        "");
  }

  Decision update(AttemptId attemptId, BusinessStatus businessStatus) {
    Optional<AttemptRecord> found = store.attempt(attemptId);
    if (found.isEmpty()) {
      return unknown(attemptId);
    }
    AttemptRecord r = found.get();
    if (r.side() != Role.RECEIVER || AttemptStateTable.isFinal(r.status())) {
      return Decision.refused(
          ReferralErrors.WRONG_PARTY,
          "only the receiver sends updates, and only for an open attempt; attempt "
              + attemptId
              + " is "
              + r.status().code());
    }
    return moves.note(
        r, MessageType.UPDATE, NODES.objectNode().put("businessStatus", businessStatus.code()));
  }

  Decision hold(AttemptId attemptId, HoldReason reason) {
    return moves.localMove(
        attemptId,
        AttemptStatus.ON_HOLD,
        MessageType.HOLD,
        NODES.objectNode().put("reason", reason.code()),
        reason.code());
  }

  Decision resume(AttemptId attemptId) {
    return moves.localMove(
        attemptId, AttemptStatus.IN_PROGRESS, MessageType.RESUME, NODES.objectNode(), "");
  }

  Decision complete(AttemptId attemptId, LocalizedText outcome) {
    ObjectNode payload = NODES.objectNode();
    payload.putObject("outcome").put("lang", outcome.lang()).put("text", outcome.text());
    return moves.localMove(attemptId, AttemptStatus.COMPLETED, MessageType.COMPLETE, payload, "");
  }

  Decision notComplete(AttemptId attemptId, NotCompletedReason reason) {
    return moves.localMove(
        attemptId,
        AttemptStatus.NOT_COMPLETED,
        MessageType.NOT_COMPLETE,
        NODES.objectNode().put("reason", reason.code()),
        reason.code());
  }
}
