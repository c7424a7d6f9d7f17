package org.vansdk.anonymisation.recoding;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vansdk.anonymisation.hierarchy.Hierarchy;
import org.vansdk.anonymisation.hierarchy.VaHierarchies;
import org.vansdk.anonymisation.search.Dataset;
import org.vansdk.anonymisation.search.FullDomainSearch;
import org.vansdk.anonymisation.search.PrivacyModel;
import org.vansdk.anonymisation.search.SearchResult;

class LocalRecodingTest {

  /** VA-shaped: a few dense provinces and many sparse ones. */
  static Dataset population(int n, long seed) {
    List<String> communes = new ArrayList<>();
    for (int p = 1; p <= 25; p++) {
      for (int d = 1; d <= 4; d++) {
        for (int c = 1; c <= 4; c++) {
          communes.add(String.format("KH%02d%02d%02d", p, d, c));
        }
      }
    }
    Map<String, String> device = new LinkedHashMap<>();
    device.put("antipersonnel_mine", "mine");
    device.put("antivehicle_mine", "mine");
    device.put("cluster_munition_remnant", "erw");
    device.put("other_erw", "erw");
    List<Hierarchy> hs =
        List.of(
            VaHierarchies.flat("sex", List.of("male", "female")),
            VaHierarchies.age(100),
            VaHierarchies.place("KHM", communes),
            VaHierarchies.partialDate("incidentDate", 1979, 2025),
            VaHierarchies.grouped("device", device));
    Random random = new Random(seed);
    Dataset.Builder b = Dataset.builder(hs);
    String[] devices = device.keySet().toArray(new String[0]);
    for (int i = 0; i < n; i++) {
      int p = 1 + Math.min(24, (int) Math.abs(random.nextGaussian() * 3));
      b.add(
          List.of(
              random.nextInt(5) == 0 ? "female" : "male",
              Integer.toString(
                  random.nextInt(3) == 0 ? 5 + random.nextInt(13) : 18 + random.nextInt(50)),
              String.format("KH%02d%02d%02d", p, 1 + random.nextInt(4), 1 + random.nextInt(4)),
              String.format(
                  "%d-%02d-%02d",
                  1979 + Math.min(46, (int) Math.abs(random.nextGaussian() * 10)),
                  1 + random.nextInt(12),
                  1 + random.nextInt(28)),
              devices[random.nextInt(devices.length)]));
    }
    return b.build();
  }

  @Test
  void localRecoding_losesLessThanGlobal_keepsProvince_andStaysKAnonymous() {
    Dataset data = population(20_000, 3);
    SearchResult global =
        FullDomainSearch.builder(data)
            .privacy(PrivacyModel.kAnonymity(5))
            .suppressionLimit(0.05)
            .build()
            .run();
    LocalRecodingResult local =
        LocalRecoding.builder(data)
            .partitionBy(2, 2)
            .privacy(PrivacyModel.kAnonymity(5))
            .suppressionLimit(0.05)
            .build()
            .run();
    int globalDetailed = 0;
    int localDetailed = 0;
    Map<String, Integer> classes = new HashMap<>();
    for (int row = 0; row < data.size(); row++) {
      int[] g = global.levels();
      if (!global.isSuppressed(row) && g[2] <= 2 && g[3] <= 4) {
        globalDetailed++;
      }
      int[] l = local.levels(row);
      if (!local.isSuppressed(row) && l[2] <= 2 && l[3] <= 4) {
        localDetailed++;
      }
      if (!local.isSuppressed(row)) {
        StringBuilder key = new StringBuilder();
        for (int a = 0; a < data.quasiIdentifierCount(); a++) {
          key.append(local.releasedValue(a, row)).append('|');
        }
        classes.merge(key.toString(), 1, Integer::sum);
      }
    }
    assertTrue(local.loss() < global.loss(), local + " vs " + global);
    assertTrue(
        localDetailed >= globalDetailed,
        "local " + localDetailed + " vs global " + globalDetailed + "; " + local + " " + global);
    assertTrue(local.suppressedCount() <= 1000, local.toString());
    for (Map.Entry<String, Integer> e : classes.entrySet()) {
      assertTrue(e.getValue() >= 5, "released class of " + e.getValue() + ": " + e.getKey());
    }
  }
}
