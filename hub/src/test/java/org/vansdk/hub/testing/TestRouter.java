package org.vansdk.hub.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vansdk.core.ErrorCode;
import org.vansdk.hub.web.Caller;
import org.vansdk.hub.web.HubException;
import org.vansdk.hub.web.HubFeature;
import org.vansdk.hub.web.HubRequest;
import org.vansdk.hub.web.Route;
import org.vansdk.transport.http.EndpointRequest;
import org.vansdk.transport.http.EndpointResponse;
import org.vansdk.transport.http.HttpEndpoint;

/**
 * A small router for this branch's tests, until the hub's own server (built beside it) mounts the
 * features: matches a route by method and path template, checks the caller's roles, and answers a
 * {@link HubException} as a problem document. Every request served over HTTP is anonymous.
 */
public final class TestRouter implements HttpEndpoint {
  private final List<Route> routes = new ArrayList<>();

  /** Mounts the routes of the features. */
  public TestRouter(List<? extends HubFeature> features) {
    features.forEach(f -> routes.addAll(f.routes()));
  }

  /** Mounts one more route. */
  public TestRouter with(Route route) {
    routes.add(route);
    return this;
  }

  @Override
  public EndpointResponse handle(EndpointRequest request) {
    return handle(request, Caller.anonymous());
  }

  /** Answers a request from the given caller. */
  public EndpointResponse handle(EndpointRequest request, Caller caller) {
    List<String> path =
        request.path().equals("/") ? List.of() : List.of(request.path().substring(1).split("/"));
    boolean pathMatched = false;
    for (Route route : routes) {
      Map<String, String> parameters = match(route.segments(), path);
      if (parameters == null) {
        continue;
      }
      pathMatched = true;
      if (!route.method().equals(request.method())) {
        continue;
      }
      if (route.roles().stream().noneMatch(caller::has)) {
        return problem(403, ErrorCode.of("VAN-H-0003"), "the caller's roles do not allow this");
      }
      try {
        return route.handler().handle(new HubRequest(request, caller, parameters));
      } catch (HubException e) {
        return problem(e.status(), e.code(), e.getMessage());
      }
    }
    return pathMatched
        ? problem(405, ErrorCode.of("VAN-H-0002"), "method not allowed")
        : problem(404, ErrorCode.of("VAN-H-0001"), "no route");
  }

  private static Map<String, String> match(List<String> template, List<String> path) {
    if (template.size() != path.size()) {
      return null;
    }
    Map<String, String> parameters = new HashMap<>();
    for (int i = 0; i < template.size(); i++) {
      String t = template.get(i);
      if (t.startsWith("{")) {
        parameters.put(t.substring(1, t.length() - 1), path.get(i));
      } else if (!t.equals(path.get(i))) {
        return null;
      }
    }
    return parameters;
  }

  private static EndpointResponse problem(int status, ErrorCode code, String title) {
    String body =
        "{\"type\":\"urn:vansdk:error:"
            + code.value()
            + "\",\"title\":"
            + quote(title)
            + ",\"status\":"
            + status
            + ",\"code\":\""
            + code.value()
            + "\"}";
    return new EndpointResponse(
        status,
        Map.of("Content-Type", "application/problem+json"),
        body.getBytes(StandardCharsets.UTF_8));
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
