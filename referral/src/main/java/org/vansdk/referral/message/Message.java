package org.vansdk.referral.message;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.internal.Sha256;
import org.vansdk.core.place.CountryCode;
import org.vansdk.referral.signature.CanonicalJson;
import org.vansdk.referral.signature.SigningKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A protocol message: an {@link Envelope}, a JSON payload, the payload's SHA-256, and a detached
 * Ed25519 signature. Immutable (the payload is copied in and out); {@link #toString()} shows the
 * envelope's identifiers only, never the payload.
 *
 * @since 1.0
 */
public final class Message {

  /** The wire format version written by this SDK. */
  public static final String SCHEMA_VERSION = "1.0";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The payload members of the message types that hold free text (each a localized text). */
  private static final List<String> FREE_TEXT = List.of("note", "question", "answer", "outcome");

  /** Free text a message type cannot go without ({@code info_request}, {@code complete}). */
  private static final Set<String> REQUIRED_FREE_TEXT = Set.of("question", "outcome");

  private static final ObjectNode WITHHELD =
      NODES.objectNode().put("lang", "en").put("text", "withheld: consent withdrawn");

  private final Envelope envelope;
  private final ObjectNode payload;
  private final String payloadSha256;
  private final Optional<MessageSignature> signature;

  /** The wire form's bytes, written on first use: a message is immutable, and is sent whole. */
  private volatile byte @Nullable [] wire;

  private Message(
      Envelope envelope,
      ObjectNode payload,
      String payloadSha256,
      Optional<MessageSignature> signature) {
    this.envelope = envelope;
    this.payload = payload;
    this.payloadSha256 = payloadSha256;
    this.signature = signature;
  }

  /** An unsigned message; its payload hash is computed here. */
  public static Message of(Envelope envelope, ObjectNode payload) {
    ObjectNode copy = payload.deepCopy();
    return new Message(envelope, copy, payloadHash(copy), Optional.empty());
  }

  /** SHA-256 (lower-case hex) of the payload's canonical JSON. */
  public static String payloadHash(JsonNode payload) {
    return Sha256.hex(CanonicalJson.toBytes(payload));
  }

  /** The envelope. */
  public Envelope envelope() {
    return envelope;
  }

  /** The type (shortcut for {@code envelope().type()}). */
  public MessageType type() {
    return envelope.type();
  }

  /** A copy of the payload. */
  public ObjectNode payload() {
    return payload.deepCopy();
  }

  /** A payload member, read-only use only (not copied). */
  JsonNode payloadMember(String name) {
    return payload.path(name);
  }

  /** The text of a payload member, if it is a string. */
  public Optional<String> payloadText(String name) {
    JsonNode v = payload.get(name);
    return v != null && v.isString() ? Optional.of(v.stringValue()) : Optional.empty();
  }

  /**
   * True if the payload holds personal data: a non-empty {@code personalData} object, or free text
   * ({@code note}, {@code question}, {@code answer}, {@code outcome}). Free text is personal data
   * until proven otherwise: a note about a survivor may hold a name or a phone number.
   */
  public boolean carriesPersonalData() {
    JsonNode pd = payload.get("personalData");
    if (pd != null && pd.isObject() && !pd.isEmpty()) {
      return true;
    }
    for (String member : FREE_TEXT) {
      if (payload.has(member) && !WITHHELD.equals(payload.get(member))) {
        return true;
      }
    }
    return false;
  }

  /**
   * This message without personal data, under the same envelope (id, sequence): {@code
   * personalData} removed, {@code dataCategories} emptied, optional free text removed, and free
   * text the message type requires ({@code question}, {@code outcome}) replaced by a fixed English
   * notice that it was withheld, so the stripped message still matches its schema. What a node
   * sends instead of an unacknowledged message once the consent behind it is withdrawn.
   */
  public Message withoutPersonalData() {
    ObjectNode stripped = payload.deepCopy();
    stripped.remove("personalData");
    if (stripped.has("dataCategories")) {
      stripped.putArray("dataCategories");
    }
    for (String member : FREE_TEXT) {
      if (stripped.has(member)) {
        if (REQUIRED_FREE_TEXT.contains(member)) {
          stripped.set(member, WITHHELD.deepCopy());
        } else {
          stripped.remove(member);
        }
      }
    }
    return of(envelope, stripped);
  }

  /** The payload hash as carried in the envelope. */
  public String payloadSha256() {
    return payloadSha256;
  }

  /** The signature, if signed. */
  public Optional<MessageSignature> signature() {
    return signature;
  }

  /** This message signed with the key (replacing any signature). */
  public Message signedWith(SigningKey key) {
    return withSignature(
        new MessageSignature(key.keyId().value(), key.signCanonical(signedContent())));
  }

  /** This message with a detached signature computed elsewhere (replacing any signature). */
  public Message withSignature(MessageSignature signature) {
    return new Message(envelope, payload, payloadSha256, Optional.of(signature));
  }

  /**
   * This message with a new transmission id. The signature is kept: it does not cover the
   * transmission id, so a resend needs no new signature.
   */
  public Message withTransmissionId(String transmissionId) {
    return new Message(
        Envelope.builder().from(envelope).transmissionId(transmissionId).build(),
        payload,
        payloadSha256,
        signature);
  }

  /**
   * The JSON the signature covers: the whole message without its {@code signature} and {@code
   * transmissionId} members (the one transport field, new on every resend).
   */
  public ObjectNode signedContent() {
    return signedContent(toJson());
  }

  /**
   * The part of a received wire form that the signature covers: a copy without {@code signature}
   * and {@code transmissionId}. Taken from the received tree, so that members of a newer minor
   * version unknown here are covered too.
   */
  public static ObjectNode signedContent(JsonNode wire) {
    ObjectNode n = ((ObjectNode) wire).deepCopy();
    n.remove("signature");
    n.remove("transmissionId");
    return n;
  }

  /**
   * The wire form as UTF-8 JSON: written once, a copy each call (a transport may ask for a
   * message's bytes several times: to size a batch, then to write it).
   */
  byte[] wireBytes() {
    return wire().clone();
  }

  /** The length of the wire form in bytes, without a copy. */
  int wireLength() {
    return wire().length;
  }

  private byte[] wire() {
    byte[] w = wire;
    if (w == null) {
      w = MessageCodec.toBytes(toJson());
      wire = w;
    }
    return w;
  }

  /** The wire form (a fresh tree each call). */
  public ObjectNode toJson() {
    Envelope e = envelope;
    ObjectNode n = NODES.objectNode();
    n.put("schemaVersion", e.schemaVersion());
    n.put("messageId", e.messageId());
    n.put("transmissionId", e.transmissionId());
    n.put("type", e.type().code());
    n.put("correlationId", e.correlationId().value());
    n.put("attemptId", e.attemptId().value());
    e.causationId().ifPresent(v -> n.put("causationId", v));
    n.set("sender", party(e.sender()));
    n.set("receiver", party(e.receiver()));
    n.put("createdAt", e.createdAt().toString());
    n.put("senderSeq", e.senderSeq());
    n.put("baseVersion", e.baseVersion());
    n.put("confidentiality", e.confidentiality().code());
    e.consentRef().ifPresent(v -> n.put("consentRef", v));
    e.lang().ifPresent(v -> n.put("lang", v));
    n.put("payloadSha256", payloadSha256);
    n.set("payload", payload.deepCopy());
    signature.ifPresent(
        s -> {
          ObjectNode sig = n.putObject("signature");
          sig.put("alg", MessageSignature.ALGORITHM);
          sig.put("keyId", s.keyId());
          sig.put("value", s.value());
        });
    return n;
  }

  private static ObjectNode party(Party p) {
    ObjectNode n = NODES.objectNode();
    n.put("organisation", p.organisation().value());
    n.put("system", p.system());
    n.put("country", p.country().code());
    return n;
  }

  /**
   * Reads a message from its wire form. The form is expected to have passed the message schema; the
   * payload hash is taken as carried, so that a receiver can compare it with {@link #payloadHash}
   * of the payload.
   *
   * @throws IllegalArgumentException if a required member is missing or malformed
   */
  public static Message fromJson(JsonNode n) {
    MessageType type =
        MessageType.parse(text(n, "type"))
            .orElseThrow(() -> new IllegalArgumentException("unknown message type"));
    Envelope.Builder b =
        Envelope.builder()
            .messageId(text(n, "messageId"))
            .transmissionId(text(n, "transmissionId"))
            .type(type)
            .schemaVersion(text(n, "schemaVersion"))
            .correlationId(ReferralId.parse(text(n, "correlationId")))
            .attemptId(AttemptId.parse(text(n, "attemptId")))
            .sender(readParty(n.path("sender"), "sender"))
            .receiver(readParty(n.path("receiver"), "receiver"))
            .createdAt(Instant.parse(text(n, "createdAt")))
            .senderSeq(n.path("senderSeq").asLong())
            .baseVersion(n.path("baseVersion").asLong())
            .confidentiality(Confidentiality.parse(text(n, "confidentiality")));
    optText(n, "causationId").ifPresent(b::causationId);
    optText(n, "consentRef").ifPresent(b::consentRef);
    optText(n, "lang").ifPresent(b::lang);
    JsonNode payload = n.get("payload");
    if (payload == null || !payload.isObject()) {
      throw new IllegalArgumentException("message has no payload object");
    }
    JsonNode sig = n.get("signature");
    Optional<MessageSignature> signature =
        sig != null && sig.isObject()
            ? Optional.of(
                new MessageSignature(
                    sig.path("keyId").asString(""), sig.path("value").asString("")))
            : Optional.empty();
    return new Message(
        b.build(), (ObjectNode) payload.deepCopy(), text(n, "payloadSha256"), signature);
  }

  private static Party readParty(JsonNode n, String where) {
    return new Party(
        OrganisationId.parse(text(n, "organisation", where)),
        text(n, "system", where),
        CountryCode.parse(text(n, "country", where)));
  }

  private static String text(JsonNode n, String field) {
    return text(n, field, "message");
  }

  private static String text(JsonNode n, String field, String where) {
    JsonNode v = n.get(field);
    if (v == null || !v.isString()) {
      throw new IllegalArgumentException(where + " has no string member '" + field + "'");
    }
    return v.stringValue();
  }

  private static Optional<String> optText(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && v.isString() ? Optional.of(v.stringValue()) : Optional.empty();
  }

  @Override
  public String toString() {
    return "Message["
        + envelope.type().code()
        + " "
        + envelope.messageId()
        + " attempt "
        + envelope.attemptId()
        + " seq "
        + envelope.senderSeq()
        + "]";
  }
}
