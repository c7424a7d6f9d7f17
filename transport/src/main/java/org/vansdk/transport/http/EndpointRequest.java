package org.vansdk.transport.http;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as the endpoint sees it, whatever server received it.
 *
 * @param method the method, e.g. {@code POST}
 * @param path the path without the query, e.g. {@code /van/v1/messages}
 * @param headers the headers; names are matched without regard to case
 * @param body the body, read at most once and only up to the endpoint's limit
 * @since 1.0
 */
public record EndpointRequest(
    String method, String path, Map<String, List<String>> headers, InputStream body) {

  /** Copies the headers into a case-insensitive map. */
  public EndpointRequest {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = copy;
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
