package org.vansdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vansdk.core.ErrorCode;
import org.vansdk.schema.validation.IssueCode;

/**
 * {@code docs/errors.md} must equal what {@link ErrorCatalogue} generates from the sources, and
 * every code must be defined once. Regenerate with {@code mvn -pl cli -am test
 * -Dtest=ErrorCatalogueTest -Dsurefire.failIfNoSpecifiedTests=false -Dvan.docs.update=true}.
 */
class ErrorCatalogueTest {
  private static final Path ROOT = Path.of("..");
  private static final Path PAGE = ROOT.resolve("docs/errors.md");

  @Test
  void committedCatalogue_isUpToDate() throws IOException {
    String generated = new ErrorCatalogue(ROOT).markdown();
    if (Boolean.getBoolean("van.docs.update")) {
      Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(PAGE), "docs/errors.md is missing");
    assertEquals(
        generated,
        Files.readString(PAGE, StandardCharsets.UTF_8),
        "docs/errors.md is stale: run mvn -pl cli -am test -Dtest=ErrorCatalogueTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dvan.docs.update=true");
  }

  @Test
  void everyCode_isDefinedOnce_andDescribed() {
    Map<String, String> seen = new HashMap<>();
    List<String> problems = new ArrayList<>();
    for (ErrorCatalogue.Entry e : new ErrorCatalogue(ROOT).entries()) {
      String before = seen.put(e.code(), e.definedIn() + "." + e.name());
      if (before != null) {
        problems.add(e.code() + " defined twice: " + before + " and " + e.definedIn());
      }
      if (e.meaning().isBlank()) {
        problems.add(e.code() + " (" + e.definedIn() + ") has no javadoc");
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void catalogue_findsTheCodesTheClassesDefine() {
    String page = new ErrorCatalogue(ROOT).markdown();
    assertTrue(
        page.contains("| `" + ErrorCode.UNKNOWN_CODE.value() + "` | `UNKNOWN_CODE` |"), page);
    for (IssueCode c : IssueCode.values()) {
      assertTrue(page.contains("| `" + c.code() + "` | `" + c.name() + "` |"), c.name());
    }
    assertTrue(page.contains("`VAN-R-0009` | `BAD_SIGNATURE`"), page);
    assertTrue(page.contains("`VAN-T-0002` |  | Message:"), page);
    assertFalse(page.contains("{@"), "javadoc tags are rendered as Markdown");
  }
}
