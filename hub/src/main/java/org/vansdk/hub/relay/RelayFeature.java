package org.vansdk.hub.relay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.hub.HubErrors;
import org.vansdk.hub.web.HubContext;
import org.vansdk.hub.web.HubException;
import org.vansdk.hub.web.HubFeature;
import org.vansdk.hub.web.HubPaths;
import org.vansdk.hub.web.HubRequest;
import org.vansdk.hub.web.Role;
import org.vansdk.hub.web.Route;
import org.vansdk.referral.message.MessageCodec;
import org.vansdk.referral.signature.OrganisationKeyRegistry;
import org.vansdk.referral.signature.SignatureVerifier;
import org.vansdk.transport.http.EndpointResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The relay and the mailboxes. {@code POST /van/v1/messages} takes one signed referral message,
 * checks it against the trust list (readable, payload hash, the sender's signature at {@code
 * createdAt}, a listed receiver) and stores the bytes unchanged in the receiver's mailbox, once per
 * sender and message id ({@code 202} with the relay receipt; a resend gets the same receipt). An
 * organisation reads its own mailbox with {@code GET /van/v1/mailbox?after=&wait=&limit=}
 * (long-poll up to {@code wait} seconds) and acknowledges with {@code POST /van/v1/mailbox:ack}
 * ({@code {"cursor": n}}), which deletes what it has read. Thread-safe.
 *
 * @since 1.0
 */
public final class RelayFeature implements HubFeature {

  /** The media type of one message. */
  static final String MESSAGE_TYPE = "application/vnd.van.message+json";

  /** The longest a mailbox read may wait for a message. */
  public static final Duration MAX_WAIT = Duration.ofSeconds(25);

  /** The most messages one mailbox read returns. */
  static final int MAX_LIMIT = 1_000;

  private static final Set<String> MAILBOX_PARAMETERS = Set.of("after", "wait", "limit");

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final JdbcMailboxes mailboxes;
  private final SignatureVerifier verifier;
  private final HubContext context;
  private final MailboxSignal signal = new MailboxSignal();
  private final Counter stored;
  private final Counter duplicates;
  private final Counter delivered;

  /**
   * A relay on the hub's database.
   *
   * @param context the hub's database, clock, meters and trust list
   * @param messageKeys the keys listed for signing messages (the hub's trust list registry)
   */
  public RelayFeature(HubContext context, OrganisationKeyRegistry messageKeys) {
    this.context = context;
    this.mailboxes = new JdbcMailboxes(context.dataSource(), context.clock());
    this.verifier = SignatureVerifier.cached(messageKeys, 10_000);
    this.stored =
        Counter.builder("van.hub.relay.messages")
            .tag("outcome", "stored")
            .description("Messages relayed into a mailbox")
            .register(context.meters());
    this.duplicates =
        Counter.builder("van.hub.relay.messages")
            .tag("outcome", "duplicate")
            .description("Messages relayed into a mailbox")
            .register(context.meters());
    this.delivered =
        Counter.builder("van.hub.relay.delivered")
            .description("Messages acknowledged by their recipient")
            .register(context.meters());
    Gauge.builder("van.hub.mailbox.waiting", mailboxes, JdbcMailboxes::waiting)
        .description("Messages waiting in all mailboxes (the relay's queue depth)")
        .register(context.meters());
    Gauge.builder("van.hub.mailbox.readers", signal, MailboxSignal::waiting)
        .description("Mailbox reads waiting for a message (long-poll)")
        .register(context.meters());
  }

  @Override
  public List<Route> routes() {
    return List.of(
        new Route(
            "POST",
            HubPaths.MESSAGES,
            Set.of(Role.READER),
            "Relay one signed referral message into its receiver's mailbox",
            this::relay),
        new Route(
            "GET",
            HubPaths.MAILBOX,
            Set.of(Role.ORGANISATION),
            "Read the caller's mailbox after a cursor (long-poll with wait=seconds)",
            this::read),
        new Route(
            "POST",
            HubPaths.MAILBOX_ACK,
            Set.of(Role.ORGANISATION),
            "Acknowledge the caller's mailbox up to a cursor",
            this::acknowledge));
  }

