package org.vansdk.schema.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vansdk.core.json.VanJson;
import tools.jackson.databind.JsonNode;

/**
 * The schemas are portable: Ajv 8 (draft 2020-12, strict mode, from npm) gives the same structural
 * verdict as our validators for every corpus file and every message case. Files whose expected
 * issues are all semantic ({@code VAN-S-01xx}) are structurally valid, so Ajv must accept them.
 * Skipped, with the reason, when Node or {@code schema/src/test/ajv/node_modules} is missing (run
 * {@code npm ci --prefix schema/src/test/ajv}).
 */
class AjvAgreementTest {
  static final Path AJV = Paths.get("src", "test", "ajv");

  /** Runs validate.js over a corpus folder; skips the test when Ajv or Node is missing. */
  private static JsonNode ajv(Path corpus) throws Exception {
    assumeTrue(
        Files.isDirectory(AJV.resolve("node_modules/ajv")),
        "Ajv not installed: run npm ci --prefix schema/src/test/ajv");
    Process process;
    try {
      process =
          new ProcessBuilder(
                  "node",
                  "validate.js",
                  Paths.get("..", "..", "main", "resources", "org", "vansdk", "schema", "1.0")
                      .toString(),
                  corpus.toString())
              .directory(AJV.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
    } catch (IOException e) {
      assumeTrue(false, "node is not on the PATH: " + e.getMessage());
      return null;
    }
    byte[] out = process.getInputStream().readAllBytes();
    assumeTrue(process.waitFor(5, TimeUnit.MINUTES), "node did not finish");
    assertEquals(0, process.exitValue(), new String(out, StandardCharsets.UTF_8));
    return VanJson.strict().mapper().readTree(out);
  }

  @Test
  void ajv_agreesWithTrustListValidator_onEverySampleList() throws Exception {
    JsonNode verdicts =
        ajv(
            Paths.get("..", "..", "..", "..", "schema", "src", "test", "resources")
                .resolve("org/vansdk/schema/trust-list"));
    Map<String, String> disagreements = new TreeMap<>();
    for (JsonNode v : verdicts) {
      String file = v.get("file").asString();
      boolean ours =
          TrustListValidator.create().validate(TrustListValidatorTest.bytes(file)).isValid();
      if (ours != v.get("valid").asBoolean()) {
        disagreements.put(file, "ajv=" + v.get("valid") + " ours=" + ours + " " + v.get("errors"));
      }
    }
    assertEquals(Map.of(), disagreements, "verdicts differ");
    assertEquals(TrustListValidatorTest.index().get("files").size(), verdicts.size());
  }

  @Test
  void ajv_agreesWithOurStructuralVerdict_onEveryCorpusFile() throws Exception {
    JsonNode verdicts =
        ajv(
            Paths.get("..", "..", "..", "..", "testkit", "src", "main", "resources")
                .resolve("org/vansdk/testkit/corpus"));
    Map<String, Boolean> ajv = new TreeMap<>();
    verdicts.forEach(v -> ajv.put(v.get("file").asString(), v.get("valid").asBoolean()));
    Map<String, String> disagreements = new TreeMap<>();
    int compared = 0;
    for (JsonNode item : GoldenCorpusTest.index().get("files")) {
      String file = item.get("file").asString();
      if (item.has("ajv")) {
        continue; // the sidecar states why this file cannot be compared
      }
      boolean structurallyValid = true;
      if (!item.get("valid").asBoolean()) {
        for (JsonNode i : GoldenCorpusTest.read(item.get("expected").asString()).get("issues")) {
          structurallyValid &= i.get("code").asString().compareTo("VAN-S-0100") > 0;
        }
      }
      ValidationReport ours =
          GoldenCorpusTest.validate(item.get("document").asString(), GoldenCorpusTest.bytes(file));
      boolean oursStructural =
          ours.errors().stream().allMatch(i -> i.code().code().compareTo("VAN-S-0100") > 0);
      if (!Boolean.valueOf(structurallyValid).equals(ajv.get(file))
          || oursStructural != structurallyValid) {
        disagreements.put(file, "ajv=" + ajv.get(file) + " ours=" + oursStructural);
      }
      compared++;
    }
    assertEquals(Map.of(), disagreements, "verdicts differ");
    assertEquals(true, compared >= 200, "files compared: " + compared);
  }

  /**
   * The message cases: Ajv's verdict with the dispatching {@code message.schema.json}, and with the
   * schema of the message's type where the type is known, equals {@link MessageValidator}'s.
   */
  @Test
  void ajv_agreesWithMessageValidator_onEveryMessageCase() throws Exception {
    JsonNode verdicts = ajv(Paths.get("..", "resources", "org", "vansdk", "schema", "message"));
    Map<String, JsonNode> ajv = new TreeMap<>();
    verdicts.forEach(v -> ajv.put(v.get("file").asString(), v));
    Map<String, String> disagreements = new TreeMap<>();
    List<MessageCases.Case> cases = MessageCases.all();
    for (MessageCases.Case c : cases) {
      boolean ours = MessageValidator.create().validate(c.message).isValid();
      JsonNode theirs = ajv.get(c.name);
      if (theirs == null
          || theirs.get("valid").asBoolean() != ours
          || (!theirs.get("validByType").isNull()
              && theirs.get("validByType").asBoolean() != ours)) {
        disagreements.put(c.name, "ajv=" + theirs + " ours=" + ours);
      }
    }
    assertEquals(Map.of(), disagreements, "verdicts differ");
    assertEquals(cases.size(), ajv.size(), "cases checked by Ajv");
  }
}
