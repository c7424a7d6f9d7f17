package org.vansdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vansdk.cli.VanCommandTest.Run;

/**
 * What the commands do with malformed input, unreadable files, standard input and referral
 * messages: the README's exit codes (1 the input has problems, 2 usage or internal error) and one
 * clean line, never a library's text.
 */
class InputProblemsTest {
  @TempDir static Path dir;
  static Path population;
  static Path key;
  static final String SECRET = "Sokha Chanthy";

  @BeforeAll
  static void generate() throws IOException {
    population = dir.resolve("khm.ndjson");
    assertEquals(
        0,
        VanCommandTest.van(
                "generate", "--persons", "60", "--seed", "3", "--out", population.toString())
            .code());
    key = dir.resolve("key.b64");
    Files.writeString(key, java.util.Base64.getEncoder().encodeToString(new byte[32]));
  }

  static void assertClean(Run run) {
    String all = run.out() + run.err();
    for (String raw :
        List.of("#UNKNOWN", "[Source", "Exception", "\tat ", SECRET, "byte offset", "van van")) {
      assertFalse(all.contains(raw), raw + " in: " + all);
    }
    assertTrue(run.err().startsWith("van: "), run.err());
  }

  @Test
  void indicatorsAndAnonymise_malformedInput_exit1_withLocatedMessage() throws IOException {
    Path truncated = dir.resolve("truncated.json");
    Files.writeString(
        truncated,
        "{\"schemaVersion\":\"1.0\",\"note\":\"" + SECRET + "\",",
        StandardCharsets.UTF_8);
    Path brokenLine = dir.resolve("broken.ndjson");
    List<String> lines = Files.readAllLines(population);
    Files.write(brokenLine, List.of(lines.get(0), lines.get(1).substring(0, 40)));
    for (Path bad : List.of(truncated, brokenLine)) {
      Run indicators = VanCommandTest.van("indicators", bad.toString(), "--period", "2025");
      assertEquals(1, indicators.code(), indicators.err());
      assertTrue(indicators.err().contains("line "), indicators.err());
      assertClean(indicators);
      Run anonymise =
          VanCommandTest.van(
              "anonymise",
              "--key-file",
              key.toString(),
              bad.toString(),
              dir.resolve("out.ndjson").toString());
      assertEquals(1, anonymise.code(), anonymise.err());
      assertClean(anonymise);
    }
  }

  @Test
  void numberBeyondRange_exit1_withoutQuotingIt() throws IOException {
    Path huge = dir.resolve("huge.json");
    Files.writeString(huge, "{\"schemaVersion\":\"1.0\",\"x\":1e2147483648}");
    Run run = VanCommandTest.van("indicators", huge.toString(), "--period", "2025");
    assertEquals(1, run.code(), run.err());
    assertFalse(run.err().contains("2147483648"), run.err());
    assertClean(run);
  }

  @Test
  void misspeltPolicy_exit1_withPointer() throws IOException {
    Path policy = dir.resolve("policy.json");
    Run example = VanCommandTest.van("anonymise", "--example-policy");
    Files.writeString(policy, example.out().replace("\"threshold\"", "\"treshold\""));
    Run run =
        VanCommandTest.van(
            "anonymise",
            "--policy",
            policy.toString(),
            "--key-file",
            key.toString(),
            population.toString(),
            dir.resolve("p.ndjson").toString());
    assertEquals(1, run.code(), run.err());
    assertTrue(run.err().contains("VAN-A-0005: policy /tables/treshold"), run.err());
  }

  @Test
  void unreadableFiles_exit2_inPlainWords() {
    for (String[] args :
        new String[][] {
          {"validate", "/proc/nope"},
          {"indicators", "/proc/nope"},
          {"anonymise", "--key-file", "/proc/nope", population.toString(), "x.ndjson"},
          {"anonymise", "--policy", "/proc/nope", "--key-file", "k", population.toString(), "x"},
        }) {
      Run run = VanCommandTest.van(args);
      assertEquals(2, run.code(), run.err());
      assertTrue(run.err().contains("cannot read /proc/nope: no such file"), run.err());
      assertClean(run);
    }
    Run directory = VanCommandTest.van("validate", dir.toString());
    assertTrue(directory.err().contains("it is a directory"), directory.err());
  }

