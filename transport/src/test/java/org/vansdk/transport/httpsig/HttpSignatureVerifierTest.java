package org.vansdk.transport.httpsig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.referral.signature.SignatureCheck;
import org.vansdk.referral.signature.SigningKey;
import org.vansdk.testkit.time.MutableClock;
import org.vansdk.transport.http.EndpointResponse;
import org.vansdk.transport.trust.KeyUse;
import org.vansdk.transport.trust.TrustFixtures;
import org.vansdk.transport.trust.TrustList;
import org.vansdk.transport.trust.TrustListRegistry;
import org.vansdk.transport.trust.TrustedKey;

/** Signer and verifier over a trust list: the round trip, tampering, replay, window and keys. */
class HttpSignatureVerifierTest {

  static final OrganisationId KHM = OrganisationId.parse("KHM-CMAA-HQ");
  static final SigningKey REQUESTS = TrustFixtures.key("KHM-CMAA-HTTP-01", 31);
  static final SigningKey MESSAGES_ONLY = TrustFixtures.key("KHM-CMAA-MSG-01", 32);
  static final SigningKey REVOKED = TrustFixtures.key("KHM-CMAA-HTTP-00", 33);
  static final Instant T0 = TrustFixtures.T0;
  static final Instant REVOKED_AT = T0.minus(Duration.ofHours(1));
  static final URI MAILBOX = URI.create("https://hub.example:8443/van/v1/mailbox?after=42");
  static final byte[] BODY = "{\"release\":1}".getBytes(StandardCharsets.UTF_8);

  static TrustListRegistry trust() {
    TrustList list =
        TrustList.draft(TrustFixtures.NETWORK, T0)
            .withOrganisation(
                TrustFixtures.organisation(
                    KHM,
                    "CMAA",
                    TrustFixtures.listed(REQUESTS),
                    TrustedKey.of(
                        MESSAGES_ONLY.keyId(),
                        MESSAGES_ONLY.rawPublicKey(),
                        T0.minus(Duration.ofDays(1)),
                        T0.plus(Duration.ofDays(30)),
                        EnumSet.of(KeyUse.SIGN_MESSAGES)),
                    TrustFixtures.listed(REVOKED).withRevocation(REVOKED_AT)),
                T0)
            .signedBy(TrustFixtures.OPERATOR);
    TrustListRegistry r = TrustListRegistry.of(TrustFixtures.pinned(), TrustFixtures.NETWORK);
    r.accept(list);
    return r;
  }

  private final MutableClock clock = MutableClock.of(T0);
  private final HttpSignatureVerifier verifier =
      HttpSignatureVerifier.of(trust().forRequests(), clock);

  /** One seeded source for every signer of a test: nonces differ and runs repeat. */
  private final SecureRandom nonces = seeded(7);

