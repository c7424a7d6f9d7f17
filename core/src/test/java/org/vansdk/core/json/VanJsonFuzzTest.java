package org.vansdk.core.json;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.regex.Pattern;
import org.vansdk.core.VanException;
import org.vansdk.core.submission.Submission;
import tools.jackson.databind.JsonNode;

/**
 * Fuzz target of the strict codec: reading a tree and reading a whole {@link Submission} (which
 * builds every record and checks its invariants). The normal build replays the inputs stored under
 * {@code src/test/resources/org/vansdk/core/json/VanJsonFuzzTestInputs/read/}; {@code
 * JAZZER_FUZZ=1} fuzzes. Properties: the only exception is a {@link VanException} with a stable
 * code (never a Jackson, number-format or runtime exception from inside), whose message carries no
 * free text of the input (a name, a phone number: text with a space, a {@code +} or a digit among
 * letters) and whose {@link VanJsonException#pointer() pointer} is well formed; and, when fuzzing,
 * each input is read within a bound of time.
 */
class VanJsonFuzzTest {
  private static final long MAX_NANOS_PER_INPUT = 5_000_000_000L;
  private static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null;
  private static final VanJson JSON = VanJson.strict();
  private static final Pattern FREE_TEXT = Pattern.compile(".*[ +@].*|.*[A-Za-z].*[0-9].*");
  private static final Pattern RECORD_ID =
      Pattern.compile("[A-Z]{3}-[A-Z0-9]{2,16}-[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  @FuzzTest(maxDuration = "10m", maxExecutions = 1_000_000)
  void read(byte[] input) {
    long start = System.nanoTime();
    JsonNode tree = null;
    try {
      tree = JSON.readTree(input);
      JSON.read(input, Submission.class);
    } catch (VanException e) {
      check(e, tree);
    }
    long nanos = System.nanoTime() - start;
    if (FUZZING && nanos > MAX_NANOS_PER_INPUT) {
      throw new AssertionError("one input took " + nanos / 1_000_000 + " ms");
    }
  }

  private static void check(VanException e, JsonNode tree) {
    if (e.code() == null || e.getMessage() == null) {
      throw new AssertionError("an exception without code or message", e);
    }
    if (e instanceof VanJsonException) {
      String pointer = ((VanJsonException) e).pointer();
      if (!pointer.isEmpty() && !pointer.startsWith("/")) {
        throw new AssertionError("malformed pointer: " + e.getMessage(), e);
      }
    }
    if (tree != null) {
      assertNoFreeText(tree, e);
    }
  }

  /** Free text of the input (what a name, a phone or an address looks like) is never echoed. */
  private static void assertNoFreeText(JsonNode node, VanException e) {
    if (node.isObject()) {
      for (var p : node.properties()) {
        assertAbsent(p.getKey(), e);
        assertNoFreeText(p.getValue(), e);
      }
    } else if (node.isArray()) {
      node.forEach(child -> assertNoFreeText(child, e));
    } else if (node.isString()) {
      assertAbsent(node.asString(), e);
    }
  }

  private static void assertAbsent(String text, VanException e) {
    if (text.length() >= 6
        && FREE_TEXT.matcher(text).matches()
        && !RECORD_ID.matcher(text).matches()
        && e.getMessage().contains(text)) {
      throw new AssertionError("input text in an error: '" + text + "' in " + e.getMessage(), e);
    }
  }
}
