package org.vansdk.transport.httpsig;

import java.net.URI;
import java.net.http.HttpRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vansdk.referral.signature.SigningKey;

/**
 * Signs requests that carry no signed message with an organisation's key (RFC 9421, {@code
 * ed25519}, label {@code sig}): it covers {@code @method}, {@code @target-uri} and {@code
 * @authority} and, when there is a body, {@code content-digest} (RFC 9530 sha-256, added here) and
 * {@code content-type}; the parameters are {@code created}, {@code expires}, a fresh {@code nonce},
 * {@code keyid} and {@code alg}. Use {@link #request} to build a signed request for the JDK {@code
 * HttpClient}, or {@link #headers} to add the fields to a request of any client. Thread-safe.
 */
public final class HttpSigner {

  /** The signature label this signer writes. */
  public static final String LABEL = "sig";

  private final SigningKey key;
  private final Clock clock;
  private final SecureRandom random;
  private final Duration validity;

  private HttpSigner(SigningKey key, Clock clock, SecureRandom random, Duration validity) {
    this.key = key;
    this.clock = clock;
    this.random = random;
    this.validity = validity;
  }

  /**
   * A signer whose signatures expire one minute after they are made.
   *
   * @param key the organisation's key, listed in the trust list for {@code sign_requests}
   * @param clock the clock {@code created} is read from
   * @param random the source of nonces
   */
  public static HttpSigner of(SigningKey key, Clock clock, SecureRandom random) {
    return new HttpSigner(
        Objects.requireNonNull(key, "key"),
        Objects.requireNonNull(clock, "clock"),
        Objects.requireNonNull(random, "random"),
        Duration.ofMinutes(1));
  }

  /**
   * This signer with another lifetime for its signatures ({@code expires - created}).
   *
   * @throws IllegalArgumentException if it is shorter than a second
   */
  public HttpSigner withValidity(Duration validity) {
    if (validity.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("signature validity must be at least a second");
    }
    return new HttpSigner(key, clock, random, validity);
  }

  /**
   * The header fields that sign a request, in the order to add them: {@code Content-Digest} (when
   * there is a body), {@code Signature-Input}, {@code Signature}.
   *
   * @param method the method, e.g. {@code POST}
   * @param target the absolute target URI
   * @param contentType the body's media type; ignored (and may be empty) when there is no body
   * @param body the body, empty for none
   */
  public Map<String, String> headers(String method, URI target, String contentType, byte[] body) {
    Map<String, String> fields = new LinkedHashMap<>();
    List<String> components = new ArrayList<>(List.of("@method", "@target-uri", "@authority"));
    if (body.length > 0) {
      if (contentType.isEmpty()) {
        throw new IllegalArgumentException("a request with a body needs a content type");
      }
      fields.put("Content-Digest", ContentDigest.of(body));
      fields.put("Content-Type", contentType);
      components.add("content-digest");
      components.add("content-type");
    }
    long created = clock.instant().getEpochSecond();
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("created", created);
    params.put("expires", created + validity.toSeconds());
    params.put("nonce", Base64.getUrlEncoder().withoutPadding().encodeToString(nonce));
    params.put("keyid", key.keyId().value());
    params.put("alg", "ed25519");
    String signatureParams = StructuredFields.innerList(components, params);
    SignedRequest request =
        new SignedRequest(
            method,
            target,
            Map.of(
                "content-digest", List.of(fields.getOrDefault("Content-Digest", "")),
                "content-type", List.of(contentType)),
            body);
    byte[] signature =
        key.sign(ContentDigest.utf8(SignatureBase.of(request, components, signatureParams)));
    fields.put("Signature-Input", LABEL + "=" + signatureParams);
    fields.put("Signature", LABEL + "=:" + Base64.getEncoder().encodeToString(signature) + ":");
    return fields;
  }

  /**
   * A signed request for the JDK {@code HttpClient}.
   *
   * @param method the method, e.g. {@code POST} or {@code GET}
   * @param target the absolute target URI
   * @param contentType the body's media type (ignored without a body)
   * @param body the body, empty for none
   */
  public HttpRequest request(String method, URI target, String contentType, byte[] body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(target)
            .method(
                method,
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    headers(method, target, contentType, body).forEach(b::header);
    return b.build();
  }

  @Override
  public String toString() {
    return "HttpSigner[" + key.keyId() + "]";
  }
}
