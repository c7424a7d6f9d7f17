package org.vansdk.referral.node;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vansdk.referral.node.TestWorld.KHM_CMAA;
import static org.vansdk.referral.node.TestWorld.THA_PROSTHESIS;
import static org.vansdk.referral.node.TestWorld.THA_REHAB;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vansdk.core.consent.Consent;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.consent.Purpose;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.referral.Referral;
import org.vansdk.core.text.LocalizedText;
import org.vansdk.referral.consent.ConsentGate;
import org.vansdk.referral.consent.Disclosure;
import org.vansdk.referral.consent.PayloadBuilder;
import org.vansdk.referral.store.Change;
import org.vansdk.referral.store.OutboxEntry;
import org.vansdk.referral.store.ProcessedMessage;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Issue 19, defect 4: no type that can hold a draft, a message or a record of one prints personal
 * data in {@code toString} (name, phone, national id, note, outcome), on either side.
 */
class PersonalDataToStringTest {

  private static final List<String> PLANTED =
      List.of("Sokha Chanthy", "+855 12 345 678", "KH-010203040", "gets dizzy", "leg fitted");

  @TestFactory
  Stream<DynamicTest> everyTypeHoldingADraftOrMessage_redactsPersonalData() {
    TestWorld world = new TestWorld(4);
    ReferralNode khm = world.add(KHM_CMAA);
    ReferralNode tha = world.add(THA_REHAB);
    Referral referral = TestWorld.referral(KHM_CMAA, "1", "1");
    AttemptId attempt = TestWorld.attempt(KHM_CMAA, "1");
    Consent consent =
        Consent.builder()
            .from(TestWorld.crossBorderConsent("1"))
            .dataCategories(EnumSet.allOf(DataCategory.class))
            .build();
    ReferralDraft draft =
        ReferralDraft.builder()
            .from(
                TestWorld.draft(
                    referral,
                    attempt,
                    THA_PROSTHESIS,
                    EnumSet.of(DataCategory.IDENTITY, DataCategory.CONTACT)))
            .putPersonalData(
                DataCategory.IDENTITY,
                JsonNodeFactory.instance
                    .objectNode()
                    .put("name", PLANTED.get(0))
                    .put("nationalId", PLANTED.get(2)))
            .putPersonalData(
                DataCategory.CONTACT,
                JsonNodeFactory.instance.objectNode().put("phone", PLANTED.get(1)))
            .note(LocalizedText.of("en", PLANTED.get(3) + ", call " + PLANTED.get(1)))
            .build();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("ReferralDraft", draft);
    Decision sent = khm.refer(draft, consent);
    assertTrue(sent.done(), sent.message());
    values.put("Decision", sent);
    values.put("AttemptRecord (referrer)", khm.attempt(attempt).orElseThrow());
    List<Transmission> out = khm.outgoing();
    values.put("Transmission", out.get(0));
    values.put("Message", out.get(0).message());
    values.put("OutboxEntry", new OutboxEntry(out.get(0).message(), true));
    Receipt receipt = world.deliver(out.get(0));
    values.put("Receipt", receipt);
    values.put("AttemptRecord (receiver)", tha.attempt(attempt).orElseThrow());
    assertTrue(tha.accept(attempt).done());
    world.pump();
    assertTrue(tha.complete(attempt, LocalizedText.of("en", PLANTED.get(4))).done());
    world.pump();
    values.put("AttemptRecord (receiver, completed)", tha.attempt(attempt).orElseThrow());
    values.put("AttemptRecord (referrer, completed)", khm.attempt(attempt).orElseThrow());
    values.put("ReferralAttempt", khm.attempt(attempt).orElseThrow().toReferralAttempt());
    values.put(
        "ProcessedMessage",
        new ProcessedMessage("m", "h", out.get(0).message().withoutPersonalData()));
    values.put(
        "Change",
        Change.builder()
            .addAttempts(khm.attempt(attempt).orElseThrow(), tha.attempt(attempt).orElseThrow())
            .addOutboxAdd(new OutboxEntry(out.get(0).message(), true))
            .build());
    values.put(
        "ConsentedPayload",
        PayloadBuilder.build(consent, EnumSet.allOf(DataCategory.class), draft.personalData()));
    Disclosure disclosure =
        new Disclosure(
            referral.personId(),
            referral.consentId(),
            THA_REHAB.organisation(),
            Purpose.REFERRAL,
            EnumSet.allOf(DataCategory.class),
            THA_REHAB.country(),
            TestWorld.T0);
    values.put("Disclosure", disclosure);
    values.put("ConsentDecision", ConsentGate.check(consent, disclosure));
    values.put("LocalizedText", draft.note().orElseThrow());
    List<Object> audit = new ArrayList<>(khm.audit(referral.id()));
    audit.addAll(tha.audit(referral.id()));
    values.put("AuditEntry (both sides)", audit);
    return values.entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(),
                    () -> {
                      String text = String.valueOf(e.getValue());
                      for (String planted : PLANTED) {
                        assertFalse(
                            text.contains(planted), "toString leaks " + planted + ": " + text);
                      }
                    }));
  }
}
