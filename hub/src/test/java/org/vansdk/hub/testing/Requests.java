package org.vansdk.hub.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.hub.web.Caller;
import org.vansdk.hub.web.Role;
import org.vansdk.transport.http.EndpointRequest;

/** Requests and callers for the hub's tests. */
public final class Requests {
  private Requests() {}

  /** A focal point of a country. */
  public static Caller focalPoint(String country) {
    return new Caller(
        Optional.of(OrganisationId.parse(country + "-FP-org")),
        Optional.of(country),
        Set.of(Role.ORGANISATION, Role.FOCAL_POINT));
  }

  /** A request with a JSON body (empty body when {@code json} is empty). */
  public static EndpointRequest request(String method, String pathAndQuery, String json) {
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
    Map<String, List<String>> headers =
        json.isEmpty() ? Map.of() : Map.of("Content-Type", List.of("application/json"));
    return new EndpointRequest(
        method,
        path,
        query,
        headers,
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
