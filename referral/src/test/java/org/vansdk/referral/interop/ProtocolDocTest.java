package org.vansdk.referral.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vansdk.core.referral.AttemptStateTable;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.Role;
import org.vansdk.core.referral.Transition;
import org.vansdk.referral.message.MessageType;

/**
 * The generated sections of {@code docs/protocol.md} (between {@code <!-- BEGIN GENERATED name -->}
 * and {@code <!-- END GENERATED name -->}) must equal what the code's tables give. Regenerate with
 * {@code mvn -pl referral -am test -Dtest=ProtocolDocTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dvan.docs.update=true}.
 */
class ProtocolDocTest {
  static final Path PAGE = Path.of("..", "docs", "protocol.md");
  private static final Pattern SECTION =
      Pattern.compile(
          "(<!-- BEGIN GENERATED ([a-z-]+) -->\n)(.*?)(<!-- END GENERATED \\2 -->)",
          Pattern.DOTALL);

  /** The generated sections, name to Markdown. */
  static Map<String, String> sections() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("message-types", messageTypes());
    out.put("state-table", stateTable());
    return out;
  }

  static String messageTypes() {
    StringBuilder md = new StringBuilder();
    md.append("| type | sent by | sequenced | moves the attempt to | may carry personal data |\n");
    md.append("|---|---|---|---|---|\n");
    for (MessageType t : MessageType.values()) {
      md.append("| `")
          .append(t.code())
          .append("` | ")
          .append(t.sender().name().toLowerCase(java.util.Locale.ROOT))
          .append(" | ")
          .append(t.isSequenced() ? "yes" : "no")
          .append(" | ")
          .append(t.target().map(s -> "`" + s.code() + "`").orElse("—"))
          .append(" | ")
          .append(t.mayCarryPersonalData() ? "yes" : "no")
          .append(" |\n");
    }
    return md.toString();
  }

  static String stateTable() {
    Set<AttemptStatus> nonFinal = EnumSet.allOf(AttemptStatus.class);
    nonFinal.removeAll(AttemptStateTable.FINAL);
    StringBuilder md = new StringBuilder();
    md.append("| from | to | by | requires |\n|---|---|---|---|\n");
    for (Transition t : AttemptStateTable.ROWS) {
      md.append("| ")
          .append(from(t.from(), nonFinal))
          .append(" | `")
          .append(t.to().code())
          .append("` | ")
          .append(t.by().stream().sorted().map(Role::code).collect(Collectors.joining(" or ")))
          .append(" | ")
          .append(t.requirement().description())
          .append(" |\n");
    }
    md.append("\nFinal states: ")
        .append(
            AttemptStateTable.FINAL.stream()
                .sorted()
                .map(s -> "`" + s.code() + "`")
                .collect(Collectors.joining(", ")))
        .append(".\n");
    return md.toString();
  }

  private static String from(Set<AttemptStatus> from, Set<AttemptStatus> nonFinal) {
    if (from.isEmpty()) {
      return "— (created)";
    }
    if (from.equals(nonFinal)) {
      return "any non-final";
    }
    Set<AttemptStatus> allButError = EnumSet.allOf(AttemptStatus.class);
    allButError.remove(AttemptStatus.ENTERED_IN_ERROR);
    if (from.equals(allButError)) {
      return "any";
    }
    return from.stream().sorted().map(s -> "`" + s.code() + "`").collect(Collectors.joining(", "));
  }

  static String render(String page, Map<String, String> sections) {
    Matcher m = SECTION.matcher(page);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String body = sections.getOrDefault(m.group(2), m.group(3));
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + body + m.group(4)));
    }
    m.appendTail(out);
    return out.toString();
  }

  @Test
  void generatedSections_areUpToDate() throws IOException {
    String page = Files.readString(PAGE, StandardCharsets.UTF_8);
    for (String name : sections().keySet()) {
      assertTrue(page.contains("<!-- BEGIN GENERATED " + name + " -->"), name);
    }
    String rendered = render(page, sections());
    if (Boolean.getBoolean("van.docs.update")) {
      Files.writeString(PAGE, rendered, StandardCharsets.UTF_8);
      page = rendered;
    }
    assertEquals(
        rendered,
        page,
        "docs/protocol.md is stale: run mvn -pl referral -am test -Dtest=ProtocolDocTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dvan.docs.update=true");
  }

  @Test
  void stateTable_listsEveryRowOfTheCode() {
    String table = stateTable();
    assertEquals(
        AttemptStateTable.ROWS.size(), table.lines().filter(l -> l.startsWith("| ")).count() - 1);
    assertTrue(table.contains("| `draft` | `sent` | referrer |"), table);
  }
}
