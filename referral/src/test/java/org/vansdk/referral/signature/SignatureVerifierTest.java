package org.vansdk.referral.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.vansdk.core.id.OrganisationId;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class SignatureVerifierTest {

  private static SecureRandom seeded(long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return r;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final OrganisationId KHM = OrganisationId.parse("KHM-CMAA-HQ");
  private static final OrganisationId THA = OrganisationId.parse("THA-TMAC-HQ");

  private final SigningKey khm = SigningKey.generate(KeyId.of("KHM-CMAA-1"), seeded(1));
  private final SigningKey tha = SigningKey.generate(KeyId.of("THA-TMAC-1"), seeded(2));
  private final InMemoryOrganisationKeyRegistry registry =
      new InMemoryOrganisationKeyRegistry().register(KHM, khm).register(THA, tha);
  private final SignatureVerifier verifier = new SignatureVerifier(registry);

  private static ObjectNode doc() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("type", "accept");
    n.put("senderSeq", 3);
    return n;
  }

  @Test
  void verify_signedCanonicalJson_valid() {
    String sig = khm.signCanonical(doc());
    assertEquals(SignatureCheck.VALID, verifier.verifyCanonical(KHM, "KHM-CMAA-1", doc(), sig));
  }

  @Test
  void verify_memberOrderDiffers_stillValid() {
    ObjectNode reordered = JsonNodeFactory.instance.objectNode();
    reordered.put("senderSeq", 3);
    reordered.put("type", "accept");
    String sig = khm.signCanonical(doc());
    assertEquals(SignatureCheck.VALID, verifier.verifyCanonical(KHM, "KHM-CMAA-1", reordered, sig));
  }

  @Test
  void verify_tamperedContent_invalid() {
    String sig = khm.signCanonical(doc());
    ObjectNode tampered = doc().put("type", "decline");
    assertEquals(
        SignatureCheck.INVALID, verifier.verifyCanonical(KHM, "KHM-CMAA-1", tampered, sig));
  }

  @Test
  void verify_flippedSignatureBit_invalid() {
    byte[] sig = khm.sign(new byte[] {1, 2, 3});
    sig[10] ^= 1;
    String text = Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    assertEquals(
        SignatureCheck.INVALID, verifier.verify(KHM, "KHM-CMAA-1", new byte[] {1, 2, 3}, text));
  }

  @Test
  void verify_keyOfAnotherOrganisation_refused() {
    String sig = tha.signCanonical(doc());
    assertEquals(
        SignatureCheck.KEY_OF_ANOTHER_ORGANISATION,
        verifier.verifyCanonical(KHM, "THA-TMAC-1", doc(), sig));
  }

  @Test
  void verify_unknownKeyMissingOrMalformed_refused() {
    String sig = khm.signCanonical(doc());
    assertEquals(
        SignatureCheck.UNKNOWN_KEY, verifier.verifyCanonical(KHM, "KHM-CMAA-9", doc(), sig));
    assertEquals(SignatureCheck.MISSING, verifier.verifyCanonical(KHM, "", doc(), ""));
    assertEquals(
        SignatureCheck.MALFORMED, verifier.verifyCanonical(KHM, "KHM-CMAA-1", doc(), "!!"));
  }

  @Test
  void verify_revokedKey_refused() {
    String sig = khm.signCanonical(doc());
    registry.revoke(KeyId.of("KHM-CMAA-1"));
    assertEquals(
        SignatureCheck.REVOKED_KEY, verifier.verifyCanonical(KHM, "KHM-CMAA-1", doc(), sig));
  }
}
