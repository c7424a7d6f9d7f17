package org.vansdk.hub.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.vansdk.core.ErrorCode;
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

  /** A parameter name the problem may repeat back: short, plain characters only. */
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

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

  /**
   * The query read strictly: every parameter one of {@code allowed} and given at most once.
   *
   * @param allowed the parameters the route takes
   * @param code the route's stable code for a bad query
   * @return each given parameter's value, by name
   * @throws HubException 400 with {@code code} if the query is not well-formed percent-encoding or
   *     a parameter is unknown or repeated (the message names it when its name is plain, never a
   *     value)
   */
  public Map<String, String> parameters(Set<String> allowed, ErrorCode code) {
    Map<String, List<String>> given;
    try {
      given = request.queryParameters();
    } catch (IllegalArgumentException e) {
      throw new HubException(400, code, "the query is not well-formed percent-encoding");
    }
    Map<String, String> values = new TreeMap<>();
    for (Map.Entry<String, List<String>> p : given.entrySet()) {
      String name = p.getKey();
      if (!allowed.contains(name)) {
        throw new HubException(
            400,
            code,
            "unknown query parameter "
                + (PLAIN_NAME.matcher(name).matches() ? name : "(a name of other characters)")
                + "; allowed: "
                + (allowed.isEmpty() ? "none" : String.join(", ", new TreeSet<>(allowed))));
      }
      if (p.getValue().size() > 1) {
        throw new HubException(400, code, "query parameter " + name + " is given more than once");
      }
      values.put(name, p.getValue().get(0));
    }
    return values;
  }

  /** ASCII digits only: the JDK's number parsers also read other scripts' digits. */
  private static final Pattern ASCII_DIGITS = Pattern.compile("[0-9]{1,19}");

  /**
   * Reads a query value as a whole number in ASCII digits ({@code 42}; not {@code +42}, {@code
   * 4.2e1} or digits of another script) within a range.
   *
   * @param text the value as given
   * @param name the parameter's name, for the problem
   * @param min the least value accepted
   * @param max the greatest value accepted
   * @param code the route's stable code for a bad query
   * @return the number
   * @throws HubException 400 with {@code code} naming the parameter and the range (never the value)
   * @since 1.0
   */
  public static long wholeNumber(String text, String name, long min, long max, ErrorCode code) {
    if (ASCII_DIGITS.matcher(text).matches()) {
      try {
        long v = Long.parseLong(text);
        if (v >= min && v <= max) {
          return v;
        }
      } catch (NumberFormatException e) {
        // beyond a long: answered below
      }
    }
    throw new HubException(
        400,
        code,
        "query parameter " + name + " must be a whole number from " + min + " to " + max);
  }
}
