package org.vansdk.referral.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.text.LocalizedText;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.referral.signature.KeyValidity;
import org.vansdk.referral.signature.RegisteredKey;
import org.vansdk.referral.signature.SigningKey;

/**
 * A node changes its signing key while running: a message made before the rotation is resent with
 * its first signature (under the old key, valid at its creation), what is made after is signed with
 * the new key, which the peer knows only from the rotation on.
 */
class KeyRotationTest {

  @Test
  void rotation_oldMessagesKeepTheirKey_newOnesUseTheNewKey_peerAcceptsBoth() {
    TestWorld world = new TestWorld(11);
    ReferralNode khm = world.add(TestWorld.KHM_CMAA);
    ReferralNode tha = world.add(TestWorld.THA_REHAB);
    KeyId k1 = khm.signingKeyId();
    AttemptId attempt = TestWorld.attempt(TestWorld.KHM_CMAA, "1");
    assertTrue(TestWorld.referToTha(khm, "1").done());
    List<Transmission> lost = khm.outgoing();
    assertEquals(k1.value(), lost.get(0).message().signature().orElseThrow().keyId());

    world.clock.advance(Duration.ofMinutes(10));
    SigningKey k2 = SigningKey.generate(KeyId.of("KHM-CMAA-HQ-K2"), TestWorld.seeded(99));
    // The operator lists the new key from now on only: it cannot vouch for older messages.
    world.registry.register(
        new RegisteredKey(
            k2.keyId(),
            TestWorld.KHM_CMAA.organisation(),
            k2.publicKey(),
            KeyValidity.between(
                world.clock.instant(), world.clock.instant().plus(Duration.ofDays(365)))));
    assertTrue(khm.rotateSigningKey(k2));
    assertFalse(khm.rotateSigningKey(k2), "rotating to the current key changes nothing");
    assertEquals(k2.keyId(), khm.signingKeyId());

    world.clock.advance(Duration.ofMinutes(1));
    List<Transmission> resent = khm.outgoing();
    assertEquals(1, resent.size(), "the lost request is resent");
    assertEquals(
        lost.get(0).message().signature(),
        resent.get(0).message().signature(),
        "same signature, under the old key");
    resent.forEach(world::deliver);
    world.pump();
    assertEquals(AttemptStatus.SENT, tha.status(attempt).orElseThrow(), "the peer took it");

    assertTrue(tha.accept(attempt).done());
    world.pump();
    assertTrue(khm.requestInfo(attempt, LocalizedText.of("en", "When can she come?")).done());
    List<Transmission> next = khm.outgoing();
    assertEquals(1, next.size());
    assertEquals(k2.keyId().value(), next.get(0).message().signature().orElseThrow().keyId());
    Receipt r = world.deliver(next.get(0));
    assertEquals(ReferralErrors.PROCESSED, r.code(), r.toString());

    SigningKey sameId = SigningKey.generate(KeyId.of("KHM-CMAA-HQ-K2"), TestWorld.seeded(100));
    assertThrows(IllegalArgumentException.class, () -> khm.rotateSigningKey(sameId));
  }
}
