package org.vansdk.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's example runs as shown, and the README shows exactly the code that runs here. */
class ReadmeSnippetTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path SOURCE =
      Path.of("src", "main", "java", "org", "vansdk", "consumer", "ReadmeSnippet.java");

  @Test
  void snippet_roundTripsAndValidates() {
    ReadmeSnippet.Result r = ReadmeSnippet.run();
    assertEquals(r.casualty(), r.back());
    assertTrue(r.json().contains("\"outcome\":\"injured\""), r.json());
    assertTrue(r.report().isValid(), r.report().toString());
  }

  @Test
  void readme_showsTheImportsAndStatementsThatRunHere() throws IOException {
    List<String> readme = javaBlock(Files.readAllLines(README, StandardCharsets.UTF_8));
    List<String> source = Files.readAllLines(SOURCE, StandardCharsets.UTF_8);
    List<String> expected = new ArrayList<>();
    for (String line : source) {
      if (line.startsWith("import ")) {
        expected.add(line);
      }
    }
    expected.add("");
    boolean in = false;
    for (String line : source) {
      if (line.contains("// README:END")) {
        in = false;
      }
      if (in) {
        expected.add(line.length() >= 4 ? line.substring(4) : line.strip());
      }
      if (line.contains("// README:BEGIN")) {
        in = true;
      }
    }
    assertEquals(
        String.join("\n", expected),
        String.join("\n", readme),
        "the README's java example must equal ReadmeSnippet.java (imports, then the statements)");
  }

  /** The first java code block of the README. */
  private static List<String> javaBlock(List<String> lines) {
    List<String> block = new ArrayList<>();
    boolean in = false;
    for (String line : lines) {
      if (in && line.startsWith("```")) {
        return block;
      }
      if (in) {
        block.add(line);
      }
      if (line.equals("```java")) {
        in = true;
      }
    }
    return block;
  }
}
