package org.vansdk.schema.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.vansdk.core.json.VanJson;
import tools.jackson.databind.JsonNode;

/** The trust list schema on the sample lists of {@code trust-list/index.json}. */
class TrustListValidatorTest {

  static final String FOLDER = "/org/vansdk/schema/trust-list/";

  static byte[] bytes(String file) {
    try (InputStream in = TrustListValidatorTest.class.getResourceAsStream(FOLDER + file)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + FOLDER + file);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode index() {
    return VanJson.strict().mapper().readTree(bytes("index.json"));
  }

  @TestFactory
  Stream<DynamicTest> everySample_getsItsVerdict_andTheErrorAtItsPointer() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode item : index().get("files")) {
      String file = item.get("file").asString();
      tests.add(
          DynamicTest.dynamicTest(
              file,
              () -> {
                ValidationReport report = TrustListValidator.create().validate(bytes(file));
                List<String> pointers =
                    report.errors().stream()
                        .map(i -> i.code().code() + " " + i.pointer() + " " + i.message())
                        .collect(Collectors.toList());
                assertEquals(item.get("valid").asBoolean(), report.isValid(), pointers.toString());
                if (item.has("pointer")) {
                  String pointer = item.get("pointer").asString();
                  assertTrue(
                      report.errors().stream().anyMatch(i -> i.pointer().equals(pointer)),
                      "expected an error at " + pointer + ", got " + pointers);
                  assertTrue(
                      report.errors().stream().allMatch(i -> i.line() > 0),
                      "errors are located by line: " + pointers);
                }
              }));
    }
    return tests.stream();
  }

  @Test
  void parsedTree_sameVerdictAsBytes() {
    for (JsonNode item : index().get("files")) {
      byte[] bytes = bytes(item.get("file").asString());
      JsonNode tree = VanJson.strict().mapper().readTree(bytes);
      assertEquals(
          TrustListValidator.create().validate(bytes).isValid(),
          TrustListValidator.create().validate(tree).isValid(),
          item.get("file").asString());
    }
  }

  @Test
  void brokenJson_oneLocatedError() {
    ValidationReport report =
        TrustListValidator.create().validate("{\"version\": 1,,}".getBytes(StandardCharsets.UTF_8));
    assertEquals(1, report.errors().size());
    assertEquals(1, report.errors().get(0).line());
  }
}
