package org.vansdk.schema.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.submission.RecordType;
import tools.jackson.databind.JsonNode;

/** The golden corpus as a conformance suite: our validator reports exactly the expected codes. */
class GoldenCorpusTest {
  static final String ROOT = "/org/vansdk/testkit/corpus/";

  static JsonNode index() throws IOException {
    return read("index.json");
  }

  static JsonNode read(String file) throws IOException {
    return VanJson.strict().mapper().readTree(bytes(file));
  }

  /** Reads a corpus file from the classpath, or from the testkit sources when not packaged. */
  static byte[] bytes(String file) throws IOException {
    try (InputStream in =
        GoldenCorpusTest.class.getClassLoader().getResourceAsStream(ROOT.substring(1) + file)) {
      if (in != null) {
        return in.readAllBytes();
      }
    }
    return java.nio.file.Files.readAllBytes(
        java.nio.file.Paths.get("..", "testkit", "src", "main", "resources")
            .resolve(ROOT.substring(1) + file));
  }

  static ValidationReport validate(String document, byte[] bytes) {
    PayloadValidator v = PayloadValidatorTest.VALIDATOR;
    if (document.equals("submission")) {
      return v.validateSubmission(bytes);
    }
    if (document.equals("ndjson_line")) {
      return v.validate(bytes);
    }
    return v.validateRecord(RecordType.fromCode(document), bytes);
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusFile_getsExactlyTheExpectedIssues() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode item : index().get("files")) {
      String file = item.get("file").asString();
      tests.add(
          DynamicTest.dynamicTest(
              file,
              () -> {
                ValidationReport report = validate(item.get("document").asString(), bytes(file));
                Set<String> actual =
                    report.errors().stream()
                        .map(i -> i.code().code() + " " + i.pointer())
                        .collect(Collectors.toCollection(TreeSet::new));
                Set<String> expected = new TreeSet<>();
                if (item.has("expected")) {
                  for (JsonNode i : read(item.get("expected").asString()).get("issues")) {
                    expected.add(
                        i.get("code").asString() + " " + shown(i.get("pointer").asString()));
                  }
                }
                assertEquals(expected, actual, file + ":\n" + report);
                report.issues().forEach(i -> assertTrue(i.line() > 0, file + ": unlocated " + i));
              }));
    }
    return tests.stream();
  }

  /**
   * The pointer our validator shows for a pointer of the corpus: the corpus holds the real path, as
   * any validator reports it; ours hides every name that is not a word of the schemas (the corpus's
   * numeric segments are all array indices).
   */
  static String shown(String pointer) {
    StringBuilder sb = new StringBuilder();
    for (String segment : pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/", -1)) {
      String name = segment.replace("~1", "/").replace("~0", "~");
      sb.append('/')
          .append(
              segment.matches("[0-9]+") || Vocabulary.isWord(name) ? segment : Vocabulary.HIDDEN);
    }
    return sb.toString();
  }

  @Test
  void corpus_hasEnoughFiles_andHitsEveryRule() throws IOException {
    int valid = 0;
    int invalid = 0;
    Set<IssueCode> hit = EnumSet.noneOf(IssueCode.class);
    for (JsonNode item : index().get("files")) {
      if (item.get("valid").asBoolean()) {
        valid++;
      } else {
        invalid++;
        for (JsonNode i : read(item.get("expected").asString()).get("issues")) {
          hit.add(IssueCode.fromCode(i.get("code").asString()));
        }
      }
    }
    assertTrue(valid >= 60, "valid files: " + valid);
    assertTrue(invalid >= 150, "invalid files: " + invalid);
    Set<IssueCode> notHit = EnumSet.complementOf(EnumSet.copyOf(hit));
    // Reached only through other entry points, each covered by its own test: a warning, the
    // auto-detection, unreadable files, and the fallback for schema keywords we do not use; and
    // the report of a validator failure, which no input may reach (the fuzz tests look for one).
    notHit.removeAll(
        EnumSet.of(
            IssueCode.NOT_CHECKABLE,
            IssueCode.NEWER_MINOR_VERSION,
            IssueCode.UNKNOWN_RECORD_TYPE,
            IssueCode.UNREADABLE_INPUT,
            IssueCode.SCHEMA_VIOLATION));
    assertEquals(Set.of(), notHit, "rules no corpus file hits");
  }
}
