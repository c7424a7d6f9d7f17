package org.vansdk.referral.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vansdk.core.id.OrganisationId;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class KeyValidityTest {

  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");
  private static final Duration SKEW = Duration.ofMinutes(5);
  private static final OrganisationId KHM = OrganisationId.parse("KHM-CMAA-HQ");

  private final KeyValidity period = KeyValidity.between(FROM, UNTIL);

  @Test
  void checkAt_boundariesWithSkew() {
    assertEquals(SignatureCheck.VALID, period.checkAt(FROM, SKEW));
    assertEquals(SignatureCheck.VALID, period.checkAt(FROM.minus(SKEW), SKEW));
    assertEquals(
        SignatureCheck.KEY_NOT_YET_VALID, period.checkAt(FROM.minus(SKEW).minusNanos(1), SKEW));
    assertEquals(SignatureCheck.VALID, period.checkAt(UNTIL.plus(SKEW).minusNanos(1), SKEW));
    assertEquals(SignatureCheck.KEY_EXPIRED, period.checkAt(UNTIL.plus(SKEW), SKEW));
    assertEquals(SignatureCheck.KEY_EXPIRED, period.checkAt(UNTIL, Duration.ZERO));
  }

  @Test
  void revocation_refusesFromItsEffectiveTime_withoutSkew() {
    Instant revoked = Instant.parse("2026-06-01T00:00:00Z");
    KeyValidity v = period.revokedFrom(revoked);
    assertEquals(SignatureCheck.VALID, v.checkAt(revoked.minusNanos(1), SKEW));
    assertEquals(SignatureCheck.REVOKED_KEY, v.checkAt(revoked, SKEW));
    assertEquals(SignatureCheck.REVOKED_KEY, v.checkAt(UNTIL.plusSeconds(1), SKEW));
  }

  @Test
  void between_emptyPeriod_refused() {
    assertThrows(IllegalArgumentException.class, () -> KeyValidity.between(FROM, FROM));
    assertThrows(IllegalArgumentException.class, () -> period.checkAt(FROM, SKEW.negated()));
  }

  @Test
  void verifier_checksTheKeyAtTheSigningTime() {
    SecureRandom random = new SecureRandom(new byte[] {7});
    SigningKey key = SigningKey.generate(KeyId.of("KHM-CMAA-7"), random);
    InMemoryOrganisationKeyRegistry registry =
        new InMemoryOrganisationKeyRegistry()
            .register(new RegisteredKey(key.keyId(), KHM, key.publicKey(), period));
    SignatureVerifier verifier = new SignatureVerifier(registry);
    ObjectNode doc = JsonNodeFactory.instance.objectNode().put("type", "accept");
    String sig = key.signCanonical(doc);
    Instant revoked = Instant.parse("2026-06-01T00:00:00Z");
    assertEquals(SignatureCheck.VALID, verifier.verifyCanonical(KHM, "KHM-CMAA-7", doc, sig, FROM));
    assertEquals(
        SignatureCheck.KEY_NOT_YET_VALID,
        verifier.verifyCanonical(KHM, "KHM-CMAA-7", doc, sig, FROM.minus(Duration.ofHours(1))));
    assertEquals(
        SignatureCheck.KEY_EXPIRED,
        verifier.verifyCanonical(KHM, "KHM-CMAA-7", doc, sig, UNTIL.plus(Duration.ofHours(1))));
    registry.revoke(key.keyId(), revoked);
    assertEquals(
        SignatureCheck.VALID,
        verifier.verifyCanonical(KHM, "KHM-CMAA-7", doc, sig, revoked.minusSeconds(1)));
    assertEquals(
        SignatureCheck.REVOKED_KEY, verifier.verifyCanonical(KHM, "KHM-CMAA-7", doc, sig, revoked));
    // with no signing time known, any revocation refuses
    assertEquals(SignatureCheck.REVOKED_KEY, verifier.verifyCanonical(KHM, "KHM-CMAA-7", doc, sig));
  }
}
