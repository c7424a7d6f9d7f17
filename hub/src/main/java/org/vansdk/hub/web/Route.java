package org.vansdk.hub.web;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One route of the hub: a method, a path template whose {@code {name}} segments match one path
 * segment each (e.g. {@code /van/v1/submissions/{id}}), the roles that may call it, a one-line
 * summary (the OpenAPI document is generated from the routes), the handler, and the largest body it
 * accepts. The hub reads a body only after the caller may call the route: an anonymous caller of a
 * route that needs a role is refused before, and so is a signature that cannot pass on its header
 * fields; then at most the smaller of the route's and the hub's limit is read (413 beyond).
 * Immutable.
 *
 * @param method the HTTP method, upper case
 * @param pathTemplate the path template, starting with {@code /}
 * @param roles the roles that may call the route (any one of them suffices)
 * @param summary one line for the OpenAPI document
 * @param handler what answers
 * @param maxBodyBytes the largest request body the route accepts, at least 0 (the hub's own limit
 *     applies too)
 * @since 1.0
 */
public record Route(
    String method,
    String pathTemplate,
    Set<Role> roles,
    String summary,
    RouteHandler handler,
    int maxBodyBytes) {

  /**
   * The body limit of a route that names none: one referral message (1 MiB), the largest body any
   * route but a bulk upload needs.
   */
  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

  private static final Pattern TEMPLATE =
      Pattern.compile("(/([A-Za-z0-9._:-]+|\\{[a-z][A-Za-z]*\\}))+|/");

  /**
   * Checks the route.
   *
   * @throws IllegalArgumentException if the method is not upper case, the template is malformed, no
   *     role is given or the body limit is negative
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
    if (maxBodyBytes < 0) {
      throw new IllegalArgumentException("a body limit cannot be negative: " + pathTemplate);
    }
  }

  /**
   * A route accepting bodies up to {@link #DEFAULT_MAX_BODY_BYTES}.
   *
   * @param method the HTTP method, upper case
   * @param pathTemplate the path template, starting with {@code /}
   * @param roles the roles that may call the route (any one of them suffices)
   * @param summary one line for the OpenAPI document
   * @param handler what answers
   * @throws IllegalArgumentException as the canonical constructor
   */
  public Route(
      String method, String pathTemplate, Set<Role> roles, String summary, RouteHandler handler) {
    this(method, pathTemplate, roles, summary, handler, DEFAULT_MAX_BODY_BYTES);
  }

  /** The template's segments, e.g. {@code [van, v1, submissions, {id}]}. */
  public List<String> segments() {
    return pathTemplate.equals("/") ? List.of() : List.of(pathTemplate.substring(1).split("/"));
  }
}
