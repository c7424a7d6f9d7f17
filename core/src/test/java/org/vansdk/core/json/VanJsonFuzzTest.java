package org.vansdk.core.json;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.regex.Pattern;
import org.vansdk.core.VanException;
import org.vansdk.core.submission.Submission;

/**
 * Fuzz target of the strict codec: reading a tree and reading a whole {@link Submission} (which
 * builds every record and checks its invariants). The normal build replays the inputs stored under
 * {@code src/test/resources/org/vansdk/core/json/VanJsonFuzzTestInputs/read/}; {@code
 * JAZZER_FUZZ=1} fuzzes. Properties: the only exception is a {@link VanException} with a stable
 * code (never a Jackson, number-format or other runtime exception from inside); its message holds
 * no character outside printable ASCII (and the ellipsis that masks quoted text), so no input text
 * in another script or byte can be echoed; a {@link VanJsonException}'s pointer is well formed and
 * made of letter words, array indices and the hidden placeholder only (a name with a digit, a space
 * or another character may be personal data); and, when fuzzing, each input is read within a bound
 * of time. (Checking for echoed ASCII words would flag the messages' lists of allowed names, which
 * the fuzzer learns and types back in.)
 */
class VanJsonFuzzTest {
  private static final long MAX_NANOS_PER_INPUT = 5_000_000_000L;
  private static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null;
  private static final VanJson JSON = VanJson.strict();
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z][A-Za-z_]*|0|[1-9][0-9]*");

  @FuzzTest(maxDuration = "10m", maxExecutions = 1_000_000)
  void read(byte[] input) {
    long start = System.nanoTime();
    try {
      JSON.readTree(input);
      JSON.read(input, Submission.class);
    } catch (VanException e) {
      check(e);
    }
    long nanos = System.nanoTime() - start;
    if (FUZZING && nanos > MAX_NANOS_PER_INPUT) {
      throw new AssertionError("one input took " + nanos / 1_000_000 + " ms");
    }
  }

  private static void check(VanException e) {
    if (e.code() == null || e.getMessage() == null) {
      throw new AssertionError("an exception without code or message", e);
    }
    e.getMessage()
        .codePoints()
        .forEach(
            c -> {
              if ((c < 0x20 || c > 0x7E) && c != 0x2026) {
                throw new AssertionError(
                    "a character of the input (U+" + Integer.toHexString(c) + ") in an error", e);
              }
            });
    if (e instanceof VanJsonException) {
      String pointer = ((VanJsonException) e).pointer();
      if (!pointer.isEmpty() && !pointer.startsWith("/")) {
        throw new AssertionError("malformed pointer: " + e.getMessage(), e);
      }
      for (String segment : pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/")) {
        if (!segment.equals("(hidden)") && !SEGMENT.matcher(segment).matches()) {
          throw new AssertionError("pointer segment may be input text: " + e.getMessage(), e);
        }
      }
    }
  }
}
