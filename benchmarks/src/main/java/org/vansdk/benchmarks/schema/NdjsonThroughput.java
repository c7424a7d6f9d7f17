package org.vansdk.benchmarks.schema;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import org.vansdk.schema.validation.PayloadValidator;
import org.vansdk.schema.validation.ValidationReport;

/**
 * Validates a generated NDJSON stream of N lines (default 1,000,000: persons, incidents and
 * casualties referring to them) without holding it in memory, and prints lines per second and the
 * peak heap used. A plain program, not JMH: one long run is the measurement. It also prints the
 * validating thread's CPU time and lines per CPU-second, which stay comparable when the machine is
 * shared with other work (wall-clock lines/s then mostly measures the machine's load).
 *
 * <p>Run: {@code java -Xmx512m -cp <benchmarks classpath>
 * org.vansdk.benchmarks.schema.NdjsonThroughput 1000000}. One million lines also complete with
 * {@code -Xmx192m} (not with 128m: about a million identifiers are held for the cross-line rules).
 * The peak heap printed is the sum of each heap pool's own peak, an upper bound.
 */
public final class NdjsonThroughput {
  private NdjsonThroughput() {}

  /**
   * Runs the measurement.
   *
   * @param args the number of lines (optional)
   */
  public static void main(String[] args) {
    long lines = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
    PayloadValidator validator = PayloadValidator.create();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = System.nanoTime();
    long cpuStart = threads.getCurrentThreadCpuTime();
    ValidationReport report = validator.validateNdjson(stream(lines));
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(
        "lines=%d issues=%d seconds=%.1f lines/s=%.0f cpuSeconds=%.1f lines/cpu-s=%.0f"
            + " peakHeapMiB=%d maxHeapMiB=%d%n",
        lines,
        report.issues().size(),
        seconds,
        lines / seconds,
        cpuSeconds,
        lines / cpuSeconds,
        peak >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
  }

  /** A stream of lines generated on demand: a person, an incident, then a casualty, repeated. */
  static InputStream stream(long lines) {
    return new InputStream() {
      long line;
      byte[] current = new byte[0];
      int position;

      @Override
      public int read() {
        if (position == current.length) {
          if (line == lines) {
            return -1;
          }
          current = line(line++).getBytes(StandardCharsets.UTF_8);
          position = 0;
        }
        return current[position++] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (position == current.length) {
          if (line == lines) {
            return -1;
          }
          current = line(line++).getBytes(StandardCharsets.UTF_8);
          position = 0;
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
      }
    };
  }

  /** A birth year consistent with the casualty's age at the 2019 incident (the timeline rules). */
  static int birthYear(int casualty) {
    return 2019 - Payloads.age(casualty);
  }

  static String line(long n) {
    long k = n / 3;
    switch ((int) (n % 3)) {
      case 0:
        return "{\"type\":\"person\",\"record\":{\"id\":\"KHM-CMAA-P"
            + k
            + "\",\"sex\":\"female\",\"birthDate\":\""
            + birthYear((int) k)
            + "\"}}\n";
      case 1:
        return "{\"type\":\"incident\",\"record\":{\"accidentClass\":\"eo_accident\",\"date\":"
            + "\"2019-06-14\",\"deviceCategory\":\"antipersonnel_mine\",\"id\":\"KHM-CMAA-I"
            + k
            + "\",\"location\":{\"country\":\"KHM\"}}}\n";
      default:
        String c = Payloads.casualty((int) k);
        c = c.replace("KHM-CMAA-I" + (k / 2), "KHM-CMAA-I" + k);
        return "{\"type\":\"casualty\",\"record\":" + c + "}\n";
    }
  }
}
