package org.vansdk.schema.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.vansdk.core.submission.RecordType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The properties every fuzz target of the validators checks on every input: no exception escapes
 * (the call returns a report); every issue has a code, a pointer that is well formed and made only
 * of schema words, array indices and the hidden placeholder, a line and a column; no issue is the
 * validator's failure report; and no text of the input that is not a word of the schemas appears in
 * an issue's message, value or pointer. When fuzzing ({@code JAZZER_FUZZ} set), one input must also
 * be checked within a bound of time; the normal build replays the stored inputs without timing
 * anything.
 */
final class FuzzProperties {
  /** Generous: a document takes well under a millisecond; a hang or blow-up takes far longer. */
  private static final long MAX_NANOS_PER_INPUT = 5_000_000_000L;

  private static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null;
  private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]*");
  private static final Pattern NON_PERSONAL_VALUE =
      Pattern.compile("[A-Z]{3}|[0-9]{1,10}(\\.[0-9]{1,10})?");
  private static final JsonMapper LENIENT = JsonMapper.builder().build();
  private static final String SCHEMA_TEXT = schemaText();

  private FuzzProperties() {}

  /** Runs one check and asserts the properties of its report against the input. */
  static ValidationReport check(byte[] input, boolean located, Supplier<ValidationReport> check) {
    long start = System.nanoTime();
    ValidationReport report = check.get();
    long nanos = System.nanoTime() - start;
    if (FUZZING && nanos > MAX_NANOS_PER_INPUT) {
      throw new AssertionError("one input took " + nanos / 1_000_000 + " ms");
    }
    if (report == null) {
      throw new AssertionError("no report");
    }
    Set<String> secrets = secrets(input);
    for (ValidationIssue i : report.issues()) {
      if (i.code() == null || i.code() == IssueCode.NOT_CHECKABLE) {
        throw new AssertionError("the validator failed: " + i);
      }
      assertPointer(i);
      if (located && (i.line() < 1 || i.column() < 1)) {
        throw new AssertionError("unlocated issue: " + i);
      }
      if (i.value().isPresent()
          && !Vocabulary.isWord(i.value().get())
          && !NON_PERSONAL_VALUE.matcher(i.value().get()).matches()) {
        throw new AssertionError("value is not a code: " + i);
      }
      for (String secret : secrets) {
        if (i.message().contains(secret) || i.pointer().contains(secret)) {
          throw new AssertionError("input text in an issue: '" + secret + "' in " + i);
        }
      }
    }
    return report;
  }

  private static void assertPointer(ValidationIssue i) {
    String pointer = i.pointer();
    if (pointer.isEmpty()) {
      return;
    }
    if (!pointer.startsWith("/")) {
      throw new AssertionError("malformed pointer: " + i);
    }
    for (String segment : pointer.substring(1).split("/", -1)) {
      String name = segment.replace("~1", "/").replace("~0", "~");
      if (!INDEX.matcher(segment).matches()
          && !segment.equals(Vocabulary.HIDDEN)
          && !Vocabulary.isWord(name)) {
        throw new AssertionError("pointer segment is not a schema word: " + i);
      }
    }
  }

  /**
   * The texts of an input that must never be shown: its property names and string values of six
   * characters or more that are neither words of the schemas nor found in the schemas' text (which
   * messages quote: patterns, code lists).
   */
  static Set<String> secrets(byte[] input) {
    Set<String> secrets = new HashSet<>();
    JsonNode tree;
    try {
      tree = LENIENT.readTree(input);
    } catch (RuntimeException e) {
      return secrets;
    }
    collect(tree, secrets);
    return secrets;
  }

  private static void collect(JsonNode node, Set<String> secrets) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      for (var e : node.properties()) {
        add(e.getKey(), secrets);
        collect(e.getValue(), secrets);
      }
    } else if (node.isArray()) {
      node.forEach(child -> collect(child, secrets));
    } else if (node.isString()) {
      add(node.asString(), secrets);
    }
  }

  private static final Pattern ONE_LOWER_CASE_WORD = Pattern.compile("[a-z]+");

  /**
   * Adds a text to check for. A single lower-case word is left out: the messages' own English words
   * ("allowed", "property") would match it by chance.
   */
  private static void add(String text, Set<String> secrets) {
    if (text.length() >= 6
        && !ONE_LOWER_CASE_WORD.matcher(text).matches()
        && !Vocabulary.isWord(text)
        && !SCHEMA_TEXT.contains(text)) {
      secrets.add(text);
    }
  }

  private static String schemaText() {
    StringBuilder sb = new StringBuilder();
    java.util.List<String> names =
        new java.util.ArrayList<>(java.util.List.of("common", "submission", "ndjson-line"));
    for (RecordType t : RecordType.values()) {
      names.add(SchemaSet.fileName(t));
    }
    names.add("message/envelope");
    for (String type : MessageValidator.create().types()) {
      names.add(MessageValidator.schemaFile(type).replace(".schema.json", ""));
    }
    for (String name : names) {
      String resource = "/org/vansdk/schema/1.0/" + name + ".schema.json";
      try (InputStream in = FuzzProperties.class.getResourceAsStream(resource)) {
        sb.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sb.toString();
  }
}
