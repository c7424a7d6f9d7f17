package org.vansdk.hub.server;

import java.time.Clock;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes one JSON line per request answered, e.g. {@code
 * {"time":"…","event":"request","method":"GET","route":"/van/v1/mailbox","status":200,"code":"",
 * "caller":"LAO-NRA-HQ","ms":1.2,"bytesIn":0,"bytesOut":812}}: the route's template (never the path
 * as sent, which may carry input), the status and stable code, the authenticated organisation's id
 * (an organisation, not a person) and sizes. Never a header value, a query, a body or an exception
 * message: a log holds no personal data. Thread-safe if the sink is.
 */
final class RequestLog {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final Consumer<String> sink;
  private final Clock clock;

  RequestLog(Consumer<String> sink, Clock clock) {
    this.sink = sink;
    this.clock = clock;
  }

  void request(
      String method,
      String route,
      int status,
      String code,
      String caller,
      long nanos,
      long bytesIn,
      long bytesOut) {
    ObjectNode line =
        JsonNodeFactory.instance
            .objectNode()
            .put("time", clock.instant().toString())
            .put("event", "request")
            .put("method", method)
            .put("route", route)
            .put("status", status)
            .put("code", code)
            .put("caller", caller)
            .put("ms", Math.round(nanos / 1e4) / 100.0)
            .put("bytesIn", bytesIn)
            .put("bytesOut", bytesOut);
    sink.accept(MAPPER.writeValueAsString(line));
  }

  /** An event of the hub's life (started, stopping, stopped) with a fixed text. */
  void event(String event, String detail) {
    ObjectNode line =
        JsonNodeFactory.instance
            .objectNode()
            .put("time", clock.instant().toString())
            .put("event", event)
            .put("detail", detail);
    sink.accept(MAPPER.writeValueAsString(line));
  }

  /** An unexpected failure: its exception's class only (a message may hold input text). */
  void failure(String route, Throwable e) {
    ObjectNode line =
        JsonNodeFactory.instance
            .objectNode()
            .put("time", clock.instant().toString())
            .put("event", "failure")
            .put("route", route)
            .put("exception", e.getClass().getName());
    sink.accept(MAPPER.writeValueAsString(line));
  }
}
