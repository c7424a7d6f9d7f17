package org.vansdk.schema.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Unknown property names and values that are not codes never appear in an issue: not in its
 * message, its value or its pointer, whose segment for such a name is a placeholder.
 */
class IssuePrivacyTest {
  static final PayloadValidator V = PayloadValidatorTest.VALIDATOR;
  static final String[] SECRETS = {"Sokha", "Chanthy", "85512345678", "+855"};

  static void assertNoSecret(ValidationReport r) {
    for (ValidationIssue i : r.issues()) {
      for (String secret : SECRETS) {
        assertFalse(i.pointer().contains(secret), "pointer: " + i);
        assertFalse(i.message().contains(secret), "message: " + i);
        assertFalse(i.value().orElse("").contains(secret), "value: " + i.value());
        assertFalse(i.toString().contains(secret), "toString: " + i);
      }
    }
  }

  @Test
  void unknownNames_evenAllDigits_areHidden_inMessageAndPointer_butLocated() {
    String doc =
        "{\"id\":\"KHM-CMAA-P1\",\"sex\":\"male\",\"Sokha Chanthy\":\"+85512345678\","
            + "\"85512345678\":1}";
    ValidationReport r = V.validate(doc);
    assertNoSecret(r);
    List<String> got =
        r.issues().stream()
            .map(i -> i.code().code() + " " + i.pointer() + " " + i.line() + ":" + i.column())
            .collect(Collectors.toList());
    assertEquals(
        List.of(
            "VAN-S-0011 /" + Vocabulary.HIDDEN + " 1:" + (doc.indexOf("\"Sokha") + 1),
            "VAN-S-0011 /" + Vocabulary.HIDDEN + " 1:" + (doc.indexOf("\"85512345678\"") + 1)),
        got,
        r::toString);
    assertTrue(r.issues().get(0).message().contains("(name hidden)"), r::toString);
  }

  @Test
  void aPhoneNumberInACodeField_isNotEchoed_aCodeOfTheSchemasIs() {
    ValidationReport phone = V.validate("{\"id\":\"KHM-CMAA-P1\",\"sex\":\"85512345678\"}");
    assertEquals(IssueCode.NOT_IN_CODE_LIST, phone.issues().get(0).code(), phone::toString);
    assertEquals(Optional.empty(), phone.issues().get(0).value());
    assertNoSecret(phone);
    ValidationReport code = V.validate("{\"id\":\"KHM-CMAA-P1\",\"sex\":\"injured\"}");
    assertEquals(Optional.of("injured"), code.issues().get(0).value(), code::toString);
  }

  @Test
  void namesOnThePathToAnIssue_areHidden_inStreamsAndMessagesToo() {
    String nested =
        "{\"id\":\"KHM-CMAA-P1\",\"sex\":\"male\",\"identifiers\":[{\"Sokha\":{\"Chanthy\":1}}]}";
    ValidationReport r = V.validate(nested);
    assertNoSecret(r);
    assertTrue(
        r.issues().stream()
            .anyMatch(i -> i.pointer().equals("/identifiers/0/" + Vocabulary.HIDDEN)),
        r::toString);

    String line = "{\"type\":\"person\",\"record\":" + nested + "}\n";
    ValidationReport stream =
        V.validateNdjson(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)));
    assertNoSecret(stream);
    assertFalse(stream.isValid());

    String tooDeep = "{\"id\":\"KHM-CMAA-P1\",\"Sokha\":" + "[".repeat(70) + "]".repeat(70) + "}";
    ValidationReport limit = V.validate(tooDeep);
    assertEquals(IssueCode.LIMIT_EXCEEDED, limit.issues().get(0).code());
    assertNoSecret(limit);

    String hugeNumber = "{\"id\":\"KHM-CMAA-P1\",\"sex\":\"male\",\"Sokha\":1e999}";
    ValidationReport number = V.validate(hugeNumber);
    assertEquals("/" + Vocabulary.HIDDEN, number.issues().get(0).pointer(), number::toString);
    assertNoSecret(number);
  }

  @Test
  void messageValidator_hidesNamesThatAreNotCodes() {
    String message =
        MessageCases.read("info-response.json")
            .toString()
            .replace("\"medical\":{", "\"Sokha Chanthy\":{\"85512345678\":1e999,");
    ValidationReport r = MessageValidator.create().validate(message);
    assertFalse(r.isValid(), r::toString);
    assertNoSecret(r);
  }
}