  static SecureRandom seeded(long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return r;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpSigner signer(SigningKey key) {
    return HttpSigner.of(key, clock, nonces);
  }

  private static SignedRequest request(
      String method, URI target, Map<String, String> fields, byte[] body) {
    Map<String, List<String>> headers = new HashMap<>();
    fields.forEach((k, v) -> headers.put(k, List.of(v)));
    return new SignedRequest(method, target, headers, body);
  }

  private SignedRequest signedPost(SigningKey key) {
    return request(
        "POST", MAILBOX, signer(key).headers("POST", MAILBOX, "application/json", BODY), BODY);
  }

  private static SignedRequest withHeader(SignedRequest r, String name, String value) {
    Map<String, List<String>> h = new HashMap<>(r.headers());
    h.put(name, List.of(value));
    return new SignedRequest(r.method(), r.target(), h, r.body());
  }

  private HttpSignatureCheck check(SignedRequest r) {
    return verifier.verify(r).check();
  }

  @Test
  void signedPost_andGet_verify_withTheSigner() {
    HttpSignatureResult post = verifier.verify(signedPost(REQUESTS));
    assertTrue(post.isValid(), post.toString());
    assertEquals(KHM, post.organisation().orElseThrow());
    assertEquals(REQUESTS.keyId(), post.keyId().orElseThrow());
    SignedRequest get =
        request(
            "GET", MAILBOX, signer(REQUESTS).headers("GET", MAILBOX, "", new byte[0]), new byte[0]);
    assertEquals(HttpSignatureCheck.VALID, check(get));
  }

  @Test
  void tampering_anyCoveredPart_refused() {
    SignedRequest r = signedPost(REQUESTS);
    Map<String, UnaryOperator<SignedRequest>> tamperings = new java.util.LinkedHashMap<>();
    tamperings.put("method", x -> new SignedRequest("PUT", x.target(), x.headers(), x.body()));
    tamperings.put(
        "query",
        x ->
            new SignedRequest(
                x.method(), URI.create("https://hub.example:8443/van/v1/mailbox?after=0"),
                x.headers(), x.body()));
    tamperings.put(
        "authority",
        x ->
            new SignedRequest(
                x.method(), URI.create("https://other.example:8443/van/v1/mailbox?after=42"),
                x.headers(), x.body()));
    tamperings.put("content-type", x -> withHeader(x, "Content-Type", "text/plain"));
    tamperings.put(
        "expires parameter",
        x ->
            withHeader(
                x,
                "Signature-Input",
                x.header("Signature-Input").get(0).replaceFirst(";expires=\\d+", ";expires=1")));
    tamperings.put(
        "signature",
        x -> {
          String s = x.header("Signature").get(0);
          int i = s.indexOf(':') + 5;
          char c = s.charAt(i) == 'A' ? 'B' : 'A';
          return withHeader(x, "Signature", s.substring(0, i) + c + s.substring(i + 1));
        });
    for (Map.Entry<String, UnaryOperator<SignedRequest>> t : tamperings.entrySet()) {
      HttpSignatureCheck c = check(t.getValue().apply(r));
      assertTrue(
          c == HttpSignatureCheck.INVALID || c == HttpSignatureCheck.OUTSIDE_WINDOW,
          t.getKey() + " gave " + c);
    }
    SignedRequest otherBody =
        new SignedRequest(
            r.method(),
            r.target(),
            r.headers(),
            "{\"release\":2}".getBytes(StandardCharsets.UTF_8));
    assertEquals(HttpSignatureCheck.DIGEST_MISMATCH, check(otherBody));
    assertEquals(HttpSignatureCheck.VALID, check(r), "the untouched request still verifies");
  }

  @Test
  void replay_refused_untilTheWindowHasPassed_thenTooOld() {
    SignedRequest r = signedPost(REQUESTS);
    assertEquals(HttpSignatureCheck.VALID, check(r));
    assertEquals(HttpSignatureCheck.REPLAYED, check(r));
    clock.set(T0.plus(Duration.ofMinutes(30)));
    assertEquals(HttpSignatureCheck.OUTSIDE_WINDOW, check(r));
  }

  @Test
  void window_futureBeyondSkew_andExpired_refused() {
    clock.set(T0.plus(Duration.ofMinutes(10)));
    SignedRequest future = signedPost(REQUESTS);
    clock.set(T0);
    assertEquals(HttpSignatureCheck.OUTSIDE_WINDOW, check(future));
    clock.set(T0.plus(Duration.ofMinutes(4)));
    SignedRequest skewed = signedPost(REQUESTS);
    clock.set(T0);
    assertEquals(HttpSignatureCheck.VALID, check(skewed), "4 min ahead: inside the 5 min skew");
    SignedRequest shortLived =
        request(
            "POST",
            MAILBOX,
            signer(REQUESTS)
                .withValidity(Duration.ofSeconds(10))
                .headers("POST", MAILBOX, "application/json", BODY),
            BODY);
    clock.set(T0.plus(Duration.ofMinutes(5)).plusSeconds(11));
    assertEquals(HttpSignatureCheck.OUTSIDE_WINDOW, check(shortLived));
  }

  @Test
  void keys_unknown_notForRequests_revoked_refusedWithTheReason() {
    HttpSignatureResult messages = verifier.verify(signedPost(MESSAGES_ONLY));
    assertEquals(HttpSignatureCheck.KEY_REFUSED, messages.check());
    assertEquals(SignatureCheck.UNKNOWN_KEY.description(), messages.detail());
    HttpSignatureResult revoked = verifier.verify(signedPost(REVOKED));
    assertEquals(HttpSignatureCheck.KEY_REFUSED, revoked.check());
    assertEquals(SignatureCheck.REVOKED_KEY.description(), revoked.detail());
    clock.set(REVOKED_AT.minusSeconds(60));
    assertEquals(HttpSignatureCheck.VALID, check(signedPost(REVOKED)), "signed before revocation");
  }

  @Test
  void malformedMissingAndOtherAlgorithms_refused() {
    SignedRequest r = signedPost(REQUESTS);
    Map<String, List<String>> none = new HashMap<>(r.headers());
    none.remove("Signature");
    assertEquals(
        HttpSignatureCheck.MISSING,
        check(new SignedRequest(r.method(), r.target(), none, r.body())));
    assertEquals(
        HttpSignatureCheck.MALFORMED, check(withHeader(r, "Signature-Input", "sig=(\"@method\"")));
    assertEquals(HttpSignatureCheck.MALFORMED, check(withHeader(r, "Signature", "other=:AAAA:")));
    String input = r.header("Signature-Input").get(0);
    assertEquals(
        HttpSignatureCheck.UNSUPPORTED_ALGORITHM,
        check(withHeader(r, "Signature-Input", input.replace("\"ed25519\"", "\"hmac-sha256\""))));
    assertEquals(
        HttpSignatureCheck.NONCE_MISSING,
        check(withHeader(r, "Signature-Input", input.replaceFirst(";nonce=\"[^\"]*\"", ""))));
    assertEquals(
        HttpSignatureCheck.NOT_COVERED,
        check(withHeader(r, "Signature-Input", input.replace(" \"content-digest\"", ""))));
    assertEquals(
        HttpSignatureCheck.MALFORMED,
        check(withHeader(r, "Signature-Input", input + ";colour=\"red\"")));
  }

  @Test
  void nonceCache_full_refusesAsBusy_untilNoncesExpire() {
    HttpSignatureVerifier small =
        HttpSignatureVerifier.of(trust().forRequests(), clock).with(Duration.ofMinutes(1), 2);
    assertTrue(small.verify(signedPost(REQUESTS)).isValid());
    assertTrue(small.verify(signedPost(REQUESTS)).isValid());
    HttpSignatureResult busy = small.verify(signedPost(REQUESTS));
    assertEquals(HttpSignatureCheck.BUSY, busy.check());
    assertEquals(503, busy.refusal().status());
    clock.set(T0.plus(Duration.ofMinutes(7)));
    assertTrue(small.verify(signedPost(REQUESTS)).isValid(), "old nonces forgotten");
  }

  @Test
  void refusal_isAProblemDocument_withTheCode_andNoInputText() {
    SignedRequest r = withHeader(signedPost(REQUESTS), "Content-Type", "text/planted-secret");
    EndpointResponse answer = verifier.verify(r).refusal();
    assertEquals(401, answer.status());
    String body = new String(answer.body(), StandardCharsets.UTF_8);
    assertTrue(body.contains(HttpSignatureErrors.INVALID.value()), body);
    assertFalse(body.contains("planted"), body);
    assertEquals("application/problem+json", answer.headers().get("Content-Type"));
  }

  private static SignedRequest headersOnly(SignedRequest r) {
    Map<String, List<String>> h = new HashMap<>(r.headers());
    h.put("Content-Length", List.of(Integer.toString(r.body().length)));
    return new SignedRequest(r.method(), r.target(), h, new byte[0]);
  }

  @Test
  void screen_onHeaderFieldsAlone_knowsTheSigner_andLeavesTheNonceToVerify() {
    SignedRequest r = signedPost(REQUESTS);
    HttpSignatureResult screened = verifier.screen(headersOnly(r));
    assertTrue(screened.isValid(), screened.toString());
    assertEquals(KHM, screened.organisation().orElseThrow());
    // screening remembers no nonce: the request with its body still verifies, once
    assertEquals(HttpSignatureCheck.VALID, check(withHeader(r, "Content-Length", "13")));
    assertEquals(HttpSignatureCheck.REPLAYED, check(r));
  }

  @Test
  void screen_refusesWhatCannotPass_beforeTheBody() {
    SignedRequest r = signedPost(REQUESTS);
    // a signature made by another key under this key's id
    SignedRequest forged = signedPost(MESSAGES_ONLY);
    String input = forged.header("Signature-Input").get(0);
    SignedRequest claimed =
        withHeader(
            forged,
            "Signature-Input",
            input.replace(MESSAGES_ONLY.keyId().value(), REQUESTS.keyId().value()));
    assertEquals(HttpSignatureCheck.INVALID, verifier.screen(headersOnly(claimed)).check());
    // a key not listed for requests, a revoked one
    assertEquals(
        HttpSignatureCheck.KEY_REFUSED,
        verifier.screen(headersOnly(signedPost(MESSAGES_ONLY))).check());
    assertEquals(
        HttpSignatureCheck.KEY_REFUSED, verifier.screen(headersOnly(signedPost(REVOKED))).check());
    // a body announced but not covered by the digest
    SignedRequest get =
        request(
            "GET", MAILBOX, signer(REQUESTS).headers("GET", MAILBOX, "", new byte[0]), new byte[0]);
    assertEquals(
        HttpSignatureCheck.NOT_COVERED,
        verifier.screen(withHeader(get, "Content-Length", "1000000")).check());
    assertEquals(
        HttpSignatureCheck.NOT_COVERED,
        verifier.screen(withHeader(get, "Transfer-Encoding", "chunked")).check());
    // outside the window
    clock.advance(Duration.ofHours(1));
    assertEquals(HttpSignatureCheck.OUTSIDE_WINDOW, verifier.screen(headersOnly(r)).check());
  }
}
