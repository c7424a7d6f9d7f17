package org.vansdk.transport.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.vansdk.core.ErrorCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An RFC 9457 problem document ({@code application/problem+json}): a type URN naming the stable
 * code, a title, the status and the code. Titles are fixed texts chosen by the endpoint: input text
 * never appears in a problem.
 */
final class Problem {

  static final String MEDIA_TYPE = "application/problem+json";

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Problem() {}

  static ObjectNode document(int status, ErrorCode code, String title) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("type", "urn:vansdk:error:" + code.value())
        .put("title", title)
        .put("status", status)
        .put("code", code.value());
  }

  static EndpointResponse response(int status, ErrorCode code, String title) {
    return response(status, code, title, Map.of());
  }

  static EndpointResponse response(
      int status, ErrorCode code, String title, Map<String, String> extraHeaders) {
    Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
    headers.put("Content-Type", MEDIA_TYPE);
    return new EndpointResponse(
        status,
        headers,
        MAPPER.writeValueAsString(document(status, code, title)).getBytes(StandardCharsets.UTF_8));
  }

  /** The stable code of a problem response, or {@code null} if its body is not a problem. */
  static @Nullable ErrorCode code(EndpointResponse response) {
    try {
      JsonNode code = MAPPER.readTree(response.body()).get("code");
      return code != null && code.isString() ? ErrorCode.of(code.asString()) : null;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
