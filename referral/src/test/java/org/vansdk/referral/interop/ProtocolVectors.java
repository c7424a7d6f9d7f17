package org.vansdk.referral.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.internal.Sha256;
import org.vansdk.referral.message.Message;
import org.vansdk.referral.message.MessageCodec;
import org.vansdk.referral.message.MessageSignature;
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.signature.CanonicalJson;
import org.vansdk.referral.signature.CanonicalJsonException;
import org.vansdk.referral.signature.InMemoryOrganisationKeyRegistry;
import org.vansdk.referral.signature.SignatureCheck;
import org.vansdk.referral.signature.SignatureVerifier;
import org.vansdk.referral.signature.SigningKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates the language-neutral test vectors of the referral protocol in {@code docs/vectors/}:
 * canonicalisation inputs and outputs, the fixed test key pairs, one signed message of every type,
 * and tampered messages with the verdict a receiver must reach. Every expected value is computed
 * here by the SDK's own code; {@link ProtocolVectorsTest} fails when the committed files differ.
 *
 * <p>Regenerate: {@code mvn -pl referral -am test -Dtest=ProtocolVectorsTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dvan.docs.update=true}.
 */
final class ProtocolVectors {
  /** Where the committed vectors live, from the referral module's directory. */
  static final Path DIR = Path.of("..", "docs", "vectors");

  /** The one valid sample of every message type, shared with the schema module's tests. */
  static final Path SAMPLES =
      Path.of("..", "schema", "src", "test", "resources", "org", "vansdk", "schema", "message");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonMapper PRETTY =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private ProtocolVectors() {}

