package org.vansdk.anonymisation.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Parity with ARX 3.9.2 on the public Adult benchmark (README in the shared conformance folder).
 * Skipped, with the reason, where the shared folder is absent: the data is never copied into the
 * repository.
 */
class AdultConformanceTest {

  @Test
  void optimum_kFiveSuppressionFivePercentLoss_matchesArx() throws Exception {
    Optional<Path> folder = AdultFixture.folder();
    assumeTrue(
        folder.isPresent(),
        "Adult benchmark not found: set -Dvan.conformance.adult=<dir> or place it at an ancestor's"
            + " shared/conformance/adult (it is public data and is not copied into the repository)");
    Dataset adult = AdultFixture.load(folder.get());
    assertEquals(30162, adult.size());

    SearchResult result =
        FullDomainSearch.builder(adult)
            .privacy(PrivacyModel.kAnonymity(5))
            .suppressionLimit(0.05)
            .loss(LossModel.loss())
            .build()
            .run();

    assertArrayEquals(new int[] {0, 3, 0, 0, 2, 1, 1, 2, 0}, result.levels(), result.toString());
    assertEquals(0.2419323651, result.loss(), 1e-9, result.toString());
    assertEquals(1346, result.suppressedCount(), result.toString());
    assertEquals(397, result.classCount(), result.toString());
    int suppressedRows = 0;
    for (int row = 0; row < adult.size(); row++) {
      if (result.isSuppressed(row)) {
        suppressedRows++;
      }
    }
    assertEquals(1346, suppressedRows);
  }
}
