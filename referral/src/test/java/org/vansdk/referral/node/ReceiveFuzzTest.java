package org.vansdk.referral.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Random;
import java.util.regex.Pattern;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.referral.Referral;
import org.vansdk.referral.message.MessageCodec;
import org.vansdk.referral.message.MessageSignature;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.signature.InMemoryOrganisationKeyRegistry;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.referral.signature.SigningKey;
import org.vansdk.referral.store.InMemoryReferralStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jazzer target on the node's {@code receive} (issues 18 and 19): a receiver that already holds a
 * referral with personal data gets one fuzzed message, raw or re-signed by the referrer's key (so
 * that the fuzzer reaches the state machine, not only the parser). No exception escapes; every
 * answer has a status and a stable {@code VAN-R-xxxx} code; nothing the receiver holds about the
 * survivor appears in its answer or in anything it sends. Each input runs against fresh stores, so
 * a finding replays alone. The normal build replays the stored corpus ({@code
 * ReceiveFuzzTestInputs/receive}); {@code JAZZER_FUZZ=1} fuzzes. Time per input is bounded by the
 * node's input limits (document size, depth) and checked by the fuzzer's per-input timeout, never
 * by a timing assertion here.
 */
class ReceiveFuzzTest {

  private static final Pattern CODE = Pattern.compile("VAN-R-\\d{4}");
  private static final String SECRET = "PLANTSECRET4711";
  private static final Party KHM = TestWorld.KHM_CMAA;
  private static final Party THA = TestWorld.THA_REHAB;
  private static final InMemoryOrganisationKeyRegistry REGISTRY =
      new InMemoryOrganisationKeyRegistry();
  private static final SigningKey KHM_KEY = key(KHM);
  private static final SigningKey THA_KEY = key(THA);
  private static final Sha256StandIn KHM_SIGNS = new Sha256StandIn(KHM_KEY, REGISTRY);
  private static final byte[] REQUEST = request();

  private static SigningKey key(Party p) {
    SigningKey k =
        SigningKey.generate(
            KeyId.of(p.organisation().value() + "-K1"), TestWorld.seeded(p.hashCode()));
    REGISTRY.register(p.organisation(), k);
    return k;
  }

  static ReferralNode node(Party p, SigningKey key) {
    InMemoryServiceDirectory directory = new InMemoryServiceDirectory();
    directory.add(new DirectoryEntry(TestWorld.THA_PROSTHESIS, THA, TestWorld.RESPOND_WITHIN));
    return ReferralNode.builder()
        .party(p)
        .signingKey(key)
        .keyRegistry(REGISTRY)
        .signatureSuite(new Sha256StandIn(key, REGISTRY))
        .store(new InMemoryReferralStore())
        .clock(Clock.fixed(TestWorld.T0, ZoneOffset.UTC))
        .directory(directory)
        .random(new Random(7))
        .retryAfter(Duration.ZERO)
        .build();
  }

  /** The referral request the receiver holds before each fuzzed message. */
  private static byte[] request() {
    ReferralNode khm = node(KHM, KHM_KEY);
    Referral referral = TestWorld.referral(KHM, "1", "1");
    AttemptId attempt = TestWorld.attempt(KHM, "1");
    ReferralDraft draft =
        ReferralDraft.builder()
            .from(
                TestWorld.draft(
                    referral,
                    attempt,
                    TestWorld.THA_PROSTHESIS,
                    EnumSet.of(DataCategory.IDENTITY, DataCategory.MEDICAL)))
            .putPersonalData(
                DataCategory.IDENTITY, JsonNodeFactory.instance.objectNode().put("name", SECRET))
            .build();
    Decision d = khm.refer(draft, TestWorld.crossBorderConsent("1"));
    if (!d.done()) {
      throw new IllegalStateException(d.code() + " " + d.message());
    }
    return khm.outgoing().get(0).bytes();
  }

  @FuzzTest(maxDuration = "10m")
  void receive(FuzzedDataProvider data) {
    boolean resign = data.consumeBoolean();
    byte[] wire = data.consumeRemainingAsBytes();
    if (resign) {
      wire = resigned(wire);
    }
    ReferralNode tha = node(THA, THA_KEY);
    assertEquals(ReferralErrors.PROCESSED, tha.receive(REQUEST).code());
    Receipt r;
    try {
      r = tha.receive(wire);
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError("receive threw " + e.getClass().getName(), e);
    }
    assertNotNull(r);
    assertNotNull(r.status());
    assertNotNull(r.detail());
    assertTrue(CODE.matcher(r.code().value()).matches(), r.code().value());
    boolean inputHasSecret = new String(wire, StandardCharsets.UTF_8).contains(SECRET);
    if (!inputHasSecret) {
      assertFalse(r.detail().contains(SECRET), "the answer quotes the survivor's data");
      for (Transmission t : tha.outgoing()) {
        assertFalse(
            new String(t.bytes(), StandardCharsets.UTF_8).contains(SECRET),
            "the receiver sent the survivor's data in a " + t.message().type().code());
      }
    }
  }

  /** The fuzzed bytes with a correct payload hash and the referrer's signature, where possible. */
  private static byte[] resigned(byte[] wire) {
    try {
      JsonNode tree = MessageCodec.parse(wire);
      if (!(tree instanceof ObjectNode) || !(tree.get("payload") instanceof ObjectNode)) {
        return wire;
      }
      ObjectNode m = (ObjectNode) tree;
      m.put("payloadSha256", org.vansdk.referral.message.Message.payloadHash(m.get("payload")));
      m.remove("signature");
      MessageSignature s = KHM_SIGNS.sign(org.vansdk.referral.message.Message.signedContent(m));
      m.putObject("signature")
          .put("alg", MessageSignature.ALGORITHM)
          .put("keyId", s.keyId())
          .put("value", s.value());
      return MessageCodec.toBytes(m);
    } catch (RuntimeException e) {
      return wire; // not re-signable: the node gets the raw bytes
    }
  }
}
