package org.vansdk.benchmarks.anonymisation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;
import org.vansdk.anonymisation.pseudonym.PseudonymKey;
import org.vansdk.anonymisation.pseudonym.Pseudonymiser;
import org.vansdk.anonymisation.pseudonym.Purpose;
import org.vansdk.anonymisation.pseudonym.Recipient;

/**
 * Pseudonyms per second of thread CPU time (a figure that holds on a loaded machine), single
 * thread, five rounds of one million 12-digit IDs with separators.
 */
public final class PseudonymMain {
  private PseudonymMain() {}

  /**
   * Runs the measurement.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    byte[] secret = new byte[32];
    new SplittableRandom(1).nextBytes(secret);
    Pseudonymiser p =
        Pseudonymiser.of(
            PseudonymKey.of(Purpose.of("regional_dashboard"), Recipient.of("regional"), 1, secret));
    SplittableRandom random = new SplittableRandom(2);
    String[] ids = new String[1 << 16];
    for (int i = 0; i < ids.length; i++) {
      String d = String.format("%012d", random.nextLong(1_000_000_000_000L));
      ids[i] = d.substring(0, 4) + "-" + d.substring(4, 8) + "-" + d.substring(8);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (int round = 0; round < 5; round++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      for (int i = 0; i < 1_000_000; i++) {
        sink += p.pseudonym(ids[i & (ids.length - 1)]).length();
      }
      long c1 = threads.getCurrentThreadCpuTime();
      long t1 = System.nanoTime();
      System.out.printf(
          "round %d: %.0f pseudonyms/s of CPU, %.0f /s wall%n",
          round, 1e6 / ((c1 - c0) / 1e9), 1e6 / ((t1 - t0) / 1e9));
    }
    System.out.println("checksum " + sink);
  }
}
