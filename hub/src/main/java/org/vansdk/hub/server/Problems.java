package org.vansdk.hub.server;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vansdk.core.ErrorCode;
import org.vansdk.hub.web.HubException;
import org.vansdk.transport.http.EndpointResponse;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * RFC 9457 problem documents ({@code application/problem+json}) for the hub's refusals: a type URN
 * naming the stable code, the status, the code and the hub's own fixed text (never input text).
 */
final class Problems {
  static final String MEDIA_TYPE = "application/problem+json";

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Problems() {}

  static EndpointResponse of(HubException e) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (e instanceof Router.MethodNotAllowed m) {
      headers.put("Allow", m.allow());
    }
    if (e.status() == 503) {
      headers.put("Retry-After", "5");
    }
    String text = e.getMessage();
    String prefix = e.code().value() + ": ";
    return of(
        e.status(),
        e.code(),
        text.startsWith(prefix) ? text.substring(prefix.length()) : text,
        headers);
  }

  static EndpointResponse of(int status, ErrorCode code, String title, Map<String, String> extra) {
    ObjectNode doc =
        JsonNodeFactory.instance
            .objectNode()
            .put("type", "urn:vansdk:error:" + code.value())
            .put("title", title)
            .put("status", status)
            .put("code", code.value());
    Map<String, String> headers = new LinkedHashMap<>(extra);
    headers.put("Content-Type", MEDIA_TYPE);
    return new EndpointResponse(
        status, headers, MAPPER.writeValueAsString(doc).getBytes(StandardCharsets.UTF_8));
  }

  /** The stable code of a problem answer, or empty text when the body is not a problem. */
  static String code(EndpointResponse response) {
    if (response.status() < 400) {
      return "";
    }
    try {
      var node = MAPPER.readTree(response.body()).get("code");
      return node != null && node.isString() ? node.asString() : "";
    } catch (RuntimeException e) {
      return "";
    }
  }
}
