package org.vansdk.transport.httpsig;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.referral.signature.OrganisationKeyRegistry;
import org.vansdk.referral.signature.RegisteredKey;
import org.vansdk.referral.signature.SignatureCheck;
import org.vansdk.referral.signature.SignatureVerifier;
import org.vansdk.transport.http.EndpointRequest;

/**
 * Checks a request's HTTP Message Signature (RFC 9421, {@code ed25519}) on the server: exactly one
 * signature; it covers {@code @method}, {@code @authority}, {@code @target-uri} (or {@code @path},
 * and {@code @query} when there is one) and, with a body, {@code content-digest} and {@code
 * content-type}; the body matches its {@code Content-Digest} (sha-256); {@code created} is within
 * the maximum age and not in the future, {@code expires} has not passed (both allowing the
 * registry's clock skew); a nonce is present and not seen before with the key; the key is listed
 * for signing requests, valid and not revoked at {@code created} ({@code
 * TrustListRegistry#forRequests()}); and the signature verifies. A handler calls {@link #verify}
 * and answers a refused request with {@link HttpSignatureResult#refusal()}.
 *
 * <p>Nonces are remembered only after the signature verifies (a forger cannot fill the cache), for
 * as long as the signature could pass the time window. Thread-safe.
 */
public final class HttpSignatureVerifier {

  private static final Set<String> PARAMS =
      Set.of("created", "expires", "nonce", "keyid", "alg", "tag");

  private final OrganisationKeyRegistry registry;
  private final Clock clock;
  private final Duration maxAge;
  private final NonceCache nonces;
  private final SignatureVerifier signatures;

  private HttpSignatureVerifier(
      OrganisationKeyRegistry registry, Clock clock, Duration maxAge, int nonceCapacity) {
    this.registry = registry;
    this.clock = clock;
    this.maxAge = maxAge;
    this.nonces = new NonceCache(nonceCapacity);
    this.signatures = new SignatureVerifier(registry);
  }

  /**
   * A verifier with a maximum age of five minutes and room for 100,000 nonces.
   *
   * @param registry the keys listed for signing requests ({@code TrustListRegistry#forRequests()})
   * @param clock the server's clock
   */
  public static HttpSignatureVerifier of(OrganisationKeyRegistry registry, Clock clock) {
    return new HttpSignatureVerifier(
        Objects.requireNonNull(registry, "registry"),
        Objects.requireNonNull(clock, "clock"),
        Duration.ofMinutes(5),
        100_000);
  }

