package org.vansdk.anonymisation.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vansdk.anonymisation.hierarchy.Hierarchy;
import org.vansdk.anonymisation.hierarchy.VaHierarchies;
import org.vansdk.anonymisation.search.Dataset;
import org.vansdk.anonymisation.search.FullDomainSearch;
import org.vansdk.anonymisation.search.PrivacyModel;
import org.vansdk.anonymisation.search.SearchResult;

class RiskReportTest {

  /**
   * A 9-year-old girl, the only child in her commune, among adult men: unique before, hidden after.
   */
  @Test
  void plantedUnique_alone_before_neverAloneAfter() {
    Hierarchy sex = VaHierarchies.flat("sex", List.of("male", "female"));
    Hierarchy age = VaHierarchies.age(100);
    Dataset.Builder b = Dataset.builder(List.of(sex, age));
    for (int i = 0; i < 60; i++) {
      b.add(List.of(i % 3 == 0 ? "female" : "male", Integer.toString(20 + i % 30)));
    }
    b.add(List.of("female", "9"));
    Dataset data = b.build();
    RiskReport before = RiskReport.before(data, 5);
    assertEquals(1.0, before.highestRisk());
    assertTrue(before.recordsBelowK() > 0);

    SearchResult result =
        FullDomainSearch.builder(data)
            .privacy(PrivacyModel.kAnonymity(5))
            .suppressionLimit(0.02)
            .build()
            .run();
    RiskReport after = RiskReport.after(data, result, 5);
    assertEquals(0, after.recordsBelowK(), after.toString());
    assertTrue(after.highestRisk() <= 0.2, after.toString());
    int planted = data.size() - 1;
    assertTrue(
        result.isSuppressed(planted) || classSize(data, result, planted) >= 5,
        "planted record alone in its class");
    assertEquals(before.records(), after.records());
  }

  private static int classSize(Dataset data, SearchResult r, int row) {
    int size = 0;
    for (int other = 0; other < data.size(); other++) {
      if (r.isSuppressed(other)) {
        continue;
      }
      boolean same = true;
      for (int a = 0; a < data.quasiIdentifierCount(); a++) {
        same &= r.releasedValue(a, other).equals(r.releasedValue(a, row));
      }
      if (same) {
        size++;
      }
    }
    return size;
  }
}
