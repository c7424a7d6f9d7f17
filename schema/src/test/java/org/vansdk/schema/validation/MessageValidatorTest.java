package org.vansdk.schema.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vansdk.core.json.VanJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class MessageValidatorTest {
  private static final MessageValidator VALIDATOR = MessageValidator.create();

  static Stream<MessageCases.Case> valid() {
    return MessageCases.all().stream().filter(c -> c.valid);
  }

  static Stream<MessageCases.Case> invalid() {
    return MessageCases.all().stream().filter(c -> !c.valid);
  }

  static Stream<MessageCases.Case> all() {
    return MessageCases.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void validSample_hasNoError(MessageCases.Case c) {
    ValidationReport report = VALIDATOR.validate(c.message);
    assertTrue(report.isValid(), c.name + ": " + report);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidCase_reportsExactlyTheExpectedCodesAndPointers(MessageCases.Case c) {
    ValidationReport report = VALIDATOR.validate(c.message);
    Set<Map.Entry<String, String>> found =
        report.errors().stream()
            .map(i -> Map.entry(i.code().code(), i.pointer()))
            .collect(Collectors.toSet());
    assertEquals(new HashSet<>(c.expected), found, c.name + ": " + report);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidCase_neverEchoesTheValueSet(MessageCases.Case c) {
    for (ValidationIssue i : VALIDATOR.validate(c.message).issues()) {
      if (i.code() != IssueCode.UNSUPPORTED_VERSION) {
        assertTrue(i.value().isEmpty(), c.name + ": value kept in " + i);
      }
      for (String v : c.setValues) {
        assertFalse(
            i.message().contains("'" + v + "'")
                || i.message().contains("\"" + v + "\"")
                || (v.length() >= 5 && i.message().contains(v)),
            c.name + ": value echoed in " + i);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("all")
  void dispatchingSchema_givesTheSameVerdictAsTheTypeSchema(MessageCases.Case c) {
    Schema any = SchemaSet.load("message/message");
    boolean anyValid = StructuralLayer.validate(any, c.message).isEmpty();
    boolean oursValid = VALIDATOR.validate(c.message).isValid();
    if (c.message.path("schemaVersion").asString("").startsWith("1.")) {
      assertEquals(oursValid, anyValid, c.name);
    } else {
      assertFalse(anyValid, c.name + ": another major fails the schemaVersion pattern");
    }
  }

  @Test
  void everyType_hasOneSample_andTheSampleIsOfThatType() {
    Set<String> sampled = new TreeSet<>();
    for (MessageCases.Case c : valid().collect(Collectors.toList())) {
      if (c.name.equals(c.message.get("type").asString())) {
        sampled.add(c.name);
        assertEquals(c.base, c.name.replace('_', '-') + ".json");
      }
    }
    assertEquals(new TreeSet<>(VALIDATOR.types()), sampled);
    assertEquals(
        21,
        VALIDATOR.types().size(),
        "the referral protocol (docs/protocol.md) has 21 message types");
  }

  @Test
  void typeSchemas_nameTheirType_andTheDispatcherSelectsEachOnce() {
    JsonNode any = SchemaSet.load("message/message").getSchemaNode();
    List<String> dispatched = new ArrayList<>();
    for (JsonNode branch : any.get("allOf")) {
      String type = branch.at("/if/properties/type/const").asString();
      dispatched.add(type);
      assertEquals(
          MessageValidator.schemaFile(type).substring("message/".length()),
          branch.at("/then/$ref").asString());
    }
    assertEquals(VALIDATOR.types(), dispatched);
    for (String type : VALIDATOR.types()) {
      JsonNode schema =
          SchemaSet.load(MessageValidator.schemaFile(type).replace(".schema.json", ""))
              .getSchemaNode();
      assertEquals(type, schema.at("/properties/type/const").asString(), type);
      assertEquals(
          "https://schemas.vansdk.org/1.0/" + MessageValidator.schemaFile(type),
          schema.get("$id").asString());
    }
  }

  @Test
  void newerMinorWithUnknownMembers_isValidWithAWarning() {
    ValidationReport report =
        VALIDATOR.validate(
            all()
                .filter(c -> c.name.equals("newer-minor-with-unknown-members"))
                .findFirst()
                .get()
                .message);
    assertTrue(report.isValid(), report.toString());
    assertEquals(1, report.warnings().size(), report.toString());
    assertEquals(IssueCode.NEWER_MINOR_VERSION, report.warnings().get(0).code());
  }

  @Test
  void unknownMajor_oneErrorListingTheSupportedMajors() {
    ObjectNode m = (ObjectNode) MessageCases.read("ack.json");
    m.put("schemaVersion", "2.0");
    m.remove("payload"); // not reported: the major is refused first
    ValidationReport report = VALIDATOR.validate(m);
    assertEquals(1, report.issues().size(), report.toString());
    assertTrue(
        report.issues().get(0).message().contains("supported majors: [1]"), report.toString());
  }

  @Test
  void unknownType_listsTheAllowedTypes() {
    ObjectNode m = (ObjectNode) MessageCases.read("accept.json");
    m.put("type", "shout");
    ValidationReport report = VALIDATOR.validate(m);
    assertEquals(1, report.errors().size(), report.toString());
    assertTrue(report.errors().get(0).message().contains("referral_request"), report.toString());
  }

  @Test
  void bytes_issuesAreLocatedByLineAndColumn() {
    ObjectNode m = (ObjectNode) MessageCases.read("decline.json");
    ((ObjectNode) m.get("payload")).put("reason", "too_busy");
    byte[] text = VanJson.strict().mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
    ValidationReport report = VALIDATOR.validate(text);
    assertEquals(1, report.errors().size(), report.toString());
    ValidationIssue issue = report.errors().get(0);
    String line = new String(text, StandardCharsets.UTF_8).split("\n")[(int) issue.line() - 1];
    assertTrue(line.contains("\"reason\""), line);
  }

  @Test
  void bytes_duplicateMemberRefused() {
    ValidationReport report = VALIDATOR.validate("{\"type\":\"ack\",\"type\":\"ack\"}");
    assertEquals(IssueCode.DUPLICATE_PROPERTY, report.errors().get(0).code(), report.toString());
  }

  @Test
  void bytes_malformedRefused() {
    ValidationReport report = VALIDATOR.validate("{\"type\":");
    assertEquals(IssueCode.MALFORMED_JSON, report.errors().get(0).code(), report.toString());
  }

  @Test
  void notAnObject_wrongTypeAtTheRoot() {
    ValidationReport report = VALIDATOR.validate("[]");
    assertEquals(1, report.errors().size(), report.toString());
    assertEquals(IssueCode.WRONG_TYPE, report.errors().get(0).code());
    assertEquals("", report.errors().get(0).pointer());
  }
}