  /** Every vector file, name to content. */
  static Map<String, String> files() throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("keys.json", pretty(keys()));
    files.put("canonicalisation.json", pretty(canonicalisation()));
    Map<MessageType, Message> signed = signedMessages();
    files.put("signed-messages.json", pretty(signedVectors(signed)));
    files.put("tampered-messages.json", pretty(tampered(signed)));
    return files;
  }

  private static String pretty(JsonNode n) {
    return PRETTY.writeValueAsString(n) + "\n";
  }

  // The key registry every verifier of the vectors starts from.
  static InMemoryOrganisationKeyRegistry registry() {
    InMemoryOrganisationKeyRegistry r = new InMemoryOrganisationKeyRegistry();
    for (TestKeys.TestKey k :
        List.of(TestKeys.REFERRER_KEY, TestKeys.RECEIVER_KEY, TestKeys.REVOKED_KEY)) {
      r.register(k.organisation(), k.key());
      if (k.revoked()) {
        r.revoke(k.key().keyId());
      }
    }
    return r;
  }

  private static ObjectNode keys() {
    ObjectNode root = NODES.objectNode();
    root.put(
        "warning",
        "TEST ONLY. These private keys are published; they prove nothing and must never sign"
            + " anything outside tests.");
    root.put(
        "derivation",
        "seed = SHA-256 of the UTF-8 label; the seed is the RFC 8032 Ed25519 private key");
    ArrayNode keys = root.putArray("keys");
    for (TestKeys.TestKey k :
        List.of(TestKeys.REFERRER_KEY, TestKeys.RECEIVER_KEY, TestKeys.REVOKED_KEY)) {
      ObjectNode n = keys.addObject();
      n.put("keyId", k.key().keyId().value());
      n.put("organisation", k.organisation().value());
      n.put("revoked", k.revoked());
      n.put("label", k.label());
      n.put("seedHex", HexFormat.of().formatHex(k.seed()));
      n.put("publicKeyHex", HexFormat.of().formatHex(k.rawPublicKey()));
      n.put(
          "publicKeyX509Base64",
          Base64.getEncoder().encodeToString(k.key().publicKey().getEncoded()));
    }
    return root;
  }

  /** Inputs as JSON text, so the vectors fix how numbers and escapes are written, too. */
  private static final String[][] CANONICALISATION_INPUTS = {
    {
      "members sorted by UTF-16 code units (U+1F600 sorts before U+FB33)",
      "{\"\\u20ac\":\"Euro\",\"\\r\":\"CR\",\"\\ufb33\":\"Hebrew\",\"1\":\"One\","
          + "\"\\ud83d\\ude00\":\"Smiley\",\"\\u0080\":\"Control\",\"\\u00f6\":\"o-umlaut\","
          + "\"a\":\"a\",\"A\":\"A\",\"aa\":\"aa\"}"
    },
    {
      "numbers as ECMAScript writes an IEEE 754 double",
      "[0, -0, 1, -1, 1.0, 100, 1e2, 0.1, 4.50, 2e-3, 1e-6, 1e-7, 5e-7, 1e20, 1e21, 1E30,"
          + " 123456789012345680000, 333333333.33333329, 9007199254740993, -5e-324,"
          + " 1.7976931348623157e308, 0.000001234, 1234.5678e10]"
    },
    {
      "string escapes: only \\\" \\\\ and control characters; / and non-ASCII stay as they are",
      "\"\\u0000\\u001f\\b\\f\\n\\r\\t\\\"\\\\\\/ \\u007f \\u2028 \\u00e9 \\u6f22\\u5b57"
          + " \\ud83d\\ude00 ភ្នំពេញ\""
    },
    {
      "nested values, literals and insignificant white space",
      "{ \"b\" : [ true , false , null , { \"z\" : 1 , \"a\" : { } } ] ,\n\t\"a\" : [ ] }"
    },
    {
      "a message payload with Khmer and Thai text",
      "{\"note\":{\"lang\":\"km\",\"text\":\"មានជើងកាត់ពីក្រោមជង្គង់ឆ្វេង\"},"
          + "\"outcome\":{\"text\":\"ยินดีต้อนรับ\",\"lang\":\"th\"},\"rating\":5}"
    },
    {"error: a lone surrogate cannot be written as UTF-8", "{\"text\":\"\\ud800\"}"},
    {"error: a number beyond the double range", "{\"n\":1e400}"},
    {"error: a duplicate member name (the strict reader refuses it)", "{\"a\":1,\"a\":2}"},
  };

  private static ObjectNode canonicalisation() {
    ObjectNode root = NODES.objectNode();
    root.put(
        "description",
        "RFC 8785 (JCS) canonical form: parse input as strict JSON (duplicate member names are an"
            + " error), then write it canonically. canonical is null when the input must be"
            + " refused. sha256 is the lower-case hex SHA-256 of the canonical UTF-8 bytes.");
    ArrayNode cases = root.putArray("cases");
    for (String[] c : CANONICALISATION_INPUTS) {
      ObjectNode n = cases.addObject();
      n.put("name", c[0]);
      n.put("input", c[1]);
      String canonical = canonicalOrNull(c[1]);
      if (canonical == null) {
        n.putNull("canonical");
        n.putNull("sha256");
      } else {
        n.put("canonical", canonical);
        n.put("sha256", Sha256.hex(canonical.getBytes(StandardCharsets.UTF_8)));
      }
    }
    return root;
  }

  static String canonicalOrNull(String input) {
    try {
      return CanonicalJson.toText(MessageCodec.parse(input));
    } catch (IllegalArgumentException | CanonicalJsonException e) {
      return null;
    }
  }

  /** The sample of each type, re-signed with its sender's test key. */
  static Map<MessageType, Message> signedMessages() throws IOException {
    Map<MessageType, Message> out = new LinkedHashMap<>();
    for (MessageType type : MessageType.values()) {
      Path file = SAMPLES.resolve(type.code().replace('_', '-') + ".json");
      Message sample = Message.fromJson(MessageCodec.parse(Files.readAllBytes(file)));
      OrganisationId sender = sample.envelope().sender().organisation();
      SigningKey key =
          sender.equals(TestKeys.REFERRER)
              ? TestKeys.REFERRER_KEY.key()
              : TestKeys.RECEIVER_KEY.key();
      out.put(type, Message.of(sample.envelope(), sample.payload()).signedWith(key));
    }
    return out;
  }

  private static ObjectNode signedVectors(Map<MessageType, Message> signed) {
    ObjectNode root = NODES.objectNode();
    root.put(
        "description",
        "One signed message of every type. wire is the message as sent (UTF-8 JSON text);"
            + " payloadCanonical and payloadSha256 are the canonical payload and its hash;"
            + " signedCanonical is the canonical form of the message without its signature and"
            + " transmissionId members: the bytes the Ed25519 signature covers.");
    ArrayNode cases = root.putArray("cases");
    for (Map.Entry<MessageType, Message> e : signed.entrySet()) {
      Message m = e.getValue();
      ObjectNode n = cases.addObject();
      n.put("name", e.getKey().code());
      n.put("type", e.getKey().code());
      n.put("wire", MessageCodec.toText(m.toJson()));
      n.put("payloadCanonical", CanonicalJson.toText(m.toJson().get("payload")));
      n.put("payloadSha256", m.payloadSha256());
      n.put("signedCanonical", CanonicalJson.toText(m.signedContent()));
      n.put("verdict", verdict(MessageCodec.toText(m.toJson())));
    }
    return root;
  }

  private static ObjectNode tampered(Map<MessageType, Message> signed) {
    Message request = signed.get(MessageType.REFERRAL_REQUEST);
    Message accept = signed.get(MessageType.ACCEPT);
    ObjectNode root = NODES.objectNode();
    root.put(
        "description",
        "Messages changed after signing (or signed wrongly), with the verdict a receiver holding"
            + " the registry of keys.json must reach. Checks in this order: signature present,"
            + " well formed, key known, key owned by sender.organisation, key not revoked,"
            + " signature verifies, payloadSha256 matches the payload.");
    ArrayNode cases = root.putArray("cases");
    add(cases, "resent with a new transmissionId (not signed)", retransmit(request));
    add(cases, "members reordered and white space added", reorderedText(request));
    add(
        cases,
        "non-ASCII text written with \\u escapes",
        MessageCodec.toText(accept.toJson()).replace("ยินดีต้อนรับ", escaped("ยินดีต้อนรับ")));
    add(
        cases,
        "payload member changed",
        edit(request, n -> payload(n).put("destinationCountry", "LAO")));
    add(cases, "senderSeq changed", edit(accept, n -> n.put("senderSeq", 3)));
    add(cases, "createdAt changed", edit(accept, n -> n.put("createdAt", "2026-11-29T01:46:00Z")));
    add(
        cases,
        "receiver changed",
        edit(request, n -> ((ObjectNode) n.get("receiver")).put("organisation", "LAO-NRA-HQ")));
    add(cases, "signature removed", edit(request, n -> n.remove("signature")));
    add(
        cases,
        "signature value is not base64url",
        edit(request, n -> sig(n).put("value", "not+base64/url==")));
    add(
        cases,
        "signature value is 63 bytes",
        edit(
            request,
            n ->
                sig(n)
                    .put(
                        "value",
                        Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[63]))));
    add(
        cases,
        "signed by a key no registry knows",
        MessageCodec.toText(request.signedWith(TestKeys.UNREGISTERED_KEY.key()).toJson()));
    add(
        cases,
        "signed with the receiver's key while claiming to come from the referrer",
        MessageCodec.toText(request.signedWith(TestKeys.RECEIVER_KEY.key()).toJson()));
    add(
        cases,
        "signed with a revoked key",
        MessageCodec.toText(request.signedWith(TestKeys.REVOKED_KEY.key()).toJson()));
    add(
        cases,
        "signature of another message",
        edit(
            accept,
            n -> sig(n).put("value", signed.get(MessageType.COMPLETE).signature().get().value())));
    add(
        cases,
        "payload changed and re-signed, payloadSha256 left as it was",
        resignedWithStaleHash(request));
    return root;
  }

  private static void add(ArrayNode cases, String name, String wire) {
    ObjectNode n = cases.addObject();
    n.put("name", name);
    n.put("wire", wire);
    n.put("verdict", verdict(wire));
  }

  private static String retransmit(Message m) {
    return MessageCodec.toText(m.withTransmissionId("resend-2").toJson());
  }

  private static String reorderedText(Message m) {
    ObjectNode wire = m.toJson();
    List<String> names = new java.util.ArrayList<>(wire.propertyNames());
    java.util.Collections.reverse(names);
    StringBuilder out = new StringBuilder("{\n");
    for (int i = 0; i < names.size(); i++) {
      out.append("  ")
          .append(MessageCodec.toText(NODES.stringNode(names.get(i))))
          .append(" : ")
          .append(MessageCodec.toText(wire.get(names.get(i))));
      out.append(i + 1 < names.size() ? ",\n" : "\n");
    }
    return out.append("}\n").toString();
  }

  private static String escaped(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
    }
    return out.toString();
  }

  private static String edit(Message m, java.util.function.Consumer<ObjectNode> change) {
    ObjectNode wire = m.toJson();
    change.accept(wire);
    return MessageCodec.toText(wire);
  }

  private static ObjectNode payload(ObjectNode wire) {
    return (ObjectNode) wire.get("payload");
  }

  private static ObjectNode sig(ObjectNode wire) {
    return (ObjectNode) wire.get("signature");
  }

  private static String resignedWithStaleHash(Message m) {
    ObjectNode wire = m.toJson();
    payload(wire).put("destinationCountry", "LAO");
    wire.remove("signature");
    String value = TestKeys.REFERRER_KEY.key().signCanonical(Message.signedContent(wire));
    ObjectNode s = wire.putObject("signature");
    s.put("alg", MessageSignature.ALGORITHM);
    s.put("keyId", TestKeys.REFERRER_KEY.key().keyId().value());
    s.put("value", value);
    return MessageCodec.toText(wire);
  }

  /**
   * The verdict on a wire form, by the rules of the protocol: the signature checks of {@link
   * SignatureVerifier}, then the payload hash. {@code valid}, a {@link SignatureCheck} name in
   * lower case, or {@code payload_hash_mismatch}.
   */
  static String verdict(String wireText) {
    JsonNode wire = MessageCodec.parse(wireText);
    JsonNode sig = wire.path("signature");
    SignatureCheck check =
        new SignatureVerifier(registry())
            .verify(
                OrganisationId.parse(wire.path("sender").path("organisation").asString()),
                sig.path("keyId").asString(""),
                CanonicalJson.toBytes(Message.signedContent(wire)),
                sig.path("value").asString(""));
    if (!check.isValid()) {
      return check.name().toLowerCase(Locale.ROOT);
    }
    return Message.payloadHash(wire.get("payload")).equals(wire.path("payloadSha256").asString())
        ? "valid"
        : "payload_hash_mismatch";
  }
}
