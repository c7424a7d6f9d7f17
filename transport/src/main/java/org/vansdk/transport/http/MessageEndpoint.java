package org.vansdk.transport.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.internal.NdjsonLines;
import org.vansdk.referral.message.AckStatus;
import org.vansdk.referral.message.Message;
import org.vansdk.referral.message.MessageCodec;
import org.vansdk.referral.node.ReferralNode;
import org.vansdk.referral.node.Reply;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.referral.store.ReferralStoreException;
import org.vansdk.transport.observe.TransportObserver;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP binding of one organisation's referral node, independent of any web framework: a server
 * adapter turns its request into an {@link EndpointRequest}, calls {@link #handle}, and writes the
 * {@link EndpointResponse}. Routes:
 *
 * <ul>
 *   <li>{@code POST /van/v1/messages}: body = one signed message ({@value #MESSAGE_TYPE}); {@code
 *       200} with the node's signed {@code ack} in the body once the node has decided durably (ack
 *       {@code ok}, {@code transient_error} or {@code fatal_error}: the ack says what the protocol
 *       does next); {@code 400} unreadable, {@code 413} too large, {@code 415} wrong media type
 *       (never resend those: park them); {@code 503} with {@code Retry-After} when the node's store
 *       failed (resend the same bytes later).
 *   <li>{@code POST /van/v1/messages:batch}: body = NDJSON ({@value #BATCH_TYPE}), one message a
 *       line, received in one transaction; {@code 200} with NDJSON, line <i>i</i> the ack of
 *       message <i>i</i>, {@code {}} for a message the protocol does not acknowledge, or a problem
 *       object for a line that could not be read as a message.
 *   <li>{@code GET /.well-known/van-configuration}: the organisation, routes, supported schema
 *       versions, key ids and limits.
 * </ul>
 *
 * <p>Every error is an {@code application/problem+json} document with a stable code ({@link
 * TransportErrors}) and a fixed title: no input text is ever echoed. Thread-safe: the node
 * serialises state changes and verifies in parallel.
 *
 * @since 1.0
 */
public final class MessageEndpoint implements HttpEndpoint {

  /** The media type of one message. */
  public static final String MESSAGE_TYPE = "application/vnd.van.message+json";

  /** The media type of a batch. */
  public static final String BATCH_TYPE = "application/x-ndjson";

  /** The path of the single-message route. */
  public static final String MESSAGES_PATH = "/van/v1/messages";

  /** The path of the batch route. */
  public static final String BATCH_PATH = "/van/v1/messages:batch";

  /** The path of the configuration document. */
  public static final String CONFIGURATION_PATH = "/.well-known/van-configuration";

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** The most bytes of an oversize body read and discarded before answering 413. */
  private static final long DRAIN_LIMIT = 32L << 20;

  private final ReferralNode node;
  private final List<KeyId> keyIds;
  private final int maxMessageBytes;
  private final int maxBatchBytes;
  private final int maxBatchMessages;
  private final int retryAfterSeconds;
  private final TransportObserver observer;
  private final @Nullable SenderBinding senders;

  private MessageEndpoint(Builder b) {
    this.node = b.node;
    this.keyIds = List.copyOf(b.keyIds);
    this.maxMessageBytes = b.maxMessageBytes;
    this.maxBatchBytes = b.maxBatchBytes;
    this.maxBatchMessages = b.maxBatchMessages;
    this.retryAfterSeconds = b.retryAfterSeconds;
    this.observer = b.observer;
    this.senders = b.clientOrganisations == null ? null : new SenderBinding(b.clientOrganisations);
  }

  /** Starts an endpoint for a node. */
  public static Builder builder(ReferralNode node) {
    return new Builder(node);
  }

  /** The node this endpoint serves. */
  public ReferralNode node() {
    return node;
  }

  /**
   * Answers one request. Never throws: a failure of the node's store is a {@code 503}, anything
   * else unexpected a {@code 500}, both with a problem document.
   */
  @Override
  public EndpointResponse handle(EndpointRequest request) {
    long start = System.nanoTime();
    EndpointResponse response;
    try {
      response = route(request);
    } catch (ReferralStoreException e) {
      response = unavailable();
    } catch (RuntimeException e) {
      response = Problem.response(500, TransportErrors.UNAVAILABLE, "internal error; resend later");
    }
    tell(request, response, System.nanoTime() - start);
    return response;
  }

  private void tell(EndpointRequest request, EndpointResponse response, long nanos) {
    observer.served(
        routeName(request.path()),
        methodName(request.method()),
        response.status(),
        response.status() >= 400 ? Problem.code(response) : null,
        nanos);
  }

  private static String routeName(String path) {
    return switch (path) {
      case MESSAGES_PATH, BATCH_PATH, CONFIGURATION_PATH -> path;
      default -> "other";
    };
  }

  private static String methodName(String method) {
    return switch (method) {
      case "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS" -> method;
      default -> "other";
    };
  }

  private void decided(Reply reply) {
    observer.decided(reply.receipt().status(), reply.receipt().code());
  }

  private EndpointResponse route(EndpointRequest request) {
    String method = request.method();
    switch (request.path()) {
      case MESSAGES_PATH:
        return method.equals("POST") ? message(request) : notAllowed("POST");
      case BATCH_PATH:
        return method.equals("POST") ? batch(request) : notAllowed("POST");
      case CONFIGURATION_PATH:
        return method.equals("GET") || method.equals("HEAD") ? configuration() : notAllowed("GET");
      default:
        return Problem.response(404, TransportErrors.NOT_FOUND, "no such route");
    }
  }

  private EndpointResponse message(EndpointRequest request) {
    if (!request
        .mediaType()
        .filter(t -> t.equals(MESSAGE_TYPE) || t.equals("application/json"))
        .isPresent()) {
      return unsupported(MESSAGE_TYPE);
    }
    Body body = read(request, maxMessageBytes);
    if (body.problem != null) {
      return body.problem;
    }
    EndpointResponse refusal =
        senders == null
            ? null
            : senders.check(request, List.of(Objects.requireNonNull(body.bytes)));
    if (refusal != null) {
      return refusal;
    }
    Reply reply = node.receiveAndReply(body.bytes);
    decided(reply);
    if (reply.acknowledgement().isEmpty()) {
      return reply.receipt().status() == AckStatus.FATAL_ERROR
          ? refused(reply.receipt().code())
          : new EndpointResponse(204, Map.of(), new byte[0]); // decided; nothing to answer
    }
    return new EndpointResponse(
        200, Map.of("Content-Type", MESSAGE_TYPE), reply.acknowledgement().get().bytes());
  }

  private EndpointResponse batch(EndpointRequest request) {
    if (!request.mediaType().filter(BATCH_TYPE::equals).isPresent()) {
      return unsupported(BATCH_TYPE);
    }
    Body body = read(request, maxBatchBytes);
    if (body.problem != null) {
      return body.problem;
    }
    List<byte[]> lines = lines(Objects.requireNonNull(body.bytes)); // no problem: a body
    if (lines.size() > maxBatchMessages) {
      return Problem.response(
          413,
          TransportErrors.BATCH_TOO_LONG,
          "the batch holds more than " + maxBatchMessages + " messages");
    }
    for (byte[] line : lines) {
      if (line.length > maxMessageBytes) {
        return Problem.response(
            413,
            TransportErrors.TOO_LARGE,
            "a message is larger than " + maxMessageBytes + " bytes");
      }
    }
    EndpointResponse refusal = senders == null ? null : senders.check(request, lines);
    if (refusal != null) {
      return refusal;
    }
    List<Reply> replies = node.receiveAllAndReply(lines);
    ByteArrayOutputStream out = new ByteArrayOutputStream(replies.size() * 600);
    for (Reply reply : replies) {
      decided(reply);
      byte[] line;
      if (reply.acknowledgement().isPresent()) {
        line = reply.acknowledgement().get().bytes();
      } else if (reply.receipt().status() == AckStatus.FATAL_ERROR) {
        line = refused(reply.receipt().code()).body();
      } else {
        line = "{}".getBytes(StandardCharsets.UTF_8); // decided; nothing to answer
      }
      out.writeBytes(line);
      out.write('\n');
    }
    return new EndpointResponse(200, Map.of("Content-Type", BATCH_TYPE), out.toByteArray());
  }

  private EndpointResponse configuration() {
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    doc.put("organisation", node.party().organisation().value())
        .put("system", node.party().system())
        .put("country", node.party().country().code());
    doc.putObject("endpoints").put("messages", MESSAGES_PATH).put("batch", BATCH_PATH);
    doc.putArray("schemaVersions").add(Message.SCHEMA_VERSION);
    ArrayNode kids = doc.putArray("keyIds");
    (keyIds.isEmpty() ? List.of(node.signingKeyId()) : keyIds).forEach(k -> kids.add(k.value()));
    doc.putObject("limits")
        .put("maxMessageBytes", maxMessageBytes)
        .put("maxBatchBytes", maxBatchBytes)
        .put("maxBatchMessages", maxBatchMessages);
    return new EndpointResponse(
        200,
        Map.of("Content-Type", "application/json"),
        MAPPER.writeValueAsString(doc).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A message the node refused without answering it (unreadable, or from a sender it could not
   * verify): 400, never resent; {@code refusal} carries the node's own code.
   */
  private static EndpointResponse refused(org.vansdk.core.ErrorCode refusal) {
    ObjectNode doc =
        Problem.document(
            400,
            TransportErrors.UNREADABLE,
            "the node refused the message without answering it; do not resend it");
    doc.put("refusal", refusal.value());
    return new EndpointResponse(
        400,
        Map.of("Content-Type", Problem.MEDIA_TYPE),
        MAPPER.writeValueAsString(doc).getBytes(StandardCharsets.UTF_8));
  }

  private EndpointResponse notAllowed(String allowed) {
    return Problem.response(
        405,
        TransportErrors.METHOD_NOT_ALLOWED,
        "method not allowed on this route",
        Map.of("Allow", allowed));
  }

  private static EndpointResponse unsupported(String expected) {
    return Problem.response(
        415, TransportErrors.UNSUPPORTED_MEDIA_TYPE, "the route takes " + expected);
  }

  private EndpointResponse unavailable() {
    return Problem.response(
        503,
        TransportErrors.UNAVAILABLE,
        "the node could not decide durably; resend the same bytes later",
        Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
  }

  /** A body read up to a limit, or the problem that stopped it. */
  private static final class Body {
    final byte @Nullable [] bytes;
    final @Nullable EndpointResponse problem;

    Body(byte @Nullable [] bytes, @Nullable EndpointResponse problem) {
      this.bytes = bytes;
      this.problem = problem;
    }
  }

  private static Body read(EndpointRequest request, int limit) {
    OptionalLong declared = contentLength(request);
    byte[] bytes;
    try (InputStream in = request.body()) {
      if (declared.isPresent() && declared.getAsLong() > limit) {
        drain(in, declared.getAsLong());
        return tooLarge(limit);
      }
      bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        drain(in, Long.MAX_VALUE);
        return tooLarge(limit);
      }
    } catch (IOException e) {
      return new Body(
          null,
          Problem.response(
              400, TransportErrors.BODY_NOT_RECEIVED, "the body could not be read completely"));
    }
    if (bytes.length == 0) {
      return new Body(null, Problem.response(400, TransportErrors.UNREADABLE, "the body is empty"));
    }
    return new Body(bytes, null);
  }

  /**
   * Reads and discards the rest of an oversize body, up to {@link #DRAIN_LIMIT}, so that a client
   * still sending it reads the 413 instead of a reset; past that the connection is simply closed.
   */
  private static void drain(InputStream in, long declared) throws IOException {
    if (declared > DRAIN_LIMIT) {
      return;
    }
    byte[] buffer = new byte[64 << 10];
    long read = 0;
    for (int n; read < DRAIN_LIMIT && (n = in.read(buffer)) >= 0; ) {
      read += n;
    }
  }

  private static Body tooLarge(int limit) {
    return new Body(
        null,
        Problem.response(
            413, TransportErrors.TOO_LARGE, "the body is larger than " + limit + " bytes"));
  }

  private static OptionalLong contentLength(EndpointRequest request) {
    Optional<String> value = request.header("Content-Length");
    if (value.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(value.get().strip()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** The non-empty lines of an NDJSON body (LF or CRLF). */
  private static List<byte[]> lines(byte[] body) {
    List<byte[]> out = new ArrayList<>();
    for (int start = 0; start <= body.length; ) {
      int nl = NdjsonLines.lineEnd(body, start, body.length);
      int end = NdjsonLines.contentEnd(body, start, nl);
      if (end > start) {
        out.add(Arrays.copyOfRange(body, start, end));
      }
      start = nl + 1;
    }
    return out;
  }

  /** Builds a {@link MessageEndpoint}. */
  public static final class Builder {
    private final ReferralNode node;
    private final List<KeyId> keyIds = new ArrayList<>();
    private int maxMessageBytes = MessageCodec.MAX_MESSAGE_BYTES;
    private int maxBatchBytes = 16 << 20;
    private int maxBatchMessages = 1_000;
    private int retryAfterSeconds = 2;
    private TransportObserver observer = TransportObserver.NONE;
    private @Nullable Function<X509Certificate, Optional<OrganisationId>> clientOrganisations;

    private Builder(ReferralNode node) {
      this.node = node;
    }

    /**
     * A key id the configuration document lists (default: the node's current signing key, which
     * follows {@link ReferralNode#rotateSigningKey}).
     */
    public Builder keyId(KeyId keyId) {
      keyIds.add(keyId);
      return this;
    }

    /**
     * The largest single message accepted (default and maximum: the protocol's limit, {@link
     * MessageCodec#MAX_MESSAGE_BYTES}).
     *
     * @throws IllegalArgumentException if not in 1..the protocol's limit
     */
    public Builder maxMessageBytes(int bytes) {
      if (bytes < 1 || bytes > MessageCodec.MAX_MESSAGE_BYTES) {
        throw new IllegalArgumentException(
            "maxMessageBytes must be 1.." + MessageCodec.MAX_MESSAGE_BYTES + ", was " + bytes);
      }
      this.maxMessageBytes = bytes;
      return this;
    }

    /**
     * The largest batch body (default 16 MiB) and the most messages in it (default 1,000).
     *
     * @throws IllegalArgumentException if either is not positive
     */
    public Builder maxBatch(int bytes, int messages) {
      if (bytes < 1 || messages < 1) {
        throw new IllegalArgumentException("batch limits must be positive");
      }
      this.maxBatchBytes = bytes;
      this.maxBatchMessages = messages;
      return this;
    }

    /** The {@code Retry-After} seconds sent with a 503 (default 2). */
    public Builder retryAfterSeconds(int seconds) {
      this.retryAfterSeconds = Math.max(0, seconds);
      return this;
    }

    /**
     * Who hears of every request answered and every message decided (default: nobody); combine
     * several with {@link TransportObserver#all}.
     */
    public Builder observer(TransportObserver observer) {
      this.observer = TransportObserver.all(observer); // an observer that throws is skipped
      return this;
    }

    /**
     * Binds mutual TLS to the messages: a request whose client presented a certificate is served
     * only if {@code organisations} names the certificate's organisation (else {@code 403} {@link
     * TransportErrors#CLIENT_NOT_LISTED}) and every message it carries is sent by that organisation
     * (else {@code 403} {@link TransportErrors#SENDER_NOT_CLIENT}, nothing applied). Requests
     * without a certificate rest on the message signatures alone (make the server require
     * certificates to refuse them). Default: certificates are not looked at.
     *
     * @param organisations the organisation a verified client certificate stands for, e.g. {@link
     *     org.vansdk.transport.tls.ClientCertificates#organisation} checked against the trust list
     */
    public Builder clientOrganisations(
        Function<X509Certificate, Optional<OrganisationId>> organisations) {
      this.clientOrganisations = Objects.requireNonNull(organisations);
      return this;
    }

    /** Builds the endpoint. */
    public MessageEndpoint build() {
      return new MessageEndpoint(this);
    }
  }
}
