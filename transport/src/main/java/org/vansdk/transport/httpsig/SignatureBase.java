package org.vansdk.transport.httpsig;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The signature base of RFC 9421 §2.5: one line per covered component, then the
 * {@code @signature-params} line. Derived components supported: {@code @method}, {@code
 * @target-uri}, {@code @authority}, {@code @scheme}, {@code @request-target}, {@code @path},
 * {@code @query}; header fields by their lower-case name. Component parameters ({@code ;sf},
 * {@code ;key}, {@code ;bs}, {@code ;req}) are not supported and refused. Stateless.
 */
final class SignatureBase {

  private SignatureBase() {}

  /**
   * Builds the base.
   *
   * @param request the request
   * @param components the covered component names, in order
   * @param signatureParams the serialized inner list of the signature parameters
   * @throws IllegalArgumentException if a component is unknown, repeated, not lower case, or a
   *     covered header field is absent
   */
  static String of(SignedRequest request, List<String> components, String signatureParams) {
    StringBuilder sb = new StringBuilder();
    Set<String> seen = new HashSet<>();
    for (String c : components) {
      if (!seen.add(c)) {
        throw new IllegalArgumentException("component " + c + " is covered twice");
      }
      if (c.equals("@signature-params")) {
        throw new IllegalArgumentException("@signature-params cannot be covered");
      }
      sb.append('"').append(c).append("\": ").append(value(request, c)).append('\n');
    }
    sb.append("\"@signature-params\": ").append(signatureParams);
    return sb.toString();
  }

  private static String value(SignedRequest request, String component) {
    URI uri = request.target();
    switch (component) {
      case "@method":
        return request.method();
      case "@target-uri":
        return uri.toASCIIString();
      case "@authority":
        return authority(uri);
      case "@scheme":
        return uri.getScheme().toLowerCase(Locale.ROOT);
      case "@request-target":
        return path(uri) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      case "@path":
        return path(uri);
      case "@query":
        return "?" + (uri.getRawQuery() == null ? "" : uri.getRawQuery());
      default:
        break;
    }
    if (component.startsWith("@")) {
      throw new IllegalArgumentException("derived component " + component + " is not supported");
    }
    if (!component.equals(component.toLowerCase(Locale.ROOT)) || component.isEmpty()) {
      throw new IllegalArgumentException("a header component name is lower case");
    }
    List<String> values = request.header(component);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("covered header field " + component + " is absent");
    }
    StringBuilder v = new StringBuilder();
    for (String one : values) {
      if (v.length() > 0) {
        v.append(", ");
      }
      v.append(one.strip());
    }
    return v.toString();
  }

  /** The authority normalized as HTTP does: lower-case host, the scheme's default port omitted. */
  static String authority(URI uri) {
    String host = uri.getHost() == null ? uri.getRawAuthority() : uri.getHost();
    host = host.toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean defaultPort =
        port == -1
            || ("https".equalsIgnoreCase(uri.getScheme()) && port == 443)
            || ("http".equalsIgnoreCase(uri.getScheme()) && port == 80);
    return defaultPort ? host : host + ":" + port;
  }

  private static String path(URI uri) {
    String p = uri.getRawPath();
    return p == null || p.isEmpty() ? "/" : p;
  }
}
