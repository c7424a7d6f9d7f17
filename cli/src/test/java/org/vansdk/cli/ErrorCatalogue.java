package org.vansdk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes {@code docs/errors.md}, the catalogue of every stable error code, from the main sources of
 * every module: each string literal {@code "VAN-X-9999"} outside comments is a definition, named by
 * its constant ({@code static final ErrorCode NAME = ...}, or an enum constant {@code
 * NAME("VAN-...", "rule")}) and described by the javadoc above it. A code raised inline, without a
 * constant, is described by the message text around it. Reading the sources rather than loaded
 * classes keeps the javadoc, which is the code's own description, as the one source of truth.
 */
final class ErrorCatalogue {
  /** One definition of a code. */
  record Entry(String code, String module, String name, String meaning, String definedIn) {}

  private static final Pattern CODE = Pattern.compile("\"(VAN-[A-Z]-\\d{4})\"");
  private static final Pattern CONSTANT =
      Pattern.compile("static\\s+final\\s+ErrorCode\\s+([A-Z0-9_]+)\\s*=");
  private static final Pattern ENUM_CONSTANT =
      Pattern.compile("^\\s*([A-Z][A-Z0-9_]*)\\(\"VAN-[A-Z]-\\d{4}\"(?:,\\s*\"([^\"]*)\")?");
  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final Path root;

  ErrorCatalogue(Path root) {
    this.root = root;
  }

  /** Every definition found, in code order. */
  List<Entry> entries() {
    List<Entry> out = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path module : modules.sorted().toList()) {
        Path sources = module.resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
          continue;
        }
        try (Stream<Path> files = Files.walk(sources)) {
          for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
            scan(module.getFileName().toString(), file, out);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort((a, b) -> a.code().compareTo(b.code()));
    return out;
  }

  private static void scan(String module, Path file, List<Entry> out) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String type = file.getFileName().toString().replace(".java", "");
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String code = code(line);
      if (code == null) {
        continue;
      }
      Matcher constant = CONSTANT.matcher(line);
      Matcher enumConstant = ENUM_CONSTANT.matcher(line);
      if (constant.find()) {
        out.add(new Entry(code, module, constant.group(1), javadoc(lines, i), type));
      } else if (enumConstant.find()) {
        String meaning = javadoc(lines, i);
        if (enumConstant.group(2) != null) {
          meaning += " Expected: " + enumConstant.group(2) + ".";
        }
        out.add(new Entry(code, module, enumConstant.group(1), meaning, type));
      } else {
        out.add(new Entry(code, module, "", inlineMessage(lines, i), type + " (inline)"));
      }
    }
  }

  /** The code defined on a line, ignoring comments and javadoc. */
  private static String code(String line) {
    String t = line.strip();
    if (t.startsWith("*") || t.startsWith("/*") || t.startsWith("//")) {
      return null;
    }
    Matcher m = CODE.matcher(line);
    return m.find() ? m.group(1) : null;
  }

  /** The javadoc just above line {@code at}, as one Markdown sentence or paragraph. */
  private static String javadoc(List<String> lines, int at) {
    int end = at - 1;
    while (end >= 0 && lines.get(end).strip().startsWith("@")) {
      end--;
    }
    if (end < 0 || !lines.get(end).strip().endsWith("*/")) {
      return "";
    }
    int start = end;
    while (start > 0 && !lines.get(start).strip().startsWith("/**")) {
      start--;
    }
    StringBuilder text = new StringBuilder();
    for (int i = start; i <= end; i++) {
      String t = lines.get(i).strip();
      t = t.replaceFirst("^/\\*\\*", "").replaceFirst("\\*/$", "").replaceFirst("^\\*", "").strip();
      if (!t.isEmpty()) {
        text.append(text.length() == 0 ? "" : " ").append(t);
      }
    }
    return markdown(text.toString());
  }

  /** For a code raised inline: the literal text of the message that follows it. */
  private static String inlineMessage(List<String> lines, int at) {
    StringBuilder statement = new StringBuilder();
    for (int i = at; i < lines.size() && i < at + 10; i++) {
      statement.append(lines.get(i).strip()).append(' ');
      if (lines.get(i).strip().endsWith(";")) {
        break;
      }
    }
    String after = statement.substring(statement.indexOf("\"VAN-") + 13);
    List<String> parts = new ArrayList<>();
    Matcher m = LITERAL.matcher(after);
    while (m.find()) {
      parts.add(m.group(1).strip());
    }
    return parts.isEmpty() ? "" : "Message: \"" + String.join(" … ", parts) + "\".";
  }

  private static String markdown(String javadoc) {
    return javadoc
        .replaceAll("\\{@code ([^}]*)}", "`$1`")
        .replaceAll("\\{@link(?:plain)? (?:[^}#]*#)?([^}]*)}", "`$1`")
        .replace("|", "\\|");
  }

  /** The Markdown page. */
  String markdown() {
    Map<String, List<Entry>> byModule = new TreeMap<>();
    for (Entry e : entries()) {
      byModule.computeIfAbsent(e.module(), k -> new ArrayList<>()).add(e);
    }
    StringBuilder md = new StringBuilder();
    md.append("# Error codes\n\n")
        .append("<!-- Generated from the sources by cli's ErrorCatalogueTest; do not edit. -->\n\n")
        .append(
            "Every stable code of the SDK, taken from the code that defines it. A code looks like")
        .append(" `VAN-X-9999`:\n`VAN`, a module letter (C core, S schema, A anonymisation, R")
        .append(" referral, T testkit) and four digits.\nA code never changes meaning within a")
        .append(" major version; new codes are only added.\n\n")
        .append("Where codes appear:\n\n")
        .append("- exceptions: every exception the SDK throws is an unchecked `VanException`;")
        .append(" `code()` returns its `ErrorCode`\n  and the message starts with the code;\n")
        .append("- validation reports: each `ValidationIssue` of `PayloadValidator` carries a")
        .append(" `VAN-S` code, a JSON Pointer,\n  line and column (validation problems are data,")
        .append(" not exceptions);\n")
        .append("- the referral protocol: each `ack` message and each `Receipt` carries a `VAN-R`")
        .append(" code\n  (see [protocol.md](protocol.md#errors)).\n\n")
        .append("Regenerate after adding a code: `mvn -pl cli -am test -Dtest=ErrorCatalogueTest")
        .append(" -Dsurefire.failIfNoSpecifiedTests=false -Dvan.docs.update=true`.\n");
    for (Map.Entry<String, List<Entry>> m : byModule.entrySet()) {
      md.append("\n## van-").append(m.getKey()).append("\n\n");
      md.append("| code | name | meaning | defined in |\n|---|---|---|---|\n");
      for (Entry e : m.getValue()) {
        md.append("| `")
            .append(e.code())
            .append("` | ")
            .append(e.name().isEmpty() ? "" : "`" + e.name() + "`")
            .append(" | ")
            .append(e.meaning())
            .append(" | ")
            .append(e.definedIn())
            .append(" |\n");
      }
    }
    return md.toString();
  }
}
