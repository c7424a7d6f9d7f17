package org.vansdk.benchmarks.schema;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import org.vansdk.schema.validation.PayloadValidator;
import org.vansdk.schema.validation.ValidationReport;

/**
 * Validates a generated NDJSON stream of N lines (default 1,000,000: persons, incidents and
 * casualties referring to them) without holding it in memory, and prints lines per second and the
 * peak heap used. A plain program, not JMH: one long run is the measurement.
 *
 * <p>Run: {@code java -Xmx512m -cp <benchmarks classpath>
 * org.vansdk.benchmarks.schema.NdjsonThroughput 1000000}.
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
    long start = System.nanoTime();
    ValidationReport report = validator.validateNdjson(stream(lines));
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(
        "lines=%d issues=%d seconds=%.1f lines/s=%.0f peakHeapMiB=%d maxHeapMiB=%d%n",
        lines,
        report.issues().size(),
        seconds,
        lines / seconds,
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
        int n = 0;
        while (n < len) {
          int c = read();
          if (c < 0) {
            return n == 0 ? -1 : n;
          }
          b[off + n++] = (byte) c;
        }
        return n;
      }
    };
  }

  static String line(long n) {
    long k = n / 3;
    switch ((int) (n % 3)) {
      case 0:
        return "{\"type\":\"person\",\"record\":{\"id\":\"KHM-CMAA-P"
            + k
            + "\",\"sex\":\"female\",\"birthDate\":\"1985\"}}\n";
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
