package org.vansdk.referral.store.contract;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.vansdk.referral.store.contract.ContractCases.Case;

/**
 * The contract's cases as JUnit 5 dynamic tests. Kept apart from {@link ReferralStoreTester} so
 * that JUnit's classes are loaded only by a caller that asks for them.
 */
final class JupiterCases {
  private JupiterCases() {}

  static Stream<DynamicTest> of(String store, List<Case> cases, Consumer<Case> runner) {
    return cases.stream()
        .map(c -> DynamicTest.dynamicTest(store + ": " + c.name(), () -> runner.accept(c)));
  }
}
