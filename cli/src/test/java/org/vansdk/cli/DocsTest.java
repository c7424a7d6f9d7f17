package org.vansdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code docs/} folder must equal what {@code van docs} generates. Regenerate with
 * {@code ./van docs --out docs} (or run this test with {@code -Dvan.docs.update=true}).
 */
class DocsTest {
  private static final Path DOCS = Path.of("..", "docs");

  @Test
  void committedDocs_areUpToDate() throws IOException {
    Map<String, String> files = DocsCommand.files();
    if (Boolean.getBoolean("van.docs.update")) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        Files.createDirectories(DOCS.resolve(f.getKey()).getParent());
        Files.writeString(DOCS.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
      }
    }
    List<String> stale = new ArrayList<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = DOCS.resolve(f.getKey());
      if (!Files.exists(p) || !Files.readString(p, StandardCharsets.UTF_8).equals(f.getValue())) {
        stale.add(f.getKey());
      }
    }
    assertEquals(List.of(), stale, "docs/ is stale: run ./van docs --out docs");
  }

  @Test
  void schemaPages_listCodesWithLabelsInSixLanguages() throws IOException {
    String casualty = DocsCommand.files().get("schema/casualty.md");
    assertTrue(casualty.contains("| `outcome` |"), casualty);
    assertTrue(casualty.contains("## Code list `outcome`"), casualty);
    assertTrue(casualty.contains("| `killed` | Killed |"), casualty);
    assertTrue(casualty.contains("| code | en | km | lo | my | th | vi |"), casualty);
  }

  @Test
  void messagePage_listsTheEnvelopeAndThePayloadOfEveryType() throws IOException {
    Map<String, String> files = DocsCommand.files();
    String message = files.get("schema/message.md");
    assertTrue(message.contains("| `messageId` |"), message);
    assertTrue(message.contains("| `signature.alg` |"), message);
    for (String type : org.vansdk.schema.validation.MessageValidator.create().types()) {
      assertTrue(message.contains("\n## " + type + "\n"), type);
    }
    assertTrue(message.contains("| `referral.priority` | code list [`priority`]"), message);
    assertTrue(message.contains("## Code list `declineReason`"), message);
    assertTrue(files.get("schema/README.md").contains("(message.md)"));
  }
}
