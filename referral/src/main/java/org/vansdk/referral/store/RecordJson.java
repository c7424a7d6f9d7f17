package org.vansdk.referral.store;

import java.time.Instant;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.ConsentId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.Role;
import org.vansdk.referral.message.MessageCodec;
import org.vansdk.referral.message.Party;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The JSON form in which the JDBC store keeps an {@link AttemptRecord}. */
final class RecordJson {

  /**
   * The largest stored JSON value read back, in characters: what this store writes is derived from
   * messages of at most {@link MessageCodec#MAX_MESSAGE_BYTES} (an attempt record adds its history
   * and ids), so a record may be slightly larger than the message it came from, never this large.
   */
  static final int MAX_STORED_CHARS = 8 * MessageCodec.MAX_MESSAGE_BYTES;

  private static final JsonMapper STORED =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(64)
                          .maxStringLength(MAX_STORED_CHARS)
                          .maxNumberLength(64)
                          .build())
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private RecordJson() {}

  /**
   * Parses JSON this store wrote (its own records, messages and replies), with the same strictness
   * as {@link MessageCodec#parse} but a limit above the message limit: a record is not a message.
   *
   * @throws ReferralStoreException if the stored text is not such JSON (the store is damaged)
   */
  static JsonNode parse(String json) {
    if (json.length() > MAX_STORED_CHARS) {
      throw new ReferralStoreException(
          "a stored value is " + json.length() + " characters; at most " + MAX_STORED_CHARS);
    }
    try {
      return STORED.readTree(json);
    } catch (JacksonException e) {
      throw new ReferralStoreException("a stored value is not strict JSON", e);
    }
  }

  static ObjectNode toJson(AttemptRecord a) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("attemptId", a.attemptId().value());
    n.put("referralId", a.referralId().value());
    n.put("side", a.side().name());
    n.set("referrer", party(a.referrer()));
    n.set("receiver", party(a.receiver()));
    n.put("status", a.status().name());
    n.put("version", a.version());
    ArrayNode h = n.putArray("history");
    for (StatusEntry c : a.history()) {
      ObjectNode e = h.addObject();
      e.put("to", c.to().name());
      e.put("at", c.at().toString());
      e.put("by", c.by().name());
      e.put("reason", c.reason());
      e.put("messageId", c.messageId());
    }
    a.replaces().ifPresent(r -> n.put("replaces", r.value()));
    a.consentRef().ifPresent(r -> n.put("consentRef", r));
    ArrayNode cats = n.putArray("dataCategories");
    a.dataCategories().forEach(cats::add);
    ArrayNode types = n.putArray("serviceTypes");
    a.serviceTypes().forEach(types::add);
    a.targetService().ifPresent(s -> n.put("targetService", s));
    a.respondBy().ifPresent(t -> n.put("respondBy", t.toString()));
    a.request().ifPresent(p -> n.set("request", p));
    a.personId().ifPresent(p -> n.put("personId", p.value()));
    a.namedConsent().ifPresent(c -> n.put("namedConsent", c.value()));
    if (!a.noteCategories().isEmpty()) {
      ArrayNode note = n.putArray("noteCategories");
      a.noteCategories().forEach(note::add);
    }
    a.outcome().ifPresent(p -> n.set("outcome", p));
    a.personalData().ifPresent(p -> n.set("personalData", p));
    n.put("cancelRequested", a.cancelRequested());
    n.put("consentWithdrawn", a.consentWithdrawn());
    n.put("purged", a.purged());
    n.put("nextOutboundSeq", a.nextOutboundSeq());
    n.put("createdAt", a.createdAt().toString());
    return n;
  }

  static AttemptRecord fromJson(JsonNode n) {
    AttemptRecord.Builder b =
        AttemptRecord.builder()
            .attemptId(AttemptId.parse(n.get("attemptId").stringValue()))
            .referralId(ReferralId.parse(n.get("referralId").stringValue()))
            .side(Role.valueOf(n.get("side").stringValue()))
            .referrer(party(n.get("referrer")))
            .receiver(party(n.get("receiver")))
            .status(AttemptStatus.valueOf(n.get("status").stringValue()))
            .version(n.get("version").asLong())
            .cancelRequested(n.get("cancelRequested").asBoolean())
            .consentWithdrawn(n.get("consentWithdrawn").asBoolean())
            .purged(n.get("purged").asBoolean())
            .nextOutboundSeq(n.get("nextOutboundSeq").asLong())
            .createdAt(Instant.parse(n.get("createdAt").stringValue()));
    for (JsonNode e : n.get("history")) {
      b.addHistory(
          new StatusEntry(
              AttemptStatus.valueOf(e.get("to").stringValue()),
              Instant.parse(e.get("at").stringValue()),
              Role.valueOf(e.get("by").stringValue()),
              e.get("reason").stringValue(),
              e.get("messageId").stringValue()));
    }
    if (n.hasNonNull("replaces")) {
      b.replaces(AttemptId.parse(n.get("replaces").stringValue()));
    }
    if (n.hasNonNull("consentRef")) {
      b.consentRef(n.get("consentRef").stringValue());
    }
    n.get("dataCategories").forEach(c -> b.addDataCategories(c.stringValue()));
    n.get("serviceTypes").forEach(c -> b.addServiceTypes(c.stringValue()));
    if (n.hasNonNull("targetService")) {
      b.targetService(n.get("targetService").stringValue());
    }
    if (n.hasNonNull("respondBy")) {
      b.respondBy(Instant.parse(n.get("respondBy").stringValue()));
    }
    if (n.hasNonNull("outcome")) {
      b.outcome(n.get("outcome"));
    }
    if (n.hasNonNull("request")) {
      b.request(n.get("request"));
    }
    if (n.hasNonNull("personId")) {
      b.personId(PersonId.parse(n.get("personId").stringValue()));
    }
    if (n.hasNonNull("namedConsent")) {
      b.namedConsent(ConsentId.parse(n.get("namedConsent").stringValue()));
    }
    n.path("noteCategories").forEach(c -> b.addNoteCategories(c.stringValue()));
    if (n.hasNonNull("personalData")) {
      b.personalData(n.get("personalData"));
    }
    return b.build();
  }

  private static ObjectNode party(Party p) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("organisation", p.organisation().value());
    n.put("system", p.system());
    n.put("country", p.country().code());
    return n;
  }

  private static Party party(JsonNode n) {
    return new Party(
        OrganisationId.parse(n.get("organisation").stringValue()),
        n.get("system").stringValue(),
        CountryCode.parse(n.get("country").stringValue()));
  }
}
