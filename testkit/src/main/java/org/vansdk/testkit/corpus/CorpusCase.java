package org.vansdk.testkit.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One payload of the golden corpus: its file, the document kind, whether it is valid and, for an
 * invalid one, the issues a conforming validator must report.
 *
 * @param file the path inside the corpus, e.g. {@code invalid/person-missing-id.invalid.json}
 * @param document a record type code ({@code person}, {@code casualty}…), {@code submission} or
 *     {@code ndjson_line}
 * @param valid whether the payload is valid
 * @param expected the expected issues (empty for valid payloads)
 * @since 1.0
 */
public record CorpusCase(
    String file, String document, boolean valid, List<ExpectedIssue> expected) {
  /** Copies the list. */
  public CorpusCase {
    expected = List.copyOf(expected);
  }

  /** Returns the payload's bytes, exactly as stored. */
  public byte[] bytes() {
    try (InputStream in = GoldenCorpus.open(file)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read corpus file " + file, e);
    }
  }

  /** Returns the payload as UTF-8 text (invalid UTF-8 cases are decoded with replacement). */
  public String text() {
    return new String(bytes(), StandardCharsets.UTF_8);
  }

  /** Returns the expected issue codes, sorted. */
  public List<String> expectedCodes() {
    return expected.stream().map(ExpectedIssue::code).sorted().toList();
  }

  @Override
  public String toString() {
    return file;
  }
}
