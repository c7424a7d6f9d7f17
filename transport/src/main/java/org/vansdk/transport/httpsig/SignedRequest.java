package org.vansdk.transport.httpsig;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The parts of an HTTP request that a signature can cover: method, target URI, header fields (names
 * matched without regard to case) and body. A server builds it from what it received; the body is
 * only needed when the signature covers {@code content-digest}.
 *
 * @param method the method, e.g. {@code POST}
 * @param target the absolute target URI ({@code https://host[:port]/path[?query]})
 * @param headers the header fields; a field sent several times has several values
 * @param body the body (empty for none); not copied
 */
public record SignedRequest(
    String method, URI target, Map<String, List<String>> headers, byte[] body) {

  /**
   * Copies the headers into a case-insensitive map.
   *
   * @throws IllegalArgumentException if the target is not absolute
   */
  public SignedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(body, "body");
    if (!target.isAbsolute() || target.getRawAuthority() == null) {
      throw new IllegalArgumentException("the target URI must be absolute with an authority");
    }
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = copy;
  }

  /** The values of a header field, empty if it was not sent. */
  public List<String> header(String name) {
    return headers.getOrDefault(name, List.of());
  }

  /** The method, the authority and the path; never the query or a header value (input text). */
  @Override
  public String toString() {
    return "SignedRequest["
        + method
        + " "
        + target.getScheme()
        + "://"
        + target.getRawAuthority()
        + "]";
  }
}
