package org.vansdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.vansdk.core.casualty.Casualty;
import org.vansdk.core.casualty.Outcome;
import org.vansdk.core.submission.Submission;
import org.vansdk.testkit.gen.VanGen;
import org.vansdk.testkit.junit.SeedSource;
import org.vansdk.testkit.junit.Seeds;

/**
 * Use the testkit in a JUnit test: a vendor property-tests its own export (here, a CSV row per
 * casualty) over many generated records. The seeds are the same on every run; a failure names its
 * seed, and {@code mvn test -Dtest=VendorExportTest -Dvan.seed=<seed>} replays just that case.
 */
class VendorExportTest {

  /** The vendor's export under test: one CSV row per casualty, codes only, no personal data. */
  static String exportRow(Casualty c) {
    return String.join(
        ",",
        c.id().value(),
        c.outcome().code(),
        c.civilianStatus().code(),
        c.ageAtIncident().map(String::valueOf).orElse(""),
        String.valueOf(c.amputations().size()));
  }

  /** What the vendor's partner reads back from a row. */
  record Row(String id, Outcome outcome, Optional<Integer> age, int amputations) {
    static Row parse(String line) {
      String[] f = line.split(",", -1);
      assertEquals(5, f.length, () -> "columns in " + line);
      return new Row(
          f[0],
          Outcome.fromCode(f[1]),
          f[3].isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(f[3])),
          Integer.parseInt(f[4]));
    }
  }

  /** One dynamic test per seed; Seeds wraps any failure with the seed and how to replay it. */
  @TestFactory
  Stream<DynamicTest> everyCasualtyExportsAndReadsBack() {
    return Seeds.dynamicTests(
        "casualty export",
        200,
        seed -> {
          Casualty c = VanGen.casualty(seed); // realistic or edge case, depending on the seed
          Row row = Row.parse(exportRow(c));
          assertEquals(c.id().value(), row.id());
          assertEquals(c.outcome(), row.outcome());
          assertEquals(c.ageAtIncident(), row.age());
          assertEquals(c.amputations().size(), row.amputations());
        });
  }

  /** The parameterized form: the seed is in the test name and in each assertion message. */
  @ParameterizedTest(name = "seed {0}")
  @SeedSource(20)
  void wholeSubmissionExportsOneUniqueRowPerCasualty(long seed) {
    Submission s = VanGen.submission(seed); // small, internally consistent document
    List<String> rows = s.casualties().stream().map(VendorExportTest::exportRow).toList();
    Set<String> ids = rows.stream().map(r -> r.split(",")[0]).collect(Collectors.toSet());
    assertEquals(s.casualties().size(), rows.size(), () -> "seed " + seed);
    assertEquals(rows.size(), ids.size(), () -> "seed " + seed + ": duplicate ids");
  }

  @Test
  void aFailingProperty_reportsItsSeedAndHowToReplayIt() {
    AssertionError e =
        assertThrows(
            AssertionError.class, () -> Seeds.check(42L, seed -> assertTrue(seed < 0, "broken")));
    assertTrue(e.getMessage().startsWith("seed 42 (replay with -Dvan.seed=42)"), e.getMessage());
  }

  @Test
  void seeds_areTheSameOnEveryRun() {
    assertEquals(
        Seeds.of(5).boxed().collect(Collectors.toList()),
        Seeds.of(5).boxed().collect(Collectors.toList()));
    assertEquals(5, new HashSet<>(Seeds.of(5).boxed().collect(Collectors.toList())).size());
  }
}
