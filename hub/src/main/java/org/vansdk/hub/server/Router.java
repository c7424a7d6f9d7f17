package org.vansdk.hub.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.vansdk.hub.HubErrors;
import org.vansdk.hub.web.HubException;
import org.vansdk.hub.web.Route;

/**
 * Finds the route of a request: the path is split into segments and compared with each template (a
 * literal segment matches itself, a {@code {name}} segment any one non-empty segment, decoded); a
 * literal match wins over a parameter. A path no template matches is a 404; a path some template
 * matches with another method a 405 listing the allowed methods. Immutable and thread-safe.
 */
final class Router {

  /** A matched route and the values of its template's parameters. */
  record Match(Route route, Map<String, String> parameters) {}

  private final List<Route> routes;

  /**
   * A router over the routes.
   *
   * @throws IllegalArgumentException if two routes have the same method and template
   */
  Router(List<Route> routes) {
    Map<String, Route> seen = new HashMap<>();
    for (Route r : routes) {
      String key = r.method() + " " + r.pathTemplate().replaceAll("\\{[^}]+}", "{}");
      if (seen.putIfAbsent(key, r) != null) {
        throw new IllegalArgumentException("two routes answer " + key);
      }
    }
    this.routes = List.copyOf(routes);
  }

  /** The routes, in the order mounted. */
  List<Route> routes() {
    return routes;
  }

  /**
   * The route for a method and path.
   *
   * @throws HubException 404 {@link HubErrors#NOT_FOUND} or 405 {@link
   *     HubErrors#METHOD_NOT_ALLOWED} (its message lists the allowed methods)
   */
  Match match(String method, String path) {
    List<String> segments = segments(path);
    Match best = null;
    int bestLiterals = -1;
    TreeSet<String> allowed = new TreeSet<>();
    for (Route r : routes) {
      Optional<Map<String, String>> params = bind(r.segments(), segments);
      if (params.isEmpty()) {
        continue;
      }
      allowed.add(r.method());
      if (r.method().equals("HEAD")) {
        continue;
      }
      boolean methodMatches =
          r.method().equals(method) || method.equals("HEAD") && r.method().equals("GET");
      int literals = r.segments().size() - params.get().size();
      if (methodMatches && literals > bestLiterals) {
        best = new Match(r, params.get());
        bestLiterals = literals;
      }
    }
    if (best != null) {
      return best;
    }
    if (allowed.isEmpty()) {
      throw new HubException(404, HubErrors.NOT_FOUND, "no route has this path");
    }
    throw new MethodNotAllowed(String.join(", ", allowed));
  }

  /** A 405 carrying the {@code Allow} header's value. */
  static final class MethodNotAllowed extends HubException {
    private static final long serialVersionUID = 1L;
    private final String allow;

    MethodNotAllowed(String allow) {
      super(
          405, HubErrors.METHOD_NOT_ALLOWED, "method not allowed on this route; allowed: " + allow);
      this.allow = allow;
    }

    String allow() {
      return allow;
    }
  }

  private static Optional<Map<String, String>> bind(List<String> template, List<String> path) {
    if (template.size() != path.size()) {
      return Optional.empty();
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < template.size(); i++) {
      String t = template.get(i);
      String p = path.get(i);
      if (t.startsWith("{")) {
        String value;
        try {
          value = URLDecoder.decode(p.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
        if (value.isEmpty()) {
          return Optional.empty();
        }
        params.put(t.substring(1, t.length() - 1), value);
      } else if (!t.equals(p)) {
        return Optional.empty();
      }
    }
    return Optional.of(params);
  }

  private static List<String> segments(String path) {
    if (path.isEmpty() || path.equals("/")) {
      return List.of();
    }
    List<String> out = new ArrayList<>(List.of(path.substring(1).split("/", -1)));
    return out;
  }
}
