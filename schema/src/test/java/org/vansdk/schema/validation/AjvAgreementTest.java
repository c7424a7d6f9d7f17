package org.vansdk.schema.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vansdk.core.json.VanJson;
import tools.jackson.databind.JsonNode;

/**
 * The schemas are portable: Ajv 8 (draft 2020-12, strict mode, from npm) gives the same structural
 * verdict as our validator for every corpus file. Files whose expected issues are all semantic
 * ({@code VAN-S-01xx}) are structurally valid, so Ajv must accept them. Skipped, with the reason,
 * when Node or {@code schema/src/test/ajv/node_modules} is missing (run {@code npm ci --prefix
 * schema/src/test/ajv}).
 */
class AjvAgreementTest {
  static final Path AJV = Paths.get("src", "test", "ajv");

  @Test
  void ajv_agreesWithOurStructuralVerdict_onEveryCorpusFile() throws Exception {
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
                  Paths.get("..", "..", "..", "..", "testkit", "src", "main", "resources")
                      .resolve("org/vansdk/testkit/corpus")
                      .toString())
              .directory(AJV.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
    } catch (IOException e) {
      assumeTrue(false, "node is not on the PATH: " + e.getMessage());
      return;
    }
    byte[] out = process.getInputStream().readAllBytes();
    assumeTrue(process.waitFor(5, TimeUnit.MINUTES), "node did not finish");
    assertEquals(0, process.exitValue(), new String(out, StandardCharsets.UTF_8));
    JsonNode verdicts = VanJson.strict().mapper().readTree(out);
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
}