  private EndpointResponse relay(HubRequest request) {
    if (!request
        .request()
        .mediaType()
        .filter(t -> t.equals(MESSAGE_TYPE) || t.equals("application/json"))
        .isPresent()) {
      throw new HubException(
          415, HubErrors.UNSUPPORTED_MEDIA_TYPE, "the route takes " + MESSAGE_TYPE);
    }
    byte[] bytes = body(request, MessageCodec.MAX_MESSAGE_BYTES);
    RelayedMessage m = RelayedMessage.check(bytes, verifier, context.trustList().get());
    Deposit d = mailboxes.deposit(m);
    if (d.duplicate()) {
      duplicates.increment();
    } else {
      stored.increment();
      signal.raise(m.recipient().value());
    }
    ObjectNode receipt =
        JsonNodeFactory.instance
            .objectNode()
            .put("messageId", m.messageId())
            .put("recipient", m.recipient().value())
            .put("sha256", m.sha256())
            .put("duplicate", d.duplicate());
    return json(202, receipt);
  }

  private EndpointResponse read(HubRequest request) {
    OrganisationId me = request.caller().organisation().orElseThrow();
    Map<String, String> query = request.parameters(MAILBOX_PARAMETERS, HubErrors.BAD_QUERY);
    long after = number(query, "after", 0, Long.MAX_VALUE, -1);
    long waitSeconds = number(query, "wait", 0, MAX_WAIT.toSeconds(), 0);
    int limit = (int) number(query, "limit", 1, MAX_LIMIT, 100);
    if (after < 0) {
      after = mailboxes.acknowledged(me);
    }
    long seen = signal.version(me.value());
    List<MailboxEntry> entries = mailboxes.after(me, after, limit);
    if (entries.isEmpty() && waitSeconds > 0) {
      try {
        if (signal.await(me.value(), seen, Duration.ofSeconds(waitSeconds))) {
          entries = mailboxes.after(me, after, limit);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new HubException(
            503, HubErrors.STOPPING, "the hub is stopping; read the mailbox again later");
      }
    }
    ObjectNode page = JsonNodeFactory.instance.objectNode();
    page.put("mailbox", me.value()).put("after", after);
    ArrayNode list = page.putArray("messages");
    long next = after;
    Base64.Encoder base64 = Base64.getEncoder();
    for (MailboxEntry e : entries) {
      list.addObject()
          .put("cursor", e.cursor())
          .put("messageId", e.messageId())
          .put("sender", e.sender().value())
          .put("receivedAt", e.receivedAt().toString())
          .put("message", base64.encodeToString(e.bytes()));
      next = e.cursor();
    }
    page.put("next", next);
    return json(200, page);
  }

  private EndpointResponse acknowledge(HubRequest request) {
    OrganisationId me = request.caller().organisation().orElseThrow();
    byte[] bytes = body(request, 4096);
    JsonNode doc;
    try {
      doc = MAPPER.readTree(bytes);
    } catch (RuntimeException e) {
      throw badAck("the body is not JSON; expected {\"cursor\": n}");
    }
    if (doc == null || !doc.isObject()) {
      throw badAck("the body must be an object {\"cursor\": n}");
    }
    for (String name : doc.propertyNames()) {
      if (!name.equals("cursor")) {
        throw badAck("/" + name + " is not allowed; expected {\"cursor\": n}");
      }
    }
    JsonNode cursor = doc.get("cursor");
    if (cursor == null || !cursor.isIntegralNumber() || !cursor.canConvertToLong()) {
      throw badAck("/cursor must be a whole number");
    }
    if (cursor.asLong() < 0) {
      throw badAck("/cursor must not be negative");
    }
    int n = mailboxes.acknowledge(me, cursor.asLong());
    delivered.increment(n);
    return json(
        200,
        JsonNodeFactory.instance
            .objectNode()
            .put("mailbox", me.value())
            .put("acknowledged", cursor.asLong())
            .put("delivered", n));
  }

  private static HubException badAck(String why) {
    return new HubException(400, HubErrors.BAD_ACKNOWLEDGEMENT, why);
  }

  private static long number(
      Map<String, String> query, String name, long min, long max, long absent) {
    String text = query.get(name);
    return text == null
        ? absent
        : HubRequest.wholeNumber(text, name, min, max, HubErrors.BAD_QUERY);
  }

  private static byte[] body(HubRequest request, int limit) {
    try (InputStream in = request.request().body()) {
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw new HubException(
            413, HubErrors.TOO_LARGE, "the body is larger than " + limit + " bytes");
      }
      return bytes;
    } catch (IOException e) {
      throw new HubException(
          400, HubErrors.BODY_NOT_RECEIVED, "the body could not be read completely");
    }
  }

  private static EndpointResponse json(int status, JsonNode body) {
    return new EndpointResponse(
        status,
        Map.of("Content-Type", "application/json"),
        MAPPER.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
  }

  /** Wakes every waiting mailbox read: the hub is stopping. */
  @Override
  public void stopping() {
    signal.close();
  }
}
