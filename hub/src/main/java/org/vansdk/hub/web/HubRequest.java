package org.vansdk.hub.web;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.vansdk.transport.http.EndpointRequest;

/**
 * A request as a route handler sees it: the request, the authenticated caller and the values of the
 * path template's {@code {name}} segments. Immutable (the body stream is read once).
 *
 * @param request the request
 * @param caller who sent it
 * @param pathParameters the path template's named segments, decoded
 * @since 1.0
 */
public record HubRequest(
    EndpointRequest request, Caller caller, Map<String, String> pathParameters) {

  /** Copies the path parameters. */
  public HubRequest {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(caller, "caller");
    pathParameters = Map.copyOf(pathParameters);
  }

  /** A named path segment of the template; the route's template guarantees its presence. */
  public String pathParameter(String name) {
    String value = pathParameters.get(name);
    if (value == null) {
      throw new IllegalArgumentException("the route has no path parameter " + name);
    }
    return value;
  }

  /** The single value of a query parameter, if given. */
  public Optional<String> query(String name) {
    return request.queryParameter(name);
  }
}
