package org.vansdk.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden}; {@code -Dvan.golden.update=true} rewrites.
 */
final class Golden {
  private Golden() {}

  static void assertMatches(String name, String actual) throws IOException {
    if (Boolean.getBoolean("van.golden.update")) {
      Path file = Path.of("src/test/resources/golden").resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
      assertNotNull(in, "no golden file " + name + ": run once with -Dvan.golden.update=true");
      assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual, "golden/" + name);
    }
  }
}
