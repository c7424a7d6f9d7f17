package org.vansdk.referral.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vansdk.referral.node.TestWorld.KHM_CMAA;
import static org.vansdk.referral.node.TestWorld.THA_PROSTHESIS;
import static org.vansdk.referral.node.TestWorld.THA_REHAB;

import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.vansdk.core.VanException;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.Referral;
import org.vansdk.core.text.LocalizedText;
import org.vansdk.referral.audit.AuditEntry;
import org.vansdk.referral.message.BusinessStatus;
import org.vansdk.referral.message.HoldReason;
import org.vansdk.referral.store.AttemptRecord;

/**
 * Issue 19, defect 5: local commands take codes, and a command the peer would refuse is refused
 * locally before any state change, so the two sides cannot diverge.
 */
class LocalCommandTest {

  private static final String FREE_TEXT = "Sokha Chanthy went to hospital, call +855 12 345 678";

  private final TestWorld world = new TestWorld(5);
  private final ReferralNode khm = world.add(KHM_CMAA);
  private final ReferralNode tha = world.add(THA_REHAB);
  private final Referral referral = TestWorld.referral(KHM_CMAA, "1", "1");
  private final AttemptId attempt = TestWorld.attempt(KHM_CMAA, "1");

  private void acceptedOnBothSides() {
    Decision d =
        khm.refer(
            TestWorld.draft(
                referral,
                attempt,
                THA_PROSTHESIS,
                EnumSet.of(DataCategory.IDENTITY, DataCategory.MEDICAL)),
            TestWorld.crossBorderConsent("1"));
    assertTrue(d.done(), d.message());
    world.pump();
    assertTrue(tha.accept(attempt).done());
    world.pump();
  }

  @Test
  void holdReason_freeText_cannotBeWritten_andIsNotEchoed() {
    VanException e = assertThrows(VanException.class, () -> HoldReason.parse(FREE_TEXT));
    assertFalse(e.getMessage().contains("Sokha"), e.getMessage());
    assertFalse(e.getMessage().contains("855"), e.getMessage());
    assertThrows(VanException.class, () -> HoldReason.parse("Waiting"));
    assertThrows(VanException.class, () -> HoldReason.parse(""));
    assertEquals("waiting_for_parts", HoldReason.parse("waiting_for_parts").code());
  }

  @Test
  void holdWithCode_appliedOnBothSides_auditHoldsTheCodeOnly() {
    acceptedOnBothSides();
    assertTrue(tha.hold(attempt, HoldReason.parse("waiting_for_parts")).done());
    world.pump();
    assertEquals(AttemptStatus.ON_HOLD, tha.status(attempt).orElseThrow());
    assertEquals(AttemptStatus.ON_HOLD, khm.status(attempt).orElseThrow(), "sides converge");
    assertTrue(
        tha.audit(referral.id()).stream()
            .anyMatch(a -> a.detail().orElse("").equals("waiting_for_parts")));
  }

  @Test
  void updateWithBusinessStatus_acceptedByThePeer() {
    acceptedOnBothSides();
    assertTrue(tha.update(attempt, BusinessStatus.APPOINTMENT_SET).done());
    List<Receipt> receipts = world.pump();
    assertTrue(
        receipts.stream().allMatch(r -> r.code().equals(ReferralErrors.PROCESSED)),
        receipts.toString());
    assertEquals(BusinessStatus.NO_SHOW, BusinessStatus.fromCode("no_show"));
  }

  @Test
  void completeWithEmptyOutcome_peerWouldRefuse_refusedLocallyBeforeAnyChange() {
    acceptedOnBothSides();
    assertRefusedUnchanged(tha, () -> tha.complete(attempt, LocalizedText.of("en", "")));
    assertEquals(AttemptStatus.ACCEPTED, khm.status(attempt).orElseThrow());
  }

  @Test
  void questionLongerThanTheSchemaAllows_refusedLocallyBeforeAnyChange() {
    acceptedOnBothSides();
    String tooLong = "x".repeat(10_001);
    assertRefusedUnchanged(khm, () -> khm.requestInfo(attempt, LocalizedText.of("en", tooLong)));
  }

  @Test
  void loneSurrogateInOutcome_refusedWithDecisionNotException() {
    acceptedOnBothSides();
    assertRefusedUnchanged(tha, () -> tha.complete(attempt, LocalizedText.of("en", "ok \uDC00")));
  }

  private void assertRefusedUnchanged(ReferralNode node, Supplier<Decision> command) {
    AttemptRecord before = node.attempt(attempt).orElseThrow();
    int outbox = node.store().outbox().size();
    List<AuditEntry> audit = node.audit(referral.id());
    Decision d = command.get();
    assertFalse(d.done());
    assertEquals(ReferralErrors.COMMAND_INVALID, d.code(), d.message());
    AttemptRecord after = node.attempt(attempt).orElseThrow();
    assertEquals(before.status(), after.status());
    assertEquals(before.version(), after.version());
    assertEquals(before.nextOutboundSeq(), after.nextOutboundSeq());
    assertEquals(outbox, node.store().outbox().size(), "nothing queued");
    assertEquals(audit, node.audit(referral.id()), "nothing audited");
    assertTrue(node.outgoing().isEmpty(), "nothing on the wire");
  }
}
