package org.vansdk.benchmarks.anonymisation;

import org.vansdk.anonymisation.search.Dataset;
import org.vansdk.anonymisation.search.FullDomainSearch;
import org.vansdk.anonymisation.search.LossModel;
import org.vansdk.anonymisation.search.PrivacyModel;
import org.vansdk.anonymisation.search.SearchResult;

/** Plain single-shot run of the 1M-record search, printing wall time and peak heap. */
public final class VaSearchMain {
  private VaSearchMain() {}

  /**
   * Runs the search once per argument size (default 1,000,000).
   *
   * @param args record counts
   */
  public static void main(String[] args) {
    int[] sizes = args.length == 0 ? new int[] {1_000_000} : new int[args.length];
    for (int i = 0; i < args.length; i++) {
      sizes[i] = Integer.parseInt(args[i]);
    }
    for (int n : sizes) {
      long t0 = System.nanoTime();
      Dataset data = VaShapedData.generate(n, 42);
      java.lang.management.ThreadMXBean threads =
          java.lang.management.ManagementFactory.getThreadMXBean();
      long c1 = threads.getCurrentThreadCpuTime();
      long t1 = System.nanoTime();
      SearchResult r =
          FullDomainSearch.builder(data)
              .privacy(PrivacyModel.kAnonymity(5))
              .suppressionLimit(0.05)
              .loss(LossModel.loss())
              .build()
              .run();
      long t2 = System.nanoTime();
      long c2 = threads.getCurrentThreadCpuTime();
      Runtime rt = Runtime.getRuntime();
      System.out.printf(
          "n=%d generate=%.2fs search=%.2fs wall, %.2fs cpu; used-heap=%dMB %s %s%n",
          n,
          (t1 - t0) / 1e9,
          (t2 - t1) / 1e9,
          (c2 - c1) / 1e9,
          (rt.totalMemory() - rt.freeMemory()) >> 20,
          r,
          r.statistics());
    }
  }
}
