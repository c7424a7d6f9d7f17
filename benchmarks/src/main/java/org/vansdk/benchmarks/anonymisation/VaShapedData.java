package org.vansdk.benchmarks.anonymisation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.vansdk.anonymisation.hierarchy.Hierarchy;
import org.vansdk.anonymisation.hierarchy.VaHierarchies;
import org.vansdk.anonymisation.search.Dataset;

/**
 * A seeded synthetic casualty table of the shape of a national VA database: sex, age, commune,
 * incident date, device, activity, with skewed distributions (mostly male, many children, a few
 * heavily contaminated provinces, most incidents in the 1980s and 1990s, some partial dates).
 */
public final class VaShapedData {
  private VaShapedData() {}

  /** The six hierarchies, in column order. */
  public static List<Hierarchy> hierarchies() {
    List<String> communes = new ArrayList<>();
    for (int p = 1; p <= 25; p++) {
      for (int d = 1; d <= 8; d++) {
        for (int c = 1; c <= 8; c++) {
          communes.add(String.format("KH%02d%02d%02d", p, d, c));
        }
      }
    }
    Map<String, String> device = new LinkedHashMap<>();
    device.put("antipersonnel_mine", "mine");
    device.put("antivehicle_mine", "mine");
    device.put("improvised_mine", "mine");
    device.put("cluster_submunition", "erw");
    device.put("unexploded_ordnance", "erw");
    device.put("abandoned_ordnance", "erw");
    device.put("unknown_device", "unknown");
    Map<String, String> activity = new LinkedHashMap<>();
    String[][] acts = {
      {"farming", "livelihood"},
      {"herding", "livelihood"},
      {"collecting_wood", "livelihood"},
      {"fishing", "livelihood"},
      {"travelling", "movement"},
      {"playing", "movement"},
      {"tampering", "handling"},
      {"scrap_collecting", "handling"},
      {"demining", "military"},
      {"military_activity", "military"},
      {"household", "livelihood"},
      {"unknown_activity", "unknown"}
    };
    for (String[] a : acts) {
      activity.put(a[0], a[1]);
    }
    return List.of(
        VaHierarchies.flat("sex", List.of("male", "female", "unknown")),
        VaHierarchies.age(100),
        VaHierarchies.place("KHM", communes),
        VaHierarchies.partialDate("incidentDate", 1979, 2025),
        VaHierarchies.grouped("device", device),
        VaHierarchies.grouped("activity", activity));
  }

  /** Generates {@code n} records from {@code seed}, as leaf-number columns. */
  public static Dataset generate(int n, long seed) {
    List<Hierarchy> hs = hierarchies();
    SplittableRandom random = new SplittableRandom(seed);
    int[][] columns = new int[6][n];
    Hierarchy date = hs.get(3);
    Hierarchy place = hs.get(2);
    int provinces = 25;
    for (int i = 0; i < n; i++) {
      double s = random.nextDouble();
      columns[0][i] = s < 0.8 ? 0 : s < 0.96 ? 1 : 2;
      int age =
          random.nextDouble() < 0.35
              ? 5 + random.nextInt(13)
              : (int) Math.min(100, 18 + Math.abs(random.nextGaussian()) * 20);
      columns[1][i] = age;
      // heavier in the first provinces (north-west)
      int p = (int) Math.min(provinces - 1, Math.abs(random.nextGaussian()) * 6);
      String commune =
          String.format("KH%02d%02d%02d", p + 1, 1 + random.nextInt(8), 1 + random.nextInt(8));
      columns[2][i] = place.leaf(commune);
      int year = (int) Math.min(2025, 1979 + Math.abs(random.nextGaussian()) * 15);
      double precision = random.nextDouble();
      String d;
      if (precision < 0.05) {
        d = Integer.toString(year);
      } else if (precision < 0.15) {
        d = String.format("%d-%02d", year, 1 + random.nextInt(12));
      } else {
        d = String.format("%d-%02d-%02d", year, 1 + random.nextInt(12), 1 + random.nextInt(28));
      }
      columns[3][i] = date.leaf(d);
      columns[4][i] = Math.min(6, (int) (Math.abs(random.nextGaussian()) * 2.5));
      columns[5][i] = Math.min(11, (int) (Math.abs(random.nextGaussian()) * 3.5));
    }
    return Dataset.ofColumns(hs, columns);
  }
}
