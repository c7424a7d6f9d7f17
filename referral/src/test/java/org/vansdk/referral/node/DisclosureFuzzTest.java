package org.vansdk.referral.node;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer target for issue 19: {@code refer} and {@code createDraft} + {@code send} with fuzzed
 * consents, drafts, receivers and free text (any UTF-16, lone surrogates included), checked as the
 * seeded {@link DisclosurePropertyTest} checks them: the node decides as the reference predicate,
 * never throws, and nothing of a category outside the consent leaves or is printed, audited or
 * stored in a {@code toString}. The normal build replays the stored corpus ({@code
 * DisclosureFuzzTestInputs/referOrSend}); {@code JAZZER_FUZZ=1} fuzzes.
 */
class DisclosureFuzzTest {

  /** Choices read from the fuzzer's bytes. */
  static final class FuzzedChoices implements DisclosureScenario.Choices {
    private final FuzzedDataProvider data;

    FuzzedChoices(FuzzedDataProvider data) {
      this.data = data;
    }

    @Override
    public int nextInt(int bound) {
      return data.consumeInt(0, bound - 1);
    }

    @Override
    public String text(int max) {
      // The planted markers are the test's own: the fuzzer must not forge one into other data.
      return data.consumeString(max).replace("PLANT", "plant");
    }
  }

  @FuzzTest(maxDuration = "10m")
  void referOrSend(FuzzedDataProvider data) {
    boolean viaSend = data.consumeBoolean();
    DisclosureScenario.Case k = DisclosureScenario.generate(new FuzzedChoices(data), "F");
    DisclosureScenario.check(k, 1, viaSend);
  }
}
