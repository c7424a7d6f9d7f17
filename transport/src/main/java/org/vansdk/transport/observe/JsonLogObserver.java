package org.vansdk.transport.observe;

import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.referral.message.AckStatus;
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.node.OutboxAction;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.transport.trust.TrustListRefresh;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes one JSON object per transport event, e.g. {@code
 * {"event":"parked","peer":"KHM-CMAA","type":"referral_request","messageId":"…","httpStatus":413,
 * "code":"VAN-N-0003"}}: the event's name and the observer's fields, nothing else, so a log holds
 * no personal data. Routine events (requests answered 2xx, messages decided {@code ok}, deliveries)
 * are {@code DEBUG}; retries, refusals and transient answers {@code INFO}; parked messages, fatal
 * answers, 5xx and operators' outbox actions {@code WARNING}.
 *
 * <p>By default the lines go to the SLF4J logger {@code org.vansdk.transport} (so any logging
 * back-end the application binds receives them); {@link #to} sends them anywhere else.
 */
public final class JsonLogObserver implements TransportObserver {

  /** The SLF4J logger's name. */
  public static final String LOGGER = "org.vansdk.transport";

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final BiConsumer<Level, String> sink;

  private JsonLogObserver(BiConsumer<Level, String> sink) {
    this.sink = sink;
  }

  /** Lines to the SLF4J logger {@value #LOGGER}. */
  public static JsonLogObserver toSlf4j() {
    Logger log = LoggerFactory.getLogger(LOGGER);
    return new JsonLogObserver(
        (level, line) -> {
          switch (level) {
            case WARNING, ERROR -> log.warn(line);
            case INFO -> log.info(line);
            default -> log.debug(line);
          }
        });
  }

  /** Lines to {@code sink}, with their level. */
  public static JsonLogObserver to(BiConsumer<Level, String> sink) {
    return new JsonLogObserver(Objects.requireNonNull(sink, "sink"));
  }

  @Override
  public void served(String route, String method, int status, ErrorCode code, long nanos) {
    ObjectNode line = event("served").put("route", route).put("method", method);
    line.put("status", status);
    code(line, code).put("ms", nanos / 1_000_000.0);
    emit(status >= 500 ? Level.WARNING : status >= 400 ? Level.INFO : Level.DEBUG, line);
  }

  @Override
  public void decided(AckStatus status, ErrorCode code) {
    ObjectNode line = code(event("decided").put("status", status.code()), code);
    emit(
        switch (status) {
          case OK -> Level.DEBUG;
          case TRANSIENT_ERROR -> Level.INFO;
          case FATAL_ERROR -> Level.WARNING;
        },
        line);
  }

  @Override
  public void delivered(OrganisationId peer, MessageType type, String messageId, long nanos) {
    ObjectNode line =
        event("delivered")
            .put("peer", peer.value())
            .put("type", type.code())
            .put("messageId", messageId);
    emit(Level.DEBUG, line.put("ms", nanos / 1_000_000.0));
  }

  @Override
  public void retrying(OrganisationId peer, int httpStatus, long waitMillis) {
    ObjectNode line = event("retrying").put("peer", peer.value());
    line.put("httpStatus", httpStatus);
    emit(Level.INFO, line.put("waitMs", waitMillis));
  }

  @Override
  public void parked(
      OrganisationId peer, MessageType type, String messageId, int httpStatus, ErrorCode code) {
    ObjectNode line =
        event("parked")
            .put("peer", peer.value())
            .put("type", type.code())
            .put("messageId", messageId);
    line.put("httpStatus", httpStatus);
    emit(Level.WARNING, code(line, code));
  }

  @Override
  public void outboxAction(
      OutboxAction action, OrganisationId peer, MessageType type, String messageId) {
    emit(
        Level.WARNING,
        event("outbox_action")
            .put("action", action.code())
            .put("peer", peer.value())
            .put("type", type.code())
            .put("messageId", messageId));
  }

  @Override
  public void trustListRefreshed(TrustListRefresh.Status status, long heldVersion, ErrorCode code) {
    ObjectNode line =
        event("trust_list").put("status", status.name().toLowerCase(java.util.Locale.ROOT));
    line.put("version", heldVersion);
    emit(status == TrustListRefresh.Status.FAILED ? Level.WARNING : Level.DEBUG, code(line, code));
  }

  @Override
  public void signingKeyChanged(KeyId previous, KeyId current) {
    emit(
        Level.WARNING,
        event("signing_key_changed").put("from", previous.value()).put("to", current.value()));
  }

  @Override
  public void signingKeyRefused(KeyId candidate, ErrorCode code) {
    emit(Level.WARNING, code(event("signing_key_refused").put("keyId", candidate.value()), code));
  }

  private static ObjectNode event(String name) {
    return JsonNodeFactory.instance.objectNode().put("event", name);
  }

  private static ObjectNode code(ObjectNode line, ErrorCode code) {
    return code == null ? line : line.put("code", code.value());
  }

  private void emit(Level level, ObjectNode line) {
    sink.accept(level, MAPPER.writeValueAsString(line));
  }
}
