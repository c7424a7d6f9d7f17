package org.vansdk.referral.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vansdk.referral.node.TestWorld.KHM_CMAA;
import static org.vansdk.referral.node.TestWorld.THA_PROSTHESIS;
import static org.vansdk.referral.node.TestWorld.THA_REHAB;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.consent.Consent;
import org.vansdk.core.consent.ConsentStatus;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.ConsentId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.ServiceId;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.Referral;
import org.vansdk.core.text.LocalizedText;
import org.vansdk.referral.audit.AuditAction;
import org.vansdk.referral.audit.AuditEntry;
import org.vansdk.referral.consent.ConsentGate;
import org.vansdk.referral.message.MessageCodec;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.store.OutboxEntry;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 19, defects 1, 2, 3, 6 and 7: the consent binds to the person and the referral, its status
 * decides, free text is consented data, what is held back is reported, and the gaps of the probe
 * (unverified senders, lone surrogates, an organisation listed in another country).
 */
class ConsentBindingTest {

  private static final String NAME = "Sokha Chanthy";
  private static final String PHONE = "+855 12 345 678";
  private static final String NATIONAL_ID = "KH-010203040";

  private final TestWorld world = new TestWorld(19);
  private final ReferralNode khm = world.add(KHM_CMAA);
  private final ReferralNode tha = world.add(THA_REHAB);
  private final Referral referral = TestWorld.referral(KHM_CMAA, "1", "1");
  private final AttemptId attempt = TestWorld.attempt(KHM_CMAA, "1");
  private final Consent consent = TestWorld.crossBorderConsent("1");

  private ReferralDraft.Builder draft() {
    return ReferralDraft.builder()
        .from(
            TestWorld.draft(
                referral,
                attempt,
                THA_PROSTHESIS,
                EnumSet.of(DataCategory.IDENTITY, DataCategory.MEDICAL)))
        .putPersonalData(
            DataCategory.IDENTITY,
            JsonNodeFactory.instance.objectNode().put("name", NAME).put("nationalId", NATIONAL_ID));
  }

  private void assertRefusedAndNothingLeft(Decision d, ErrorCode code) {
    assertFalse(d.done(), d.message());
    assertEquals(code, d.code(), d.message());
    for (String planted : List.of(NAME, PHONE, NATIONAL_ID, "KHM-CMAA-P1", "KHM-CMAA-P2")) {
      assertFalse(d.message().contains(planted), d.message());
    }
    assertTrue(khm.store().outbox().isEmpty(), "nothing in the outbox");
    assertTrue(khm.outgoing().isEmpty(), "nothing sent");
    assertEquals(AttemptStatus.DRAFT, khm.status(attempt).orElseThrow());
    List<AuditEntry> log = khm.audit(referral.id());
    assertTrue(
        log.stream()
            .anyMatch(
                e ->
                    e.action() == AuditAction.REJECTED
                        && e.detail().orElse("").equals(code.value())),
        log.toString());
  }

  // ---------------------------------------------------------------- 1: person and consent id

  @Test
  void consentOfAnotherSurvivor_refusedBeforeAnythingLeaves() {
    Consent other = TestWorld.crossBorderConsent("2");
    Consent sameIdOtherPerson =
        Consent.builder().from(other).id(consent.id()).build(); // even under the named id
    assertRefusedAndNothingLeft(
        khm.refer(draft().build(), sameIdOtherPerson), ConsentGate.PERSON_NOT_COVERED);
    assertRefusedAndNothingLeft(khm.send(attempt, other), ConsentGate.PERSON_NOT_COVERED);
  }

  @Test
  void consentNotNamedByTheReferral_refused() {
    Consent unnamed = Consent.builder().from(consent).id(ConsentId.parse("KHM-CMAA-C9")).build();
    assertRefusedAndNothingLeft(khm.refer(draft().build(), unnamed), ConsentGate.CONSENT_NOT_NAMED);
    assertTrue(khm.send(attempt, consent).done(), "the named consent of the same person works");
  }

