package org.vansdk.referral.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.referral.message.MessageType;
import org.vansdk.schema.validation.MessageValidator;
import tools.jackson.databind.node.ObjectNode;

class MessageSchemasTest {

  @ParameterizedTest
  @EnumSource(MessageType.class)
  void everyMessageType_hasASchemaInVanSchema(MessageType type) {
    assertNotNull(
        MessageValidator.class.getResource(
            "/org/vansdk/schema/1.0/" + MessageValidator.schemaFile(type.code())),
        type.code());
  }

  private static ObjectNode validRequest() {
    TestWorld world = new TestWorld(7);
    ReferralNode khm = world.add(TestWorld.KHM_CMAA);
    khm.refer(
        TestWorld.draft(
            TestWorld.referral(TestWorld.KHM_CMAA, "1", "1"),
            TestWorld.attempt(TestWorld.KHM_CMAA, "1"),
            TestWorld.THA_PROSTHESIS,
            java.util.EnumSet.of(DataCategory.IDENTITY)),
        TestWorld.crossBorderConsent("1"));
    return TestWorld.tree(khm.outgoing().get(0));
  }

  @Test
  void validate_requestAsSent_noProblems() {
    assertEquals(List.of(), MessageSchemas.instance().validate(validRequest()));
  }

  @Test
  void validate_missingPayloadMemberAndBadCode_problemsNamePointerAndRule() {
    ObjectNode m = validRequest();
    ((ObjectNode) m.get("payload")).remove("respondBy");
    ((ObjectNode) m.get("payload").get("referral")).put("priority", "whenever");
    List<String> problems = MessageSchemas.instance().validate(m);
    assertTrue(
        problems.stream().anyMatch(p -> p.startsWith("/payload/respondBy: VAN-S-0010 required")),
        problems.toString());
    assertTrue(
        problems.stream().anyMatch(p -> p.startsWith("/payload/referral/priority: VAN-S-0013")),
        problems.toString());
    assertTrue(problems.stream().noneMatch(p -> p.contains("whenever")), "no values echoed");
  }

  @Test
  void validate_unknownPersonalDataCategory_refused() {
    ObjectNode m = validRequest();
    ((ObjectNode) m.get("payload").get("personalData")).putObject("religion");
    assertTrue(
        MessageSchemas.instance().validate(m).stream().anyMatch(p -> p.contains("personalData")));
  }

  @Test
  void validate_unknownType_listsAllowedTypes() {
    ObjectNode m = validRequest();
    m.put("type", "shout");
    List<String> problems = MessageSchemas.instance().validate(m);
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).contains("referral_request"), problems.get(0));
  }

  @Test
  void validate_badInstant_refusedByFormatAssertion() {
    ObjectNode m = validRequest();
    m.put("createdAt", "yesterday");
    assertTrue(
        MessageSchemas.instance().validate(m).stream().anyMatch(p -> p.startsWith("/createdAt")));
  }

  @Test
  void validate_newerMinorWithUnknownMembers_noProblems() {
    ObjectNode m = validRequest();
    m.put("schemaVersion", "1.9");
    m.put("routeHint", "asean-hub");
    ((ObjectNode) m.get("payload").get("referral")).put("fundingScheme", "hef");
    assertEquals(List.of(), MessageSchemas.instance().validate(m));
  }

  @Test
  void validate_manyProblems_listsTenAndCountsTheRest() {
    ObjectNode m = validRequest();
    for (String member :
        List.of(
            "messageId",
            "transmissionId",
            "correlationId",
            "attemptId",
            "sender",
            "receiver",
            "createdAt",
            "senderSeq",
            "baseVersion",
            "confidentiality",
            "payloadSha256",
            "payload")) {
      m.remove(member);
    }
    List<String> problems = MessageSchemas.instance().validate(m);
    assertEquals(11, problems.size(), problems.toString());
    assertEquals("… 2 more", problems.get(10));
  }
}
