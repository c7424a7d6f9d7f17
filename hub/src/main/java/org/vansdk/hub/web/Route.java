package org.vansdk.hub.web;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One route of the hub: a method, a path template whose {@code {name}} segments match one path
 * segment each (e.g. {@code /van/v1/submissions/{id}}), the roles that may call it, a one-line
 * summary (the OpenAPI document is generated from the routes), and the handler. Immutable.
 *
 * @param method the HTTP method, upper case
 * @param pathTemplate the path template, starting with {@code /}
 * @param roles the roles that may call the route (any one of them suffices)
 * @param summary one line for the OpenAPI document
 * @param handler what answers
 * @since 1.0
 */
public record Route(
    String method, String pathTemplate, Set<Role> roles, String summary, RouteHandler handler) {

  private static final Pattern TEMPLATE =
      Pattern.compile("(/([A-Za-z0-9._:-]+|\\{[a-z][A-Za-z]*\\}))+|/");

  /**
   * Checks the route.
   *
   * @throws IllegalArgumentException if the method is not upper case, the template is malformed or
   *     no role is given
   */
  public Route {
    Objects.requireNonNull(handler, "handler");
    if (!method.matches("[A-Z]+")) {
      throw new IllegalArgumentException("method must be upper case: " + method);
    }
    if (!TEMPLATE.matcher(pathTemplate).matches()) {
      throw new IllegalArgumentException("malformed path template: " + pathTemplate);
    }
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("a route needs at least one role: " + pathTemplate);
    }
    roles = Set.copyOf(roles);
    Objects.requireNonNull(summary, "summary");
  }

  /** The template's segments, e.g. {@code [van, v1, submissions, {id}]}. */
  public List<String> segments() {
    return pathTemplate.equals("/") ? List.of() : List.of(pathTemplate.substring(1).split("/"));
  }
}
