package org.vansdk.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files of the exports, under {@code src/test/resources/golden}: a test compares an export
 * with its golden file; run with {@code -Dvan.golden.update=true} to rewrite them after a
 * deliberate change (and review the diff).
 */
public final class Golden {
  private Golden() {}

  /** Asserts that the text equals the golden file {@code golden/<name>}, or rewrites it. */
  public static void assertMatches(String name, String actual) throws IOException {
    if (Boolean.getBoolean("van.golden.update")) {
      Path file = Path.of("src/test/resources/golden").resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
      assertNotNull(in, "no golden file " + name + ": run once with -Dvan.golden.update=true");
      assertEquals(
          new String(in.readAllBytes(), StandardCharsets.UTF_8),
          actual,
          "export differs from golden/" + name);
    }
  }
}
