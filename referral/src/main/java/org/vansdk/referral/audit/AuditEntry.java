package org.vansdk.referral.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.vansdk.core.VanStyle;
import org.vansdk.referral.signature.CanonicalJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One entry of a referral's hash-chained audit log. The {@link #hash()} is SHA-256 over the RFC
 * 8785 canonical JSON of every other field, {@link #previousHash()} included, so altering, removing
 * or reordering any entry breaks the chain. Entries hold codes and identifiers of organisations and
 * messages only, never personal data.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
public abstract class AuditEntry {

  /** The id of the referral whose log this entry belongs to. */
  public abstract String referralId();

  /** Position in the referral's log, from 0. */
  public abstract long sequence();

  /** When the entry was written (the node's clock). */
  public abstract Instant at();

  /** The organisation (or {@code system}) that acted. */
  public abstract String actor();

  /** What happened. */
  public abstract AuditAction action();

  /** The attempt concerned, if any. */
  public abstract Optional<String> attemptId();

  /** The status before a transition. */
  public abstract Optional<String> fromStatus();

  /** The status after a transition. */
  public abstract Optional<String> toStatus();

  /** The message that caused the entry. */
  public abstract Optional<String> messageId();

  /** The consent id and version in force, e.g. {@code KHM-CMAA-C-17@2}. */
  public abstract Optional<String> consentVersion();

  /** The data categories disclosed or received (codes). */
  public abstract List<String> dataCategories();

  /** A reason code or short non-personal detail. */
  public abstract Optional<String> detail();

  /** The hash of the previous entry, or 64 zeros for the first. */
  public abstract String previousHash();

  /** SHA-256 (lower-case hex) over the canonical JSON of every other field. */
  public abstract String hash();

  /** The fields covered by the hash, as JSON. */
  public final ObjectNode contentJson() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("referralId", referralId());
    n.put("sequence", sequence());
    n.put("at", at().toString());
    n.put("actor", actor());
    n.put("action", action().code());
    attemptId().ifPresent(v -> n.put("attemptId", v));
    fromStatus().ifPresent(v -> n.put("from", v));
    toStatus().ifPresent(v -> n.put("to", v));
    messageId().ifPresent(v -> n.put("messageId", v));
    consentVersion().ifPresent(v -> n.put("consentVersion", v));
    ArrayNode categories = n.putArray("dataCategories");
    dataCategories().forEach(categories::add);
    detail().ifPresent(v -> n.put("detail", v));
    n.put("previousHash", previousHash());
    return n;
  }

  /** The entry with its hash, as JSON (what the stores persist). */
  public final ObjectNode toJson() {
    ObjectNode n = contentJson();
    n.put("hash", hash());
    return n;
  }

  /**
   * The hash recomputed from the content: equal to {@link #hash()} unless the entry was altered.
   */
  public final String computeHash() {
    return AuditChain.sha256Hex(CanonicalJson.toBytes(contentJson()));
  }

  /**
   * Reads an entry from its JSON form, as written by {@link #toJson()}. The hash is taken as
   * stored, not recomputed, so that {@link AuditChain#verify} can detect alterations.
   *
   * @throws IllegalArgumentException if a required field is missing
   */
  public static AuditEntry fromJson(JsonNode n) {
    Builder b = builder();
    b.referralId(req(n, "referralId"))
        .sequence(n.path("sequence").asLong())
        .at(Instant.parse(req(n, "at")))
        .actor(req(n, "actor"))
        .action(AuditAction.parse(req(n, "action")))
        .previousHash(req(n, "previousHash"))
        .hash(req(n, "hash"));
    opt(n, "attemptId").ifPresent(b::attemptId);
    opt(n, "from").ifPresent(b::fromStatus);
    opt(n, "to").ifPresent(b::toStatus);
    opt(n, "messageId").ifPresent(b::messageId);
    opt(n, "consentVersion").ifPresent(b::consentVersion);
    opt(n, "detail").ifPresent(b::detail);
    n.path("dataCategories").forEach(c -> b.addDataCategories(c.asString()));
    return b.build();
  }

  private static String req(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isString()) {
      throw new IllegalArgumentException("audit entry has no string field '" + field + "'");
    }
    return v.stringValue();
  }

  private static Optional<String> opt(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || !v.isString() ? Optional.empty() : Optional.of(v.stringValue());
  }

  /** A builder for entries; {@link AuditChain} fills sequence and hashes. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AuditEntry}. */
  public static final class Builder extends ImmutableAuditEntry.Builder {}
}
