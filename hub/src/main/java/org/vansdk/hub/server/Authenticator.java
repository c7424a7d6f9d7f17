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

  Outcome authenticate(EndpointRequest request, byte[] body) {
    if (request.header("Signature-Input").isEmpty() && request.header("Signature").isEmpty()) {
      return new Outcome(Optional.of(Caller.anonymous()), Optional.empty());
    }
    URI target;
    try {
      String host = request.header("Host").orElse("");
      target =
          new URI(
              scheme
                  + "://"
                  + host
                  + request.path()
                  + (request.query().isEmpty() ? "" : "?" + request.query()));
      if (host.isEmpty() || target.getRawFragment() != null) {
        return refused(HttpSignatureCheck.MALFORMED);
      }
    } catch (URISyntaxException e) {
      return refused(HttpSignatureCheck.MALFORMED);
    }
    HttpSignatureResult result =
        verifier.verify(new SignedRequest(request.method(), target, request.headers(), body));
    if (!result.isValid()) {
      return new Outcome(Optional.empty(), Optional.of(result.refusal()));
    }
    OrganisationId who = result.organisation().orElseThrow();
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
