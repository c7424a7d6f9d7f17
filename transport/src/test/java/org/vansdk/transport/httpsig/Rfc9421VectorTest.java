package org.vansdk.transport.httpsig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.referral.signature.Ed25519Engine;
import org.vansdk.referral.signature.InMemoryOrganisationKeyRegistry;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.referral.signature.SigningKey;

/**
 * RFC 9421 Appendix B.2.6 ("Signing a Request Using ed25519"): the test request of Appendix B.2,
 * the key test-key-ed25519 of Appendix B.1.4, the signature base and the signature the RFC
 * publishes; and RFC 9530's Content-Digest example.
 */
class Rfc9421VectorTest {

  /** B.1.4, the PKCS#8 private key and the SPKI public key, base64 as printed in the RFC. */
  private static final String PRIVATE_PKCS8 =
      "MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF";

  private static final String PUBLIC_SPKI =
      "MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=";

  /** B.2, the test request. */
  private static final SignedRequest TEST_REQUEST =
      new SignedRequest(
          "POST",
          URI.create("https://example.com/foo?param=Value&Pet=dog"),
          Map.of(
              "Host", List.of("example.com"),
              "Date", List.of("Tue, 20 Apr 2021 02:07:55 GMT"),
              "Content-Type", List.of("application/json"),
              "Content-Digest",
                  List.of(
                      "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyea"
                          + "ldVLvRwEmTHWXvJwew==:"),
              "Content-Length", List.of("18")),
          "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8));

  private static final String SIGNATURE_INPUT =
      "sig-b26=(\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\" \"content-length\")"
          + ";created=1618884473;keyid=\"test-key-ed25519\"";

  private static final String SIGNATURE =
      "sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:";

  /** B.2.6, the signature base (without the RFC 8792 line wrapping). */
  private static final String BASE =
      "\"date\": Tue, 20 Apr 2021 02:07:55 GMT\n"
          + "\"@method\": POST\n"
          + "\"@path\": /foo\n"
          + "\"@authority\": example.com\n"
          + "\"content-type\": application/json\n"
          + "\"content-length\": 18\n"
          + "\"@signature-params\": (\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\""
          + " \"content-length\");created=1618884473;keyid=\"test-key-ed25519\"";

  private static byte[] tail32(String base64) {
    byte[] der = Base64.getDecoder().decode(base64);
    return Arrays.copyOfRange(der, der.length - 32, der.length);
  }

  private static StructuredFields.Member input() {
    return StructuredFields.dictionary(SIGNATURE_INPUT).get("sig-b26");
  }

  private static String base() {
    List<String> components = input().items().stream().map(i -> (String) i.value()).toList();
    return SignatureBase.of(
        TEST_REQUEST, components, StructuredFields.innerList(components, input().params()));
  }

  @Test
  void signatureBase_isTheRfcs() {
    assertEquals(BASE, base());
  }

  @Test
  void rfcSignature_verifiesWithTheRfcKey_onBothEngines() {
    byte[] signature = (byte[]) StructuredFields.dictionary(SIGNATURE).get("sig-b26").value();
    byte[] base = base().getBytes(StandardCharsets.UTF_8);
    for (Ed25519Engine engine : List.of(Ed25519Engine.jdk(), Ed25519Engine.preferred())) {
      assertTrue(engine.verify(tail32(PUBLIC_SPKI), base, signature), engine.name());
      byte[] altered = base.clone();
      altered[base.length - 3] ^= 1;
      assertFalse(engine.verify(tail32(PUBLIC_SPKI), altered, signature), engine.name());
    }
  }

  @Test
  void signingTheBase_withTheRfcPrivateKey_givesTheRfcSignature() {
    SigningKey key = SigningKey.fromRaw(KeyId.of("test-key-ed25519"), tail32(PRIVATE_PKCS8));
    assertArrayEquals(tail32(PUBLIC_SPKI), key.rawPublicKey());
    byte[] expected = (byte[]) StructuredFields.dictionary(SIGNATURE).get("sig-b26").value();
    assertArrayEquals(expected, key.sign(base().getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theRfcRequest_failsOurProfile_whichAsksForMore() {
    InMemoryOrganisationKeyRegistry registry =
        new InMemoryOrganisationKeyRegistry()
            .register(
                OrganisationId.parse("KHM-TEST-HQ"),
                SigningKey.fromRaw(KeyId.of("test-key-ed25519"), tail32(PRIVATE_PKCS8)));
    Clock at = Clock.fixed(Instant.ofEpochSecond(1618884473L), ZoneOffset.UTC);
    Map<String, List<String>> headers = new java.util.HashMap<>(TEST_REQUEST.headers());
    headers.put("Signature-Input", List.of(SIGNATURE_INPUT));
    headers.put("Signature", List.of(SIGNATURE));
    SignedRequest signed =
        new SignedRequest("POST", TEST_REQUEST.target(), headers, TEST_REQUEST.body());
    // no @query although the target has one, no content-digest although there is a body
    assertEquals(
        HttpSignatureCheck.NOT_COVERED,
        HttpSignatureVerifier.of(registry, at).verify(signed).check());
  }

  @Test
  void contentDigest_rfc9530Example() {
    byte[] body = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);
    assertEquals("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:", ContentDigest.of(body));
    assertTrue(ContentDigest.matches(ContentDigest.of(body), body));
    assertFalse(ContentDigest.matches(TEST_REQUEST.header("Content-Digest").get(0), body));
  }
}