  @Test
  void dash_readsStandardInput_forEveryCommandThatReadsAFile() throws IOException {
    byte[] ndjson = Files.readAllBytes(population);
    Run validate = VanCommandTest.vanWithInput(ndjson, "validate", "-");
    assertEquals(0, validate.code(), validate.out() + validate.err());
    assertTrue(validate.out().contains("1 file checked: 0 errors"), validate.out());
    Run indicators =
        VanCommandTest.vanWithInput(
            ndjson, "indicators", "-", "--period", "1979..2025", "--indicators", "CAS-01");
    assertEquals(0, indicators.code(), indicators.err());
    Run fromFile =
        VanCommandTest.van(
            "indicators",
            population.toString(),
            "--period",
            "1979..2025",
            "--indicators",
            "CAS-01");
    assertEquals(fromFile.out(), indicators.out());
    Path regional = dir.resolve("stdin-regional.ndjson");
    Run anonymise =
        VanCommandTest.vanWithInput(
            ndjson, "anonymise", "--key-file", key.toString(), "-", regional.toString());
    assertEquals(0, anonymise.code(), anonymise.err());
    assertTrue(Files.size(regional) > 0);
    byte[] policy = VanCommandTest.van("anonymise", "--example-policy").out().getBytes();
    Run policyFromStdin =
        VanCommandTest.vanWithInput(
            policy,
            "anonymise",
            "--policy",
            "-",
            "--key-file",
            key.toString(),
            population.toString(),
            dir.resolve("p2.ndjson").toString());
    assertEquals(0, policyFromStdin.code(), policyFromStdin.err());
    Run twice = VanCommandTest.vanWithInput(ndjson, "validate", "-", "-");
    assertEquals(2, twice.code());
    assertTrue(twice.err().contains("only once"), twice.err());
    Path submission = dir.resolve("one.json");
    VanCommandTest.van(
        "generate", "--persons", "5", "--submission", "--out", submission.toString());
    Run document = VanCommandTest.vanWithInput(Files.readAllBytes(submission), "validate", "-");
    assertEquals(0, document.code(), document.out());
  }

  @Test
  void validate_referralMessage_usesTheMessageSchemas() throws IOException {
    byte[] message;
    try (var in = getClass().getResourceAsStream("/org/vansdk/cli/accept-message.json")) {
      message = in.readAllBytes();
    }
    Path file = dir.resolve("accept.json");
    Files.write(file, message);
    Run valid = VanCommandTest.van("validate", file.toString());
    assertEquals(0, valid.code(), valid.out());
    assertTrue(valid.out().contains("0 errors"), valid.out());
    Path bad = dir.resolve("accept-bad.json");
    Files.writeString(
        bad, new String(message, StandardCharsets.UTF_8).replace("\"restricted\"", "\"secret\""));
    Run invalid = VanCommandTest.van("validate", bad.toString());
    assertEquals(1, invalid.code(), invalid.out());
    assertTrue(invalid.out().contains("/confidentiality"), invalid.out());
    assertTrue(
        invalid.out().contains("1 error"), "one issue, not a Submission's 20: " + invalid.out());
  }

  @Test
  void indicators_periodOfYears_isAccepted() {
    Run years = VanCommandTest.van("indicators", population.toString(), "--period", "2000..2025");
    Run dates =
        VanCommandTest.van(
            "indicators", population.toString(), "--period", "2000-01-01..2025-12-31");
    assertEquals(0, years.code(), years.err());
    assertEquals(dates.out(), years.out());
    Run backwards =
        VanCommandTest.van("indicators", population.toString(), "--period", "2025..2000");
    assertEquals(2, backwards.code());
    assertTrue(backwards.err().contains("--period must be"), backwards.err());
  }
}
