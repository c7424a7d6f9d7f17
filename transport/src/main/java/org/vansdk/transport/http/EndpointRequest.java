package org.vansdk.transport.http;

import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as the endpoint sees it, whatever server received it.
 *
 * @param method the method, e.g. {@code POST}
 * @param path the path without the query, e.g. {@code /van/v1/messages}
 * @param query the raw query string without the {@code ?}, still percent-encoded; empty if none
 * @param headers the headers; names are matched without regard to case
 * @param body the body, read at most once and only up to the endpoint's limit
 * @param clientCertificates the certificate chain the client presented over mutual TLS, its own
 *     certificate first, as the server verified it; empty when it presented none (or plain HTTP)
 * @since 1.0
 */
public record EndpointRequest(
    String method,
    String path,
    String query,
    Map<String, List<String>> headers,
    InputStream body,
    List<X509Certificate> clientCertificates) {

  /** Copies the headers into a case-insensitive map. */
  public EndpointRequest {
    Objects.requireNonNull(query, "query");
    clientCertificates = List.copyOf(clientCertificates);
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = copy;
  }

  /**
   * A request without a client certificate.
   *
   * @param method the method
   * @param path the path
   * @param query the raw query string, empty if none
   * @param headers the headers
   * @param body the body
   */
  public EndpointRequest(
      String method,
      String path,
      String query,
      Map<String, List<String>> headers,
      InputStream body) {
    this(method, path, query, headers, body, List.of());
  }

  /**
   * A request without a query string.
   *
   * @param method the method
   * @param path the path
   * @param headers the headers
   * @param body the body
   */
  public EndpointRequest(
      String method, String path, Map<String, List<String>> headers, InputStream body) {
    this(method, path, "", headers, body);
  }

  /**
   * The query's parameters, decoded (UTF-8, {@code +} as space), in the order given.
   *
   * @throws IllegalArgumentException if a name or value is not well-formed percent-encoding
   */
  public Map<String, List<String>> queryParameters() {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (query.isEmpty()) {
      return parameters;
    }
    for (String pair : query.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return parameters;
  }

  /**
   * The one value of a query parameter, if given.
   *
   * @throws IllegalArgumentException if the parameter is given more than once or the query is not
   *     well-formed percent-encoding (the message names the parameter, never its value)
   */
  public Optional<String> queryParameter(String name) {
    List<String> values = queryParameters().get(name);
    if (values == null) {
      return Optional.empty();
    }
    if (values.size() > 1) {
      throw new IllegalArgumentException("query parameter " + name + " is given more than once");
    }
    return Optional.of(values.get(0));
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the query is not well-formed percent-encoding", e);
    }
  }

  /** The first value of a header, if present. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The media type of the body without parameters, lower case; empty if none was sent. */
  public Optional<String> mediaType() {
    return header("Content-Type")
        .map(v -> v.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))
        .filter(v -> !v.isEmpty());
  }

  /** The method and, for the binding's own routes, the path; any other path is input text. */
  @Override
  public String toString() {
    boolean known =
        path.equals(MessageEndpoint.MESSAGES_PATH)
            || path.equals(MessageEndpoint.BATCH_PATH)
            || path.equals(MessageEndpoint.CONFIGURATION_PATH);
    return "EndpointRequest[" + method + " " + (known ? path : "(other path)") + "]";
  }
}
