package org.vansdk.testkit.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.vansdk.core.json.VanJson;
import tools.jackson.databind.JsonNode;

/**
 * The golden corpus shipped in this jar: valid payloads of every document type and invalid ones,
 * each with the issue codes and pointers a validator must report. Vendors run it against their own
 * exporters or validators; the VAN validator and an independent one (Ajv) agree on every verdict.
 * Thread-safe; the index is read once.
 *
 * @since 1.0
 */
public final class GoldenCorpus {
  private static final String ROOT = "/org/vansdk/testkit/corpus/";
  private static final List<CorpusCase> ALL = load();

  private GoldenCorpus() {}

  /** Returns every case, in index order. */
  public static List<CorpusCase> all() {
    return ALL;
  }

  /** Returns the valid cases. */
  public static List<CorpusCase> valid() {
    return ALL.stream().filter(CorpusCase::valid).toList();
  }

  /** Returns the invalid cases. */
  public static List<CorpusCase> invalid() {
    return ALL.stream().filter(c -> !c.valid()).toList();
  }

  static InputStream open(String file) throws IOException {
    InputStream in = GoldenCorpus.class.getResourceAsStream(ROOT + file);
    if (in == null) {
      throw new IOException("corpus file " + file + " is missing from the testkit jar");
    }
    return in;
  }

  private static List<CorpusCase> load() {
    try (InputStream in = open("index.json")) {
      JsonNode index = VanJson.strict().readTree(in.readAllBytes());
      List<CorpusCase> cases = new ArrayList<>();
      for (JsonNode f : index.path("files")) {
        List<ExpectedIssue> expected = new ArrayList<>();
        if (f.hasNonNull("expected")) {
          try (InputStream sidecar = open(f.get("expected").asString())) {
            for (JsonNode issue :
                VanJson.strict().readTree(sidecar.readAllBytes()).path("issues")) {
              expected.add(
                  new ExpectedIssue(
                      issue.path("code").asString(), issue.path("pointer").asString("")));
            }
          }
        }
        cases.add(
            new CorpusCase(
                f.path("file").asString(),
                f.path("document").asString(),
                f.path("valid").asBoolean(),
                expected));
      }
      return List.copyOf(cases);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the golden corpus index", e);
    }
  }
}
