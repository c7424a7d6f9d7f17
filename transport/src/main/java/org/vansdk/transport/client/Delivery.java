package org.vansdk.transport.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.internal.NdjsonLines;
import org.vansdk.referral.node.Transmission;
import org.vansdk.transport.http.MessageEndpoint;
import org.vansdk.transport.http.TransportErrors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts messages to a peer's endpoint and reads the answer by the binding's status rules: one
 * message to {@code POST /van/v1/messages}, or several as NDJSON to {@code POST
 * /van/v1/messages:batch}, whose answer holds one line per message (its ack, {@code {}} for a
 * message decided without an answer, or a problem for one refused without an answer). Stateless and
 * thread-safe.
 */
final class Delivery {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"(VAN-[A-Z]-\\d{4})\"");

  /** What became of a request, or of one message of a batch. */
  enum Kind {
    /** Decided by the peer: its ack (if any) is in the body; never resend. */
    DELIVERED,
    /** Not decided (429, 5xx, time-out, broken connection, unreadable answer): resend later. */
    RETRY,
    /** Refused for good (400, 413, 415, other 4xx): park it, never resend. */
    PARK,
    /** The peer refused the batch as a whole (413, another 4xx): send its messages one a time. */
    SPLIT,
    /** The peer has no batch route (404, 405, 415, 501 on it): use the single route. */
    NO_BATCH
  }

  /**
   * What the peer answered.
   *
   * @param kind what to do
   * @param status the HTTP status (0 if none came)
   * @param ack the peer's ack of a delivered message, if it sent one
   * @param retryAfter the peer's {@code Retry-After}, zero if none
   * @param code the problem's stable code of a parked or retried request
   * @param lines for a delivered batch: one outcome per message, in order
   */
  record Outcome(
      Kind kind,
      int status,
      byte @Nullable [] ack,
      Duration retryAfter,
      @Nullable ErrorCode code,
      List<Outcome> lines) {

    static Outcome retry(int status, Duration retryAfter) {
      return new Outcome(
          Kind.RETRY, status, null, retryAfter, TransportErrors.UNAVAILABLE, List.of());
    }

    static Outcome of(Kind kind, int status, @Nullable ErrorCode code) {
      return new Outcome(kind, status, null, Duration.ZERO, code, List.of());
    }

    static Outcome delivered(int status, byte @Nullable [] ack) {
      return new Outcome(Kind.DELIVERED, status, ack, Duration.ZERO, null, List.of());
    }
  }

  private final HttpClient http;
  private final Clock clock;
  private final Duration requestTimeout;

  Delivery(HttpClient http, Clock clock, Duration requestTimeout) {
    this.http = http;
    this.clock = clock;
    this.requestTimeout = requestTimeout;
  }

  /** Posts one message to the single-message route. */
  Outcome single(URI base, Transmission t) {
    Optional<HttpResponse<byte[]>> sent =
        post(base.resolve(MessageEndpoint.MESSAGES_PATH), MessageEndpoint.MESSAGE_TYPE, t.bytes());
    if (sent.isEmpty()) {
      return Outcome.retry(0, Duration.ZERO);
    }
    HttpResponse<byte[]> response = sent.get();
    int status = response.statusCode();
    if (status == 200 || status == 204) {
      byte[] body = response.body();
      return Outcome.delivered(status, body.length > 0 ? body : null);
    }
    return notDelivered(response, false);
  }

  /**
   * Posts messages to the batch route as NDJSON, one a line; the peer receives them in order in one
   * transaction and answers only once it committed.
   */
  Outcome batch(URI base, List<Transmission> messages) {
    ByteArrayOutputStream body = new ByteArrayOutputStream(bytes(messages) + messages.size());
    for (Transmission t : messages) {
      body.writeBytes(t.bytes());
      body.write('\n');
    }
    Optional<HttpResponse<byte[]>> sent =
        post(
            base.resolve(MessageEndpoint.BATCH_PATH),
            MessageEndpoint.BATCH_TYPE,
            body.toByteArray());
    if (sent.isEmpty()) {
      return Outcome.retry(0, Duration.ZERO);
    }
    HttpResponse<byte[]> response = sent.get();
    int status = response.statusCode();
    if (status != 200) {
      return notDelivered(response, true);
    }
    List<Outcome> lines = lines(response.body(), status);
    if (lines.size() != messages.size()) {
      // Not an answer to this batch (a proxy cut it, or a peer that does not follow the binding):
      // resend it all; the peer answers what it already decided with the stored replies.
      return Outcome.retry(status, Duration.ZERO);
    }
    return new Outcome(Kind.DELIVERED, status, null, Duration.ZERO, null, lines);
  }

  /** The total size of the messages' bytes. */
  static int bytes(List<Transmission> messages) {
    int n = 0;
    for (Transmission t : messages) {
      n += t.size();
    }
    return n;
  }

  private Optional<HttpResponse<byte[]>> post(URI uri, String type, byte[] body) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(requestTimeout)
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private Outcome notDelivered(HttpResponse<byte[]> response, boolean batch) {
    int status = response.statusCode();
    if (status == 429 || status >= 500 && status != 501 || status == 408) {
      return Outcome.retry(status, retryAfter(response.headers().firstValue("Retry-After")));
    }
    if (batch && (status == 404 || status == 405 || status == 415 || status == 501)) {
      return Outcome.of(Kind.NO_BATCH, status, problemCode(response.body()));
    }
    if (batch) {
      // Too large, or refused as a whole: each message gets its own verdict on the single route,
      // so one bad message cannot park the others.
      return Outcome.of(Kind.SPLIT, status, problemCode(response.body()));
    }
    return Outcome.of(Kind.PARK, status, problemCode(response.body()));
  }

  /**
   * The outcome of each line of a batch answer: an ack (delivered, fed to the node), {@code {}}
   * (delivered, nothing to feed), or a problem (refused without an answer: parked). A line that is
   * none of these is not a valid answer: the whole batch is resent.
   */
  private static List<Outcome> lines(byte[] body, int status) {
    List<Outcome> out = new ArrayList<>();
    for (int start = 0; start < body.length; ) {
      int nl = NdjsonLines.lineEnd(body, start, body.length);
      int end = NdjsonLines.contentEnd(body, start, nl);
      if (end > start) {
        out.add(line(java.util.Arrays.copyOfRange(body, start, end), status));
      }
      start = nl + 1;
    }
    return out;
  }

  private static Outcome line(byte[] line, int status) {
    JsonNode doc;
    try {
      doc = MAPPER.readTree(line);
    } catch (RuntimeException e) {
      return Outcome.retry(status, Duration.ZERO);
    }
    if (doc == null || !doc.isObject()) {
      return Outcome.retry(status, Duration.ZERO);
    }
    if (doc.isEmpty()) {
      return Outcome.delivered(status, null);
    }
    JsonNode type = doc.get("type");
    if (type != null && type.isString() && type.asString().startsWith("urn:")) {
      return Outcome.of(Kind.PARK, 400, problemCode(line));
    }
    return Outcome.delivered(status, line);
  }

  private static ErrorCode problemCode(byte[] body) {
    Matcher m = CODE.matcher(new String(body, StandardCharsets.UTF_8));
    return m.find() ? ErrorCode.of(m.group(1)) : TransportErrors.UNREADABLE;
  }

  /** {@code Retry-After} as seconds or an HTTP date; zero if absent or unreadable. */
  Duration retryAfter(Optional<String> header) {
    if (header.isEmpty()) {
      return Duration.ZERO;
    }
    String value = header.get().strip();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
    } catch (NumberFormatException e) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(clock.instant(), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException e2) {
        return Duration.ZERO;
      }
    }
  }
}
