package org.vansdk.transport.trust;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.json.VanJson;
import org.vansdk.referral.signature.CanonicalJson;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.schema.validation.TrustListValidator;
import org.vansdk.schema.validation.ValidationIssue;
import org.vansdk.schema.validation.ValidationReport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes trust lists. Reading is strict: the published schema first (an unknown member, a
 * missing one, a wrong form or code is refused with its JSON Pointer, line and column), then the
 * rules across members ({@link TrustList}'s). Writing gives the document the schema describes.
 * Thread-safe (stateless).
 */
public final class TrustListJson {

  private TrustListJson() {}

  /**
   * Reads a trust list from its UTF-8 JSON bytes. Signatures are not checked here ({@link
   * OperatorKeys#verify}).
   *
   * @throws TrustListException with {@link TrustErrors#INVALID}, naming the first problem's JSON
   *     Pointer, line and column, and how many more there are
   */
  public static TrustList read(byte[] document) {
    ValidationReport report = TrustListValidator.create().validate(document);
    if (!report.isValid()) {
      List<ValidationIssue> errors = report.errors();
      ValidationIssue first = errors.get(0);
      throw new TrustListException(
          TrustErrors.INVALID,
          "not a valid trust list: "
              + first.code().code()
              + " at "
              + (first.pointer().isEmpty() ? "the root" : first.pointer())
              + " (line "
              + first.line()
              + ", column "
              + first.column()
              + "): "
              + first.message()
              + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
    }
    JsonNode tree = VanJson.strict().mapper().readTree(document);
    TrustList list = fromTree(tree);
    // the signatures cover the content as this class writes it: refuse any other spelling of it
    firstDifference(tree, toJson(list), "")
        .ifPresent(
            pointer -> {
              throw new TrustListException(
                  TrustErrors.INVALID,
                  "not a valid trust list: "
                      + (pointer.isEmpty() ? "the root" : pointer)
                      + " is not in normal form (instants in UTC as 2026-01-01T00:00:00Z, without"
                      + " a zero fraction; uses in the order sign_messages, sign_requests;"
                      + " schemaVersion 1.0)");
            });
    return list;
  }

  private static Optional<String> firstDifference(JsonNode read, JsonNode normal, String at) {
    if (read.isObject() && normal.isObject()) {
      for (String name : read.propertyNames()) {
        Optional<String> d =
            normal.has(name)
                ? firstDifference(read.get(name), normal.get(name), at + "/" + name)
                : Optional.of(at + "/" + name);
        if (d.isPresent()) {
          return d;
        }
      }
      return read.size() == normal.size() ? Optional.empty() : Optional.of(at);
    }
    if (read.isArray() && normal.isArray() && read.size() == normal.size()) {
      for (int i = 0; i < read.size(); i++) {
        Optional<String> d = firstDifference(read.get(i), normal.get(i), at + "/" + i);
        if (d.isPresent()) {
          return d;
        }
      }
      return Optional.empty();
    }
    if (read.isIntegralNumber() && normal.isIntegralNumber()) {
      return read.bigIntegerValue().equals(normal.bigIntegerValue())
          ? Optional.empty()
          : Optional.of(at);
    }
    return read.equals(normal) ? Optional.empty() : Optional.of(at);
  }

  private static TrustList fromTree(JsonNode root) {
    List<TrustedOrganisation> organisations = new ArrayList<>();
    JsonNode orgs = root.get("organisations");
    for (int i = 0; i < orgs.size(); i++) {
      organisations.add(organisation(orgs.get(i), "/organisations/" + i));
    }
    List<OperatorSignature> signatures = new ArrayList<>();
    for (JsonNode s : root.get("signatures")) {
      signatures.add(
          new OperatorSignature(KeyId.of(s.get("kid").asString()), s.get("value").asString()));
    }
    return new TrustList(
        root.get("network").asString(),
        root.get("version").asLong(),
        Instant.parse(root.get("issuedAt").asString()),
        organisations,
        signatures);
  }

  private static TrustedOrganisation organisation(JsonNode o, String at) {
    List<TrustedKey> keys = new ArrayList<>();
    JsonNode ks = o.get("keys");
    for (int k = 0; k < ks.size(); k++) {
      keys.add(key(ks.get(k), at + "/keys/" + k));
    }
    try {
      return new TrustedOrganisation(
          OrganisationId.parse(o.get("id").asString()),
          o.get("country").asString(),
          o.get("name").asString(),
          o.has("endpoint")
              ? Optional.of(URI.create(o.get("endpoint").asString()))
              : Optional.empty(),
          keys);
    } catch (RuntimeException e) {
      throw new TrustListException(TrustErrors.INVALID, at + ": " + e.getMessage(), e);
    }
  }

  private static TrustedKey key(JsonNode k, String at) {
    Set<KeyUse> uses = EnumSet.noneOf(KeyUse.class);
    k.get("uses").forEach(u -> uses.add(KeyUse.fromCode(u.asString())));
    try {
      return new TrustedKey(
          KeyId.of(k.get("kid").asString()),
          k.get("publicKey").asString(),
          Instant.parse(k.get("notBefore").asString()),
          Instant.parse(k.get("notAfter").asString()),
          k.has("revokedAt")
              ? Optional.of(Instant.parse(k.get("revokedAt").asString()))
              : Optional.empty(),
          uses);
    } catch (RuntimeException e) {
      throw new TrustListException(TrustErrors.INVALID, at + ": " + e.getMessage(), e);
    }
  }

  /** The list as the JSON document the schema describes. */
  public static ObjectNode toJson(TrustList list) {
    ObjectNode root = withoutSignatures(list);
    ArrayNode sigs = root.putArray("signatures");
    for (OperatorSignature s : list.signatures()) {
      sigs.addObject().put("kid", s.kid().value()).put("value", s.value());
    }
    return root;
  }

  /** The list as pretty-printed UTF-8 JSON, ending with a line break. */
  public static byte[] write(TrustList list) {
    return (VanJson.strict().writePretty(toJson(list)) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** The bytes the operator signatures cover: canonical JSON without {@code signatures}. */
  static byte[] signedContent(TrustList list) {
    return CanonicalJson.toBytes(withoutSignatures(list));
  }

  private static ObjectNode withoutSignatures(TrustList list) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("schemaVersion", "1.0");
    root.put("network", list.network());
    root.put("version", list.version());
    root.put("issuedAt", list.issuedAt().toString());
    ArrayNode orgs = root.putArray("organisations");
    for (TrustedOrganisation o : list.organisations()) {
      ObjectNode n = orgs.addObject();
      n.put("id", o.id().value());
      n.put("country", o.country());
      n.put("name", o.name());
      n.put("delivery", o.endpoint().isPresent() ? "endpoint" : "mailbox_only");
      o.endpoint().ifPresent(u -> n.put("endpoint", u.toString()));
      ArrayNode keys = n.putArray("keys");
      for (TrustedKey k : o.keys()) {
        ObjectNode kn = keys.addObject();
        kn.put("kid", k.kid().value());
        kn.put("publicKey", k.publicKey());
        kn.put("notBefore", k.notBefore().toString());
        kn.put("notAfter", k.notAfter().toString());
        kn.put("status", k.revoked() ? "revoked" : "active");
        k.revokedAt().ifPresent(r -> kn.put("revokedAt", r.toString()));
        ArrayNode uses = kn.putArray("uses");
        EnumSet.copyOf(k.uses()).forEach(u -> uses.add(u.code()));
      }
    }
    return root;
  }
}
