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
    return generate(hierarchies(), n, seed);
  }

  /** Generates {@code n} records from {@code seed} over the given (pre-built) hierarchies. */
  public static Dataset generate(List<Hierarchy> hs, int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[][] columns = new int[6][n];
    Hierarchy date = hs.get(3);
    Hierarchy place = hs.get(2);
    int provinces = 25;
    // Leaf numbers looked up once, not per record.
    int[][][] commune = new int[provinces][8][8];
    for (int p = 0; p < provinces; p++) {
      for (int d = 0; d < 8; d++) {
        for (int c = 0; c < 8; c++) {
          commune[p][d][c] = place.leaf(String.format("KH%02d%02d%02d", p + 1, d + 1, c + 1));
        }
      }
    }
    int years = 2025 - 1979 + 1;
    int[] yearLeaf = new int[years];
    int[][] monthLeaf = new int[years][12];
    int[][][] dayLeaf = new int[years][12][28];
    for (int y = 0; y < years; y++) {
      yearLeaf[y] = date.leaf(Integer.toString(1979 + y));
      for (int m = 0; m < 12; m++) {
        monthLeaf[y][m] = date.leaf(String.format("%d-%02d", 1979 + y, m + 1));
        for (int d = 0; d < 28; d++) {
          dayLeaf[y][m][d] = date.leaf(String.format("%d-%02d-%02d", 1979 + y, m + 1, d + 1));
        }
      }
    }
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
      columns[2][i] = commune[p][random.nextInt(8)][random.nextInt(8)];
      int y = (int) Math.min(years - 1, Math.abs(random.nextGaussian()) * 15);
      double precision = random.nextDouble();
      if (precision < 0.05) {
        columns[3][i] = yearLeaf[y];
      } else if (precision < 0.15) {
        columns[3][i] = monthLeaf[y][random.nextInt(12)];
      } else {
        columns[3][i] = dayLeaf[y][random.nextInt(12)][random.nextInt(28)];
      }
      columns[4][i] = Math.min(6, (int) (Math.abs(random.nextGaussian()) * 2.5));
      columns[5][i] = Math.min(11, (int) (Math.abs(random.nextGaussian()) * 3.5));
    }
    return Dataset.ofColumns(hs, columns);
  }
}
