package org.vansdk.referral.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.place.CountryCode;
import org.vansdk.referral.message.MessageCodec;
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.node.InMemoryServiceDirectory;
import org.vansdk.referral.node.Receipt;
import org.vansdk.referral.node.ReferralErrors;
import org.vansdk.referral.node.ReferralNode;
import org.vansdk.referral.signature.SignatureCheck;
import org.vansdk.referral.store.InMemoryReferralStore;
import tools.jackson.databind.JsonNode;

/**
 * The committed {@code docs/vectors/} must equal what {@link ProtocolVectors} generates, and every
 * verdict in them must be the one the protocol demands and a real node reaches. Regenerate with
 * {@code mvn -pl referral -am test -Dtest=ProtocolVectorsTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dvan.docs.update=true}.
 */
class ProtocolVectorsTest {

  /** The verdict each tampered case must have, stated independently of the generator. */
  private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

  static {
    EXPECTED.put("resent with a new transmissionId (not signed)", "valid");
    EXPECTED.put("members reordered and white space added", "valid");
    EXPECTED.put("non-ASCII text written with \\u escapes", "valid");
    EXPECTED.put("payload member changed", "invalid");
    EXPECTED.put("senderSeq changed", "invalid");
    EXPECTED.put("createdAt changed", "invalid");
    EXPECTED.put("receiver changed", "invalid");
    EXPECTED.put("signature removed", "missing");
    EXPECTED.put("signature value is not base64url", "malformed");
    EXPECTED.put("signature value is 63 bytes", "malformed");
    EXPECTED.put("signed by a key no registry knows", "unknown_key");
    EXPECTED.put(
        "signed with the receiver's key while claiming to come from the referrer",
        "key_of_another_organisation");
    EXPECTED.put("signed with a revoked key", "revoked_key");
    EXPECTED.put("signature of another message", "invalid");
    EXPECTED.put(
        "payload changed and re-signed, payloadSha256 left as it was", "payload_hash_mismatch");
  }

  @Test
  void committedVectors_areUpToDate() throws IOException {
    Map<String, String> files = ProtocolVectors.files();
    if (Boolean.getBoolean("van.docs.update")) {
      Files.createDirectories(ProtocolVectors.DIR);
      for (Map.Entry<String, String> f : files.entrySet()) {
        Files.writeString(
            ProtocolVectors.DIR.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
      }
    }
    List<String> stale = new ArrayList<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = ProtocolVectors.DIR.resolve(f.getKey());
      if (!Files.exists(p) || !Files.readString(p, StandardCharsets.UTF_8).equals(f.getValue())) {
        stale.add(f.getKey());
      }
    }
    assertEquals(
        List.of(),
        stale,
        "docs/vectors is stale: run mvn -pl referral -am test -Dtest=ProtocolVectorsTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dvan.docs.update=true");
  }

  @Test
  void signedMessages_coverEveryType_andAreValid() throws IOException {
    JsonNode cases = json("signed-messages.json").get("cases");
    assertEquals(MessageType.values().length, cases.size());
    for (JsonNode c : cases) {
      assertEquals("valid", c.get("verdict").asString(), c.get("name").asString());
    }
  }

  @Test
  void tamperedMessages_haveTheVerdictTheProtocolDemands() throws IOException {
    JsonNode cases = json("tampered-messages.json").get("cases");
    Map<String, String> actual = new LinkedHashMap<>();
    for (JsonNode c : cases) {
      actual.put(c.get("name").asString(), c.get("verdict").asString());
    }
    assertEquals(EXPECTED, actual);
  }

  @Test
  void canonicalisation_refusesExactlyTheErrorCases() throws IOException {
    for (JsonNode c : json("canonicalisation.json").get("cases")) {
      String name = c.get("name").asString();
      assertEquals(name.startsWith("error:"), c.get("canonical").isNull(), name);
    }
  }

  /**
   * A real node, receiving each vector addressed to it, refuses or admits it as the verdict says.
   */
  @Test
  void everyVerdict_isWhatARealNodeDecides() throws IOException {
    Clock clock = Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC);
    Map<OrganisationId, ReferralNode> nodes = new LinkedHashMap<>();
    nodes.put(
        TestKeys.REFERRER,
        node(new Party(TestKeys.REFERRER, "hq", CountryCode.KHM), TestKeys.REFERRER_KEY, clock));
    nodes.put(
        TestKeys.RECEIVER,
        node(new Party(TestKeys.RECEIVER, "main", CountryCode.THA), TestKeys.RECEIVER_KEY, clock));
    List<JsonNode> all = new ArrayList<>();
    json("signed-messages.json").get("cases").forEach(all::add);
    json("tampered-messages.json").get("cases").forEach(all::add);
    Map<String, SignatureCheck> byName = new LinkedHashMap<>();
    for (SignatureCheck s : SignatureCheck.values()) {
      byName.put(s.name().toLowerCase(java.util.Locale.ROOT), s);
    }
    int checked = 0;
    for (JsonNode c : all) {
      String name = c.get("name").asString();
      String verdict = c.get("verdict").asString();
      String wire = c.get("wire").asString();
      OrganisationId to =
          OrganisationId.parse(
              MessageCodec.parse(wire).path("receiver").path("organisation").asString());
      ReferralNode node = nodes.get(to);
      if (node == null) {
        continue; // addressed elsewhere: the node would refuse it as not a party
      }
      Receipt r = node.receive(wire.getBytes(StandardCharsets.UTF_8));
      ErrorCode code = r.code();
      if (verdict.equals("valid")) {
        assertNotEquals(ReferralErrors.BAD_SIGNATURE, code, name + ": " + r.detail());
        assertNotEquals(ReferralErrors.PAYLOAD_HASH_MISMATCH, code, name);
        assertNotEquals(ReferralErrors.MALFORMED, code, name + ": " + r.detail());
        assertNotEquals(ReferralErrors.SCHEMA_INVALID, code, name + ": " + r.detail());
      } else if (verdict.equals("payload_hash_mismatch")) {
        assertEquals(ReferralErrors.PAYLOAD_HASH_MISMATCH, code, name);
      } else if (verdict.equals("malformed") && code.equals(ReferralErrors.SCHEMA_INVALID)) {
        // The message schema already constrains signature.value to base64url characters.
        assertTrue(r.detail().contains("/signature/"), name + ": " + r.detail());
      } else {
        assertEquals(ReferralErrors.BAD_SIGNATURE, code, name + ": " + r.detail());
        assertEquals(byName.get(verdict).description(), r.detail(), name);
      }
      checked++;
    }
    assertTrue(checked >= all.size() - 1, "most vectors reach a node: " + checked);
  }

  private static ReferralNode node(Party party, TestKeys.TestKey key, Clock clock) {
    return ReferralNode.builder()
        .party(party)
        .signingKey(key.key())
        .keyRegistry(ProtocolVectors.registry())
        .store(new InMemoryReferralStore())
        .clock(clock)
        .directory(new InMemoryServiceDirectory())
        .build();
  }

  private static JsonNode json(String file) throws IOException {
    return MessageCodec.parse(Files.readAllBytes(ProtocolVectors.DIR.resolve(file)));
  }
}
