package org.vansdk.anonymisation.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vansdk.anonymisation.hierarchy.Hierarchy;
import org.vansdk.anonymisation.hierarchy.VaHierarchies;

class PrivacyAttackTest {

  /** Five people aged 20-24, all with the same injury: k-anonymous, but the injury is disclosed. */
  @Test
  void homogeneousClass_passesK_failsL_forcesMoreGeneralisation() {
    Hierarchy age = VaHierarchies.age(100);
    Dataset.Builder b = Dataset.builder(List.of(age)).sensitive("injury");
    for (int i = 0; i < 5; i++) {
      b.add(List.of(Integer.toString(20 + i)), "amputation");
    }
    String[] injuries = {"amputation", "blindness", "burns", "fracture", "hearing"};
    for (int i = 0; i < 5; i++) {
      b.add(List.of(Integer.toString(25 + i)), injuries[i]);
    }
    Dataset data = b.build();
    SearchResult kOnly =
        FullDomainSearch.builder(data).privacy(PrivacyModel.kAnonymity(5)).build().run();
    assertEquals(1, kOnly.levels()[0], kOnly.toString());
    for (PrivacyModel l :
        List.of(
            PrivacyModel.distinctLDiversity(2),
            PrivacyModel.entropyLDiversity(2),
            PrivacyModel.recursiveCLDiversity(3, 2))) {
      SearchResult diverse =
          FullDomainSearch.builder(data)
              .privacy(PrivacyModel.kAnonymity(5))
              .privacy(l)
              .build()
              .run();
      assertEquals(2, diverse.levels()[0], l + " " + diverse);
    }
  }

  /** At most floor(s * n) records are suppressed: exactly that many is allowed, one more is not. */
  @Test
  void suppressionLimit_exactlyFloorSn_allowed_oneMore_generalises() {
    Hierarchy sex = VaHierarchies.flat("sex", List.of("male", "female"));
    SearchResult atLimit = search(sex, 95, 5, 6);
    assertEquals(0, atLimit.levels()[0]);
    assertEquals(5, atLimit.suppressedCount());
    SearchResult over = search(sex, 95, 6, 7);
    assertEquals(1, over.levels()[0]);
    assertEquals(0, over.suppressedCount());
    assertEquals(
        29,
        FullDomainSearch.builder(dataset(sex, 90, 10))
            .suppressionLimit(0.29)
            .build()
            .maxSuppressed(),
        "0.29 * 100 is 29 in decimal, not 28");
  }

  private static Dataset dataset(Hierarchy sex, int males, int females) {
    Dataset.Builder b = Dataset.builder(List.of(sex));
    for (int i = 0; i < males; i++) {
      b.add(List.of("male"));
    }
    for (int i = 0; i < females; i++) {
      b.add(List.of("female"));
    }
    return b.build();
  }

  private static SearchResult search(Hierarchy sex, int males, int females, int k) {
    return FullDomainSearch.builder(dataset(sex, males, females))
        .privacy(PrivacyModel.kAnonymity(k))
        .suppressionLimit(0.05)
        .build()
        .run();
  }
}