  /**
   * A verifier like this one (with an empty nonce cache) with another maximum age and nonce room.
   *
   * @param maxAge how long after {@code created} a signature is accepted (plus the clock skew)
   * @param nonceCapacity how many nonces it remembers; more signed requests than this inside one
   *     window are refused as busy
   * @throws IllegalArgumentException if the age is not positive or the capacity is not positive
   */
  public HttpSignatureVerifier with(Duration maxAge, int nonceCapacity) {
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("maximum age must be positive, was " + maxAge);
    }
    return new HttpSignatureVerifier(registry, clock, maxAge, nonceCapacity);
  }

  /**
   * Checks the signature of a request received by a {@code MessageEndpoint}-style handler: the
   * target URI is rebuilt from the scheme the server listens on, the {@code Host} field and the
   * path. {@link EndpointRequest} carries no query, so a signed request with a query must be
   * checked with {@link #verify(SignedRequest)} and its full target. Never throws for bad input.
   *
   * @param request the request as the endpoint sees it
   * @param scheme {@code https} (or {@code http} behind a TLS-terminating proxy)
   * @param body the body the handler read (empty for none)
   */
  public HttpSignatureResult verify(EndpointRequest request, String scheme, byte[] body) {
    Optional<String> host = request.header("Host");
    URI target;
    try {
      target = new URI(scheme + "://" + host.orElse("") + request.path());
      if (host.isEmpty() || target.getRawQuery() != null || target.getRawFragment() != null) {
        return HttpSignatureResult.refused(HttpSignatureCheck.MALFORMED);
      }
    } catch (URISyntaxException e) {
      return HttpSignatureResult.refused(HttpSignatureCheck.MALFORMED);
    }
    return verify(new SignedRequest(request.method(), target, request.headers(), body));
  }

  /**
   * Checks a request on its header fields alone, before its body is read, so a server need not read
   * a large body from a caller who cannot pass: exactly one well-formed signature, {@code ed25519},
   * {@code created} and {@code expires} in the time window, a nonce, a key listed for signing
   * requests and valid at {@code created}, a body (announced by {@code Content-Length} or {@code
   * Transfer-Encoding}) covered by {@code content-digest} and {@code content-type}, and the
   * signature itself (its base covers the {@code Content-Digest} field, not the body). The request
   * must then still pass {@link #verify(SignedRequest)} with its body (the digest matches it, the
   * nonce was not seen before). Never throws for bad input; remembers no nonce.
   *
   * @param request the request with its header fields; its body is not looked at (pass an empty
   *     one)
   * @return valid, with the signing organisation and key, or the refusal
   * @since 1.0
   */
  public HttpSignatureResult screen(SignedRequest request) {
    boolean announcesBody =
        !request.header("Transfer-Encoding").isEmpty()
            || request.header("Content-Length").stream().anyMatch(v -> !v.strip().equals("0"));
    Screening checked = headerChecks(request, announcesBody);
    Parsed p = checked.parsed();
    if (p == null) {
      return checked.refusal();
    }
    Optional<HttpSignatureResult> refused = signatureRefusal(p, request);
    if (refused.isPresent()) {
      return refused.get();
    }
    return new HttpSignatureResult(
        HttpSignatureCheck.VALID,
        Optional.of(p.key.organisation()),
        Optional.of(p.kid),
        HttpSignatureCheck.VALID.title());
  }

  /** What the header checks found: the parsed signature with its listed key, or the refusal. */
  private record Screening(@Nullable Parsed parsed, HttpSignatureResult refusal) {
    static Screening refused(HttpSignatureCheck check) {
      return new Screening(null, HttpSignatureResult.refused(check));
    }
  }

  private Screening headerChecks(SignedRequest request, boolean hasBody) {
    Map<String, StructuredFields.Member> inputs;
    Map<String, StructuredFields.Member> sigs;
    List<String> inputField = request.header("Signature-Input");
    List<String> sigField = request.header("Signature");
    if (inputField.isEmpty() || sigField.isEmpty()) {
      return Screening.refused(HttpSignatureCheck.MISSING);
    }
    try {
      inputs = StructuredFields.dictionary(String.join(", ", inputField));
      sigs = StructuredFields.dictionary(String.join(", ", sigField));
    } catch (IllegalArgumentException e) {
      return Screening.refused(HttpSignatureCheck.MALFORMED);
    }
    if (inputs.size() != 1 || !inputs.keySet().equals(sigs.keySet())) {
      return Screening.refused(HttpSignatureCheck.MALFORMED);
    }
    String label = inputs.keySet().iterator().next();
    Parsed p;
    try {
      p = Parsed.of(inputs.get(label), sigs.get(label));
    } catch (IllegalArgumentException | ClassCastException e) {
      return Screening.refused(HttpSignatureCheck.MALFORMED);
    }
    if (p.alg.isPresent() && !p.alg.get().equals("ed25519")) {
      return Screening.refused(HttpSignatureCheck.UNSUPPORTED_ALGORITHM);
    }
    if (!covers(p.components, request, hasBody)) {
      return Screening.refused(HttpSignatureCheck.NOT_COVERED);
    }
    Instant now = clock.instant();
    Duration skew = registry.clockSkew();
    Instant created = Instant.ofEpochSecond(p.created);
    if (created.isAfter(now.plus(skew))
        || created.plus(maxAge).plus(skew).isBefore(now)
        || p.expires.isPresent()
            && Instant.ofEpochSecond(p.expires.get()).plus(skew).isBefore(now)) {
      return Screening.refused(HttpSignatureCheck.OUTSIDE_WINDOW);
    }
    if (p.nonce.isEmpty() || p.nonce.get().isEmpty()) {
      return Screening.refused(HttpSignatureCheck.NONCE_MISSING);
    }
    try {
      p.kid = KeyId.of(p.keyId);
    } catch (IllegalArgumentException e) {
      return Screening.refused(HttpSignatureCheck.MALFORMED);
    }
    Optional<RegisteredKey> key = registry.find(p.kid);
    if (key.isEmpty()) {
      return new Screening(null, keyRefused(SignatureCheck.UNKNOWN_KEY));
    }
    p.key = key.get();
    return new Screening(p, HttpSignatureResult.refused(HttpSignatureCheck.VALID));
  }

  /** Checks the request's signature; never throws for bad input. */
  public HttpSignatureResult verify(SignedRequest request) {
    Screening checked = headerChecks(request, request.body().length > 0);
    Parsed p = checked.parsed();
    if (p == null) {
      return checked.refusal();
    }
    if (p.components.contains("content-digest")) {
      try {
        if (request.header("Content-Digest").size() != 1
            || !ContentDigest.matches(request.header("Content-Digest").get(0), request.body())) {
          return HttpSignatureResult.refused(HttpSignatureCheck.DIGEST_MISMATCH);
        }
      } catch (IllegalArgumentException e) {
        return HttpSignatureResult.refused(HttpSignatureCheck.DIGEST_MISMATCH);
      }
    }
    Optional<HttpSignatureResult> refused = signatureRefusal(p, request);
    if (refused.isPresent()) {
      return refused.get();
    }
    KeyId kid = p.kid;
    OrganisationId owner = p.key.organisation();
    Instant now = clock.instant();
    Instant created = Instant.ofEpochSecond(p.created);
    Duration skew = registry.clockSkew();
    Instant forgetAt = created.plus(maxAge).plus(skew).plusSeconds(1);
    switch (nonces.add(kid.value(), p.nonce.get(), now, forgetAt)) {
      case SEEN:
        return HttpSignatureResult.refused(HttpSignatureCheck.REPLAYED);
      case FULL:
        return HttpSignatureResult.refused(HttpSignatureCheck.BUSY);
      default:
        return new HttpSignatureResult(
            HttpSignatureCheck.VALID,
            Optional.of(owner),
            Optional.of(kid),
            HttpSignatureCheck.VALID.title());
    }
  }

  /** Verifies the signature itself over its base (which covers the digest field, not the body). */
  private Optional<HttpSignatureResult> signatureRefusal(Parsed p, SignedRequest request) {
    String base;
    try {
      base = SignatureBase.of(request, p.components, p.signatureParams);
    } catch (IllegalArgumentException e) {
      return Optional.of(HttpSignatureResult.refused(HttpSignatureCheck.MALFORMED));
    }
    SignatureCheck check =
        signatures.verify(
            p.key.organisation(),
            p.kid.value(),
            ContentDigest.utf8(base),
            Base64.getUrlEncoder().withoutPadding().encodeToString(p.signature),
            Instant.ofEpochSecond(p.created));
    switch (check) {
      case VALID:
        return Optional.empty();
      case INVALID:
        return Optional.of(HttpSignatureResult.refused(HttpSignatureCheck.INVALID));
      case MALFORMED:
      case MISSING:
        return Optional.of(HttpSignatureResult.refused(HttpSignatureCheck.MALFORMED));
      default:
        return Optional.of(keyRefused(check));
    }
  }

  private static HttpSignatureResult keyRefused(SignatureCheck why) {
    return new HttpSignatureResult(
        HttpSignatureCheck.KEY_REFUSED, Optional.empty(), Optional.empty(), why.description());
  }

  private static boolean covers(List<String> components, SignedRequest request, boolean hasBody) {
    boolean target =
        components.contains("@target-uri")
            || components.contains("@path")
                && (request.target().getRawQuery() == null || components.contains("@query"));
    boolean body =
        !hasBody || components.contains("content-digest") && components.contains("content-type");
    return components.contains("@method") && components.contains("@authority") && target && body;
  }

  /** The parameters and value of one signature. */
  private static final class Parsed {
    List<String> components;
    String signatureParams;
    long created;
    Optional<Long> expires;
    Optional<String> nonce;
    String keyId;
    KeyId kid;
    RegisteredKey key;
    Optional<String> alg;
    byte[] signature;

    static Parsed of(StructuredFields.Member input, StructuredFields.Member signature) {
      Parsed p = new Parsed();
      p.components = new ArrayList<>();
      for (StructuredFields.Member item : input.items()) {
        if (!item.params().isEmpty()) {
          throw new IllegalArgumentException("component parameters are not supported");
        }
        p.components.add((String) item.value());
      }
      Map<String, Object> params = input.params();
      if (!PARAMS.containsAll(params.keySet())) {
        throw new IllegalArgumentException("unknown signature parameter");
      }
      if (!(params.get("created") instanceof Long) || !(params.get("keyid") instanceof String)) {
        throw new IllegalArgumentException("created and keyid are required");
      }
      p.created = (Long) params.get("created");
      p.expires = Optional.ofNullable((Long) params.get("expires"));
      p.nonce = Optional.ofNullable((String) params.get("nonce"));
      p.keyId = (String) params.get("keyid");
      p.alg = Optional.ofNullable((String) params.get("alg"));
      if (params.containsKey("tag") && !(params.get("tag") instanceof String)) {
        throw new IllegalArgumentException("tag is a string");
      }
      p.signatureParams = StructuredFields.innerList(p.components, params);
      if (!(signature.value() instanceof byte[]) || !signature.params().isEmpty()) {
        throw new IllegalArgumentException("the signature is a byte sequence");
      }
      p.signature = (byte[]) signature.value();
      return p;
    }
  }
}
