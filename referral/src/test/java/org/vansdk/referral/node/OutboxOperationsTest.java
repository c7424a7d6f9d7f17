package org.vansdk.referral.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.Referral;
import org.vansdk.core.referral.Role;
import org.vansdk.referral.audit.AuditAction;
import org.vansdk.referral.audit.AuditEntry;
import org.vansdk.referral.store.JdbcReferralStore;
import org.vansdk.referral.store.OutboxEntry;

/**
 * An operator lists what is stuck and resends, parks or cancels an outbox entry: the park survives
 * a restart and a peer's sync request, the resend delivers, the cancel never moves the attempt, and
 * every action is audited with the chain still verifying.
 */
class OutboxOperationsTest {

  private final TestWorld world = new TestWorld(7);
  private final Referral referral = TestWorld.referral(TestWorld.KHM_CMAA, "1", "1");
  private final AttemptId attempt = TestWorld.attempt(TestWorld.KHM_CMAA, "1");

  private ReferralNode referLost(ReferralNode khm) {
    assertTrue(TestWorld.referToTha(khm, "1").done());
    assertEquals(1, khm.outgoing().size(), "sent, and lost on the way");
    return khm;
  }

  private static String onlyId(ReferralNode node) {
    List<OutboxEntry> waiting = node.unacknowledged();
    assertEquals(1, waiting.size(), "one unacknowledged message");
    return waiting.get(0).message().envelope().messageId();
  }

  @Test
  void park_survivesRestartAndSyncRequest_resendDelivers(@TempDir Path dir) {
    Path file = dir.resolve("khm");
    ReferralNode khm = referLost(world.add(TestWorld.KHM_CMAA, JdbcReferralStore.h2File(file)));
    ReferralNode tha = world.add(TestWorld.THA_REHAB);
    String id = onlyId(khm);

    Decision parked = khm.outboxAction(OutboxAction.PARK, id, "VAN-N-0003");
    assertTrue(parked.done(), parked.message());
    assertTrue(khm.outboxAction(OutboxAction.PARK, id, "operator").done(), "parking twice is ok");
    khm.store().close();
    khm = world.add(TestWorld.KHM_CMAA, JdbcReferralStore.h2File(file));
    world.clock.advance(Duration.ofDays(2));
    assertEquals(List.of(), khm.outgoing(), "a parked message is not sent, even after a restart");
    assertEquals(List.of(id), ids(khm.stuckOutbox(Duration.ofDays(30))), "listed as stuck");
    assertTrue(khm.stuckOutbox(Duration.ofDays(30)).get(0).isParked());
    List<StuckAttempt> stuck = khm.stuckAttempts(Duration.ofDays(1));
    assertEquals(1, stuck.size(), stuck.toString());
    assertEquals(AttemptStatus.SENT, stuck.get(0).status());
    assertEquals(Role.REFERRER, stuck.get(0).side());
    assertEquals(TestWorld.THA_REHAB.organisation(), stuck.get(0).peer());
    assertEquals(1, stuck.get(0).parked());
    assertEquals(List.of(), khm.stuckAttempts(Duration.ofDays(3)), "not quiet that long");

    Decision resent = khm.outboxAction(OutboxAction.RESEND, id, "operator");
    assertTrue(resent.done(), resent.message());
    List<Transmission> out = khm.outgoing();
    assertEquals(1, out.size(), "resent at once");
    out.forEach(world::deliver);
    world.pump();
    assertEquals(List.of(), khm.unacknowledged(), "acknowledged after the resend");
    assertEquals(AttemptStatus.SENT, tha.status(attempt).orElseThrow());
    List<AuditAction> actions = khm.audit(referral.id()).stream().map(AuditEntry::action).toList();
    assertTrue(actions.contains(AuditAction.OUTBOX_PARKED), actions.toString());
    assertTrue(actions.contains(AuditAction.OUTBOX_RESENT), actions.toString());
    assertTrue(khm.verifyAudit(referral.id()).valid());
    khm.store().close();
  }

  @Test
  void cancel_removesTheMessage_attemptKeepsItsStatus_audited() {
    ReferralNode khm = referLost(world.add(TestWorld.KHM_CMAA));
    world.add(TestWorld.THA_REHAB);
    String id = onlyId(khm);

    Decision cancelled = khm.outboxAction(OutboxAction.CANCEL, id, "peer-left-network");
    assertTrue(cancelled.done(), cancelled.message());
    world.clock.advance(Duration.ofMinutes(5));
    assertEquals(List.of(), khm.outgoing(), "never sent again");
    assertEquals(AttemptStatus.SENT, khm.status(attempt).orElseThrow(), "no move");
    AuditEntry last = khm.audit(referral.id()).get(khm.audit(referral.id()).size() - 1);
    assertEquals(AuditAction.OUTBOX_CANCELLED, last.action());
    assertEquals(id, last.messageId().orElseThrow());
    assertEquals("referral_request peer-left-network", last.detail().orElseThrow());
    assertTrue(khm.verifyAudit(referral.id()).valid());

    Decision again = khm.outboxAction(OutboxAction.CANCEL, id, "operator");
    assertFalse(again.done());
    assertEquals(ReferralErrors.OUTBOX_ENTRY_UNKNOWN, again.code());
  }

  @Test
  void unknownIdOrFreeTextReason_refused_nothingChanged() {
    ReferralNode khm = referLost(world.add(TestWorld.KHM_CMAA));
    String id = onlyId(khm);
    int audit = khm.audit(referral.id()).size();

    Decision unknown = khm.outboxAction(OutboxAction.RESEND, "no-such-id", "operator");
    assertEquals(ReferralErrors.OUTBOX_ENTRY_UNKNOWN, unknown.code());
    Decision text = khm.outboxAction(OutboxAction.PARK, id, "the patient Sok asked");
    assertEquals(ReferralErrors.COMMAND_INVALID, text.code());
    assertFalse(text.message().contains("Sok"), text.message());
    assertEquals(audit, khm.audit(referral.id()).size(), "nothing audited");
    assertFalse(khm.unacknowledged().get(0).isParked());
  }

  private static List<String> ids(List<OutboxEntry> entries) {
    return entries.stream().map(e -> e.message().envelope().messageId()).toList();
  }
}
