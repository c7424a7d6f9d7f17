package org.vansdk.schema.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.vansdk.core.submission.RecordType;

/**
 * The properties every fuzz target of the validators checks on every input: no exception escapes
 * (the call returns a report); every issue has a code, a pointer that is well formed and made only
 * of schema words, array indices and the hidden placeholder, a line and a column; no issue is the
 * validator's failure report; an issue's value is a code; and an issue's message and pointer hold
 * no character that neither the validator's English text nor the schemas have (printable ASCII and
 * the characters of the schema files), so no input text outside them, such as a name in Khmer
 * script or any non-ASCII byte the fuzzer makes, can be echoed. (A check for echoed ASCII words
 * would flag the messages' own words, which the fuzzer learns from the comparison and types back
 * in; the unit tests cover those paths with real names and phone numbers.) When fuzzing ({@code
 * JAZZER_FUZZ} set), one input must also be checked within a bound of time; the normal build
 * replays the stored inputs without timing anything.
 */
final class FuzzProperties {
  /** Generous: a document takes well under a millisecond; a hang or blow-up takes far longer. */
  private static final long MAX_NANOS_PER_INPUT = 5_000_000_000L;

  private static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null;
  private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]*");
  private static final Pattern NON_PERSONAL_VALUE =
      Pattern.compile("[A-Z]{3}|[0-9]{1,10}(\\.[0-9]{1,10})?");
  private static final Set<Integer> SCHEMA_CHARACTERS = schemaCharacters();

  private FuzzProperties() {}

  /** Runs one check and asserts the properties of its report. */
  static ValidationReport check(boolean located, Supplier<ValidationReport> check) {
    long start = System.nanoTime();
    ValidationReport report = check.get();
    long nanos = System.nanoTime() - start;
    if (FUZZING && nanos > MAX_NANOS_PER_INPUT) {
      throw new AssertionError("one input took " + nanos / 1_000_000 + " ms");
    }
    if (report == null) {
      throw new AssertionError("no report");
    }
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
      assertOwnCharacters(i.message(), i);
      assertOwnCharacters(i.pointer(), i);
    }
    return report;
  }

  private static void assertOwnCharacters(String text, ValidationIssue i) {
    text.codePoints()
        .forEach(
            c -> {
              if ((c < 0x20 || c > 0x7E) && !SCHEMA_CHARACTERS.contains(c)) {
                throw new AssertionError(
                    "a character of the input (U+" + Integer.toHexString(c) + ") in " + i);
              }
            });
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

  private static Set<Integer> schemaCharacters() {
    Set<Integer> characters = new HashSet<>();
    List<String> names = new ArrayList<>(List.of("common", "submission", "ndjson-line"));
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
        new String(in.readAllBytes(), StandardCharsets.UTF_8).codePoints().forEach(characters::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Set.copyOf(characters);
  }
}