  @Test
  void referralNamingNoConsent_refused() {
    Referral none =
        Referral.builder().from(referral).consentId(java.util.Optional.<ConsentId>empty()).build();
    Decision d = khm.refer(draft().referral(none).build(), consent);
    assertRefusedAndNothingLeft(d, ConsentGate.CONSENT_NOT_NAMED);
    assertTrue(d.message().contains("names no consent"), d.message());
  }

  // ---------------------------------------------------------------- 2: status decides

  @Test
  void withdrawnStatusWithWithdrawalTimeAhead_refused() {
    Consent withdrawn =
        Consent.builder()
            .from(consent)
            .status(ConsentStatus.WITHDRAWN)
            .withdrawnAt(TestWorld.T0.plus(Duration.ofHours(1)))
            .build();
    assertRefusedAndNothingLeft(khm.refer(draft().build(), withdrawn), ConsentGate.NOT_ACTIVE);
  }

  @Test
  void expiredStatusWithExpiryAhead_refused() {
    Consent expired =
        Consent.builder()
            .from(consent)
            .status(ConsentStatus.EXPIRED)
            .expiresAt(TestWorld.T0.plus(Duration.ofDays(30)))
            .build();
    assertRefusedAndNothingLeft(khm.refer(draft().build(), expired), ConsentGate.NOT_ACTIVE);
  }

  // ---------------------------------------------------------------- 3: free text

  @Test
  void noteWithPhone_contactNotConsented_refusedNamingTheNote() {
    Decision d =
        khm.refer(draft().note(LocalizedText.of("en", NAME + " call " + PHONE)).build(), consent);
    assertRefusedAndNothingLeft(d, ConsentGate.CATEGORY_NOT_COVERED);
    assertTrue(d.message().contains("contact"), d.message());
  }

  @Test
  void noteUnderFullConsent_sentAndListedAsDisclosed() {
    Consent full =
        Consent.builder().from(consent).dataCategories(EnumSet.allOf(DataCategory.class)).build();
    Decision d = khm.refer(draft().note(LocalizedText.of("en", "call " + PHONE)).build(), full);
    assertTrue(d.done(), d.message());
    Transmission t = khm.outgoing().get(0);
    assertTrue(text(t).contains(PHONE));
    assertEquals(7, TestWorld.tree(t).path("payload").path("dataCategories").size());
    assertEquals(ReferralErrors.PROCESSED, world.deliver(t).code());
  }

  @Test
  void withdrawal_unacknowledgedRequestResentWithoutNoteOrPersonalData() {
    Consent full =
        Consent.builder().from(consent).dataCategories(EnumSet.allOf(DataCategory.class)).build();
    assertTrue(
        khm.refer(draft().note(LocalizedText.of("en", NAME + " " + PHONE)).build(), full).done());
    assertTrue(khm.withdrawConsent(consent.id()).done());
    world.clock.advance(Duration.ofMinutes(5)); // past the retry interval
    List<Transmission> resent = khm.outgoing();
    assertFalse(resent.isEmpty());
    for (Transmission t : resent) {
      String wire = text(t);
      for (String planted : List.of(NAME, PHONE, NATIONAL_ID)) {
        assertFalse(wire.contains(planted), t.message().type() + " carries a planted value");
      }
      assertFalse(t.message().carriesPersonalData(), t.message().toString());
      world.deliver(t);
    }
    for (OutboxEntry e : khm.store().outbox()) {
      assertFalse(e.message().carriesPersonalData(), e.message().toString());
    }
    world.pump();
    assertEquals(AttemptStatus.CANCELLED, tha.status(attempt).orElseThrow());
  }

  @Test
  void requestInfo_afterWithdrawal_refused() {
    assertTrue(khm.refer(draft().build(), consent).done());
    world.pump();
    assertTrue(khm.withdrawConsent(consent.id()).done());
    Decision d = khm.requestInfo(attempt, LocalizedText.of("en", "is " + NAME + " reachable?"));
    assertEquals(ReferralErrors.CONSENT_WITHDRAWN, d.code());
  }

  // ---------------------------------------------------------------- 6: what was held back

