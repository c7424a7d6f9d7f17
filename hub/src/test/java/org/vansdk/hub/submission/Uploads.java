package org.vansdk.hub.submission;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vansdk.anonymisation.policy.AnonymisationPolicy;
import org.vansdk.anonymisation.profile.RegionalSharingProfile;
import org.vansdk.anonymisation.profile.Release;
import org.vansdk.anonymisation.pseudonym.InMemoryKeyProvider;
import org.vansdk.anonymisation.pseudonym.PseudonymKey;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.place.CountryCode;
import org.vansdk.hub.web.Caller;
import org.vansdk.hub.web.HubFeature;
import org.vansdk.hub.web.HubPaths;
import org.vansdk.hub.web.HubRequest;
import org.vansdk.hub.web.Role;
import org.vansdk.hub.web.Route;
import org.vansdk.testkit.population.PopulationGenerator;
import org.vansdk.testkit.population.PopulationSpec;
import org.vansdk.transport.http.EndpointRequest;
import org.vansdk.transport.http.EndpointResponse;

/** Requests to the submission and figures routes, and the releases they carry, for the tests. */
public final class Uploads {
  private Uploads() {}

  /**
   * A testkit population of a country de-identified by the regional sharing profile, with a key
   * derived from the seed.
   */
  public static Release release(CountryCode country, int casualties, long seed) {
    AnonymisationPolicy policy = AnonymisationPolicy.regionalDefault();
    byte[] secret = new byte[PseudonymKey.MINIMUM_BYTES];
    new java.util.Random(seed).nextBytes(secret); // a test key: the same release for a seed
    InMemoryKeyProvider keys =
        InMemoryKeyProvider.empty()
            .add(PseudonymKey.of(policy.purpose(), policy.recipient(), 1, secret));
    return RegionalSharingProfile.of(policy, keys, Clock.systemUTC())
        .apply(
            PopulationGenerator.of(
                    PopulationSpec.builder()
                        .country(country)
                        .casualties(casualties)
                        .seed(seed)
                        .build())
                .toSubmission());
  }

  /** The focal point of a country. */
  public static Caller focalPoint(String country) {
    return new Caller(
        Optional.of(OrganisationId.parse(country + "-NFP-HUB")),
        Optional.of(country),
        Set.of(Role.FOCAL_POINT, Role.ORGANISATION));
  }

  /** The network operator. */
  public static Caller operator() {
    return new Caller(
        Optional.of(OrganisationId.parse("IDN-OPS-HUB")),
        Optional.of("IDN"),
        Set.of(Role.OPERATOR));
  }

  /** A request with a body. */
  public static HubRequest request(
      Caller caller,
      String method,
      String id,
      String query,
      String mediaType,
      InputStream body,
      Map<String, List<String>> extraHeaders) {
    Map<String, List<String>> headers = new java.util.HashMap<>(extraHeaders);
    headers.put("Content-Type", List.of(mediaType));
    return new HubRequest(
        new EndpointRequest(method, HubPaths.SUBMISSIONS + "/" + id, query, headers, body),
        caller,
        Map.of("id", id));
  }

  /** {@code PUT} of an NDJSON body. */
  public static HubRequest put(Caller caller, String id, boolean dryRun, String ndjson) {
    return request(
        caller,
        "PUT",
        id,
        "dryRun=" + dryRun,
        SubmissionFeature.NDJSON,
        new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)),
        Map.of());
  }

  /** {@code GET} of a receipt. */
  public static HubRequest get(Caller caller, String id) {
    return request(
        caller, "GET", id, "", "application/json", InputStream.nullInputStream(), Map.of());
  }

  /** {@code POST {id}:approve}. */
  public static HubRequest approve(Caller caller, String id) {
    return request(
        caller,
        "POST",
        id + ":approve",
        "",
        "application/json",
        InputStream.nullInputStream(),
        Map.of());
  }

  /** A {@code GET} of a figures route with a query. */
  public static HubRequest figures(String path, String query) {
    return new HubRequest(
        new EndpointRequest("GET", path, query, Map.of(), InputStream.nullInputStream()),
        Caller.anonymous(),
        Map.of());
  }

  /** Answers a request with the feature's route of the request's method and path. */
  public static EndpointResponse call(HubFeature feature, HubRequest request) {
    for (Route r : feature.routes()) {
      if (r.method().equals(request.request().method())
          && r.segments().size() == request.request().path().substring(1).split("/").length
          && (r.pathTemplate().contains("{")
              || r.pathTemplate().equals(request.request().path()))) {
        return r.handler().handle(request);
      }
    }
    throw new AssertionError("no route for " + request.request().method());
  }

  /** A stream that gives the first bytes of a text, then breaks as a cut connection does. */
  public static InputStream breaking(String text, int after) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new InputStream() {
      private int position;

      @Override
      public int read() throws IOException {
        if (position >= after) {
          throw new IOException("connection reset");
        }
        return bytes[position++] & 0xff;
      }
    };
  }
}
