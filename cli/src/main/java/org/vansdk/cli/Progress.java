package org.vansdk.cli;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Progress of long work on standard error, only when it is a terminal: records (lines) per second
 * and, when the input size is known, a percentage. Prints nothing otherwise, so pipes and logs stay
 * clean. Counts by watching the bytes of an NDJSON stream go by.
 */
final class Progress implements AutoCloseable {
  private final PrintStream err;
  private final String what;
  private final long totalBytes;
  private final boolean enabled;
  private final long started = System.nanoTime();
  private long lines;
  private long bytes;
  private long lastPrint;

  private Progress(PrintStream err, String what, long totalBytes, boolean enabled) {
    this.err = err;
    this.what = what;
    this.totalBytes = totalBytes;
    this.enabled = enabled;
  }

  /**
   * Starts reporting progress if standard error is a terminal.
   *
   * @param what what each line is, e.g. {@code records}
   * @param totalBytes the input size, or 0 when unknown
   * @return the progress
   */
  static Progress start(String what, long totalBytes) {
    return new Progress(System.err, what, totalBytes, System.console() != null);
  }

  /** Wraps an input so its lines are counted. */
  InputStream watch(InputStream in) {
    if (!enabled) {
      return in;
    }
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          seen(b == '\n' ? 1 : 0, 1);
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          seen(newlines(buf, off, n), n);
        }
        return n;
      }
    };
  }

  /** Wraps an output so its lines are counted. */
  OutputStream watch(OutputStream out) {
    if (!enabled) {
      return out;
    }
    return new FilterOutputStream(out) {
      @Override
      public void write(int b) throws IOException {
        out.write(b);
        seen(b == '\n' ? 1 : 0, 1);
      }

      @Override
      public void write(byte[] buf, int off, int len) throws IOException {
        out.write(buf, off, len);
        seen(newlines(buf, off, len), len);
      }
    };
  }

  /**
   * Reports a running count directly, for work whose input is not a watched stream.
   *
   * @param count the items done so far
   */
  void update(long count) {
    if (enabled && count > lines) {
      seen((int) Math.min(Integer.MAX_VALUE, count - lines), 0);
    }
  }

  private static int newlines(byte[] buf, int off, int len) {
    int n = 0;
    for (int i = off; i < off + len; i++) {
      if (buf[i] == '\n') {
        n++;
      }
    }
    return n;
  }

  private void seen(int newLines, int newBytes) {
    lines += newLines;
    bytes += newBytes;
    long now = System.nanoTime();
    if (now - lastPrint > 250_000_000L) {
      lastPrint = now;
      double seconds = Math.max(1e-9, (now - started) / 1e9);
      String percent =
          totalBytes > 0 ? String.format(" %3d%%", Math.min(100, bytes * 100 / totalBytes)) : "";
      err.printf("\r%,d %s%s  %,.0f/s   ", lines, what, percent, lines / seconds);
      err.flush();
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
