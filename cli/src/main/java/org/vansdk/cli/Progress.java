package org.vansdk.cli;

import java.io.PrintStream;

/**
 * Progress of long work on standard error, only when it is a terminal: records per second and, when
 * the total is known, a percentage. Prints nothing otherwise, so pipes and logs stay clean.
 */
final class Progress implements AutoCloseable {
  private final PrintStream err;
  private final String what;
  private final long total;
  private final boolean enabled;
  private final long started = System.nanoTime();
  private long count;
  private long lastPrint;

  private Progress(PrintStream err, String what, long total, boolean enabled) {
    this.err = err;
    this.what = what;
    this.total = total;
    this.enabled = enabled;
  }

  /**
   * Starts reporting progress if standard error is a terminal.
   *
   * @param what what is counted, e.g. {@code records}
   * @param total the expected count, or 0 when unknown
   * @return the progress
   */
  static Progress start(String what, long total) {
    return new Progress(System.err, what, total, System.console() != null);
  }

  void step(long n) {
    count += n;
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastPrint > 250_000_000L) {
      lastPrint = now;
      double seconds = Math.max(1e-9, (now - started) / 1e9);
      String percent = total > 0 ? String.format(" %3d%%", Math.min(100, count * 100 / total)) : "";
      err.printf("\r%,d %s%s  %,.0f/s   ", count, what, percent, count / seconds);
    }
  }

  @Override
  public void close() {
    if (enabled && lastPrint != 0) {
      err.print("\r" + " ".repeat(60) + "\r");
      err.flush();
    }
  }
}