  @Test
  void suppliedButNotRequested_heldBackAndReportedToCallerAndAudit() {
    Decision d = khm.refer(draft().build(), consent); // contact and psychosocial supplied
    assertTrue(d.done(), d.message());
    assertTrue(d.message().contains("held back"), d.message());
    assertTrue(d.message().contains("contact, psychosocial"), d.message());
    assertTrue(
        khm.audit(referral.id()).stream()
            .anyMatch(e -> e.detail().orElse("").equals("dropped contact, psychosocial")),
        khm.audit(referral.id()).toString());
    assertFalse(text(khm.outgoing().get(0)).contains("+855"));
  }

  // ---------------------------------------------------------------- 7: gaps of the probe

  @Test
  void badSignatureOnKnownAttempt_nothingWrittenNotAcknowledged() {
    assertTrue(khm.refer(draft().build(), consent).done());
    world.pump();
    ObjectNode forged = (ObjectNode) MessageCodec.parse(acceptFromThailand());
    ((ObjectNode) forged.get("signature")).put("value", "AAAA"); // not Thailand's signature
    int outboxBefore = khm.store().outbox().size();
    int auditBefore = khm.audit(referral.id()).size();
    Receipt r = khm.receive(MessageCodec.toBytes(forged));
    assertEquals(ReferralErrors.BAD_SIGNATURE, r.code());
    assertEquals(outboxBefore, khm.store().outbox().size(), "no ack to the claimed sender");
    // Unverified input writes nothing, not even an audit entry (the receipt goes to the transport).
    assertEquals(auditBefore, khm.audit(referral.id()).size(), "nothing written");
    assertTrue(khm.verifyAudit(referral.id()).valid());
    assertEquals(AttemptStatus.SENT, khm.status(attempt).orElseThrow(), "nothing applied");
  }

  @Test
  void badSignatureOnUnknownAttempt_nothingStoredNoAck() {
    assertTrue(khm.refer(draft().build(), consent).done());
    ObjectNode request = TestWorld.tree(khm.outgoing().get(0));
    ((ObjectNode) request.get("signature")).put("value", "AAAA");
    Receipt r = tha.receive(MessageCodec.toBytes(request));
    assertEquals(ReferralErrors.BAD_SIGNATURE, r.code());
    assertTrue(tha.store().outbox().isEmpty(), "no ack to the claimed sender");
    assertTrue(tha.store().referrals().isEmpty(), "nothing stored for an unverified stranger");
  }

  @Test
  void loneSurrogateInPersonalData_refusedWithDecisionNotException() {
    ReferralDraft bad =
        draft()
            .putPersonalData(
                DataCategory.IDENTITY,
                JsonNodeFactory.instance.objectNode().put("name", "Sokha \uD800"))
            .build();
    Decision d = khm.refer(bad, consent);
    assertFalse(d.done());
    assertEquals(ReferralErrors.COMMAND_INVALID, d.code());
    assertTrue(khm.status(attempt).isEmpty(), "nothing recorded");
    assertFalse(d.message().contains("Sokha"), d.message());
  }

  @Test
  void organisationOfThailandListedInCambodia_refusedUnderKhmOnlyConsent() {
    Party impostor =
        new Party(OrganisationId.parse("THA-SIRINDHORN-REHAB"), "main", CountryCode.KHM);
    ServiceId service = ServiceId.parse("THA-SIRINDHORN-LISTED");
    world.directory.add(new DirectoryEntry(service, impostor, Duration.ofDays(14)));
    Consent khmOnly =
        TestWorld.consent(
            KHM_CMAA,
            "1",
            Set.of(impostor.organisation()),
            EnumSet.of(DataCategory.IDENTITY, DataCategory.MEDICAL),
            Set.of(CountryCode.KHM));
    Decision d = khm.refer(draft().targetService(service).build(), khmOnly);
    assertRefusedAndNothingLeft(d, ConsentGate.DESTINATION_MISMATCH);
    assertTrue(d.message().contains("THA") && d.message().contains("KHM"), d.message());
  }

  private byte[] acceptFromThailand() {
    assertTrue(tha.accept(attempt).done());
    List<Transmission> out = tha.outgoing();
    return out.stream()
        .filter(t -> t.message().type().code().equals("accept"))
        .findFirst()
        .orElseThrow()
        .bytes();
  }

  private static String text(Transmission t) {
    return new String(t.bytes(), StandardCharsets.UTF_8);
  }
}
