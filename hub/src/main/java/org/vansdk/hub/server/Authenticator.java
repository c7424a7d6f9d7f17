package org.vansdk.hub.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.hub.web.Caller;
import org.vansdk.hub.web.Role;
import org.vansdk.referral.signature.OrganisationKeyRegistry;
import org.vansdk.transport.http.EndpointRequest;
import org.vansdk.transport.http.EndpointResponse;
import org.vansdk.transport.httpsig.HttpSignatureCheck;
import org.vansdk.transport.httpsig.HttpSignatureResult;
import org.vansdk.transport.httpsig.HttpSignatureVerifier;
import org.vansdk.transport.httpsig.SignedRequest;
import org.vansdk.transport.trust.TrustList;
import org.vansdk.transport.trust.TrustedOrganisation;

/**
 * Establishes who sent a request. A request without {@code Signature-Input} and {@code Signature}
 * is an anonymous reader; a signed one must pass transport's RFC 9421 verifier (covered components,
 * time window, nonce, a request-signing key of the trust list) against the full target URI, query
 * included, or it is refused outright: a bad signature is never downgraded to a reader. A valid
 * signer is an organisation, plus the roles the configuration assigns it. Thread-safe.
 */
final class Authenticator {

  /** What {@link #authenticate} found: a caller, or the refusal to answer. */
  record Outcome(Optional<Caller> caller, Optional<EndpointResponse> refusal) {}

  private final HttpSignatureVerifier verifier;
  private final Supplier<TrustList> trustList;
  private final RoleAssignments assignments;
  private final String scheme;

  Authenticator(
      OrganisationKeyRegistry requestKeys,
      Supplier<TrustList> trustList,
      RoleAssignments assignments,
      String scheme,
      Clock clock) {
    this.verifier = HttpSignatureVerifier.of(requestKeys, clock);
    this.trustList = trustList;
    this.assignments = assignments;
    this.scheme = scheme;
  }

  /** Whether a request carries an HTTP Message Signature (it is not an anonymous reader). */
  static boolean signed(EndpointRequest request) {
    return request.header("Signature-Input").isPresent() || request.header("Signature").isPresent();
  }

  /**
   * Authenticates a signed request on its header fields before its body is read: the signature is
   * checked over its base, which covers the {@code Content-Digest} field rather than the body, so a
   * caller who cannot pass (malformed, outside the time window, a key not listed, a bad signature)
   * is refused and one who can is known, with its roles, before the hub reads a possibly large
   * body. {@link #authenticate} must still be called with the body (digest, nonce).
   *
   * @return the caller, or the refusal
   */
  Outcome screen(EndpointRequest request) {
    Optional<URI> target = target(request);
    if (target.isEmpty()) {
      return refused(HttpSignatureCheck.MALFORMED);
    }
    HttpSignatureResult result =
        verifier.screen(
            new SignedRequest(request.method(), target.get(), request.headers(), new byte[0]));
    return result.isValid()
        ? caller(result.organisation().orElseThrow())
        : new Outcome(Optional.empty(), Optional.of(result.refusal()));
  }

  private Optional<URI> target(EndpointRequest request) {
    try {
      String host = request.header("Host").orElse("");
      URI target =
          new URI(
              scheme
                  + "://"
                  + host
                  + request.path()
                  + (request.query().isEmpty() ? "" : "?" + request.query()));
      if (host.isEmpty() || target.getRawFragment() != null) {
        return Optional.empty();
      }
      return Optional.of(target);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  Outcome authenticate(EndpointRequest request, byte[] body) {
    if (!signed(request)) {
      return new Outcome(Optional.of(Caller.anonymous()), Optional.empty());
    }
    Optional<URI> target = target(request);
    if (target.isEmpty()) {
      return refused(HttpSignatureCheck.MALFORMED);
    }
    HttpSignatureResult result =
        verifier.verify(new SignedRequest(request.method(), target.get(), request.headers(), body));
    if (!result.isValid()) {
      return new Outcome(Optional.empty(), Optional.of(result.refusal()));
    }
    return caller(result.organisation().orElseThrow());
  }

  private Outcome caller(OrganisationId who) {
    Optional<TrustedOrganisation> listed = trustList.get().organisation(who);
    if (listed.isEmpty()) {
      return refused(HttpSignatureCheck.KEY_REFUSED);
    }
    String country = listed.get().country();
    Set<Role> roles = EnumSet.of(Role.ORGANISATION);
    if (assignments.operators().contains(who)) {
      roles.add(Role.OPERATOR);
    }
    if (country.equals(assignments.focalPoints().get(who))) {
      roles.add(Role.FOCAL_POINT);
    }
    return new Outcome(
        Optional.of(new Caller(Optional.of(who), Optional.of(country), roles)), Optional.empty());
  }

  private static Outcome refused(HttpSignatureCheck check) {
    return new Outcome(
        Optional.empty(),
        Optional.of(
            new HttpSignatureResult(check, Optional.empty(), Optional.empty(), check.title())
                .refusal()));
  }
}
