package org.vansdk.core.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Splits a byte stream into NDJSON lines in memory bounded by the longest allowed line. A line over
 * the limit is skipped to its end and reported through {@link #wasTooLong()}, so a hostile stream
 * never makes a large buffer. Line endings ({@code \n} or {@code \r\n}) are removed. The stream is
 * not closed. Not thread-safe.
 *
 * @since 1.0
 */
public final class NdjsonLines {
  private static final byte[] EMPTY = new byte[0];

  private final InputStream in;
  private final long maxLineBytes;
  private final byte[] buffer = new byte[1 << 16];
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private int position;
  private int limit;
  private long lineNumber;
  private boolean tooLong;

  /**
   * Reads lines from a stream.
   *
   * @param in the input
   * @param maxLineBytes the longest line kept, in bytes
   */
  public NdjsonLines(InputStream in, long maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * Returns the next line without its ending, or {@code null} at the end of the stream. An
   * over-long line comes back empty with {@link #wasTooLong()} true.
   *
   * @return the line's bytes
   * @throws IOException if the stream cannot be read
   */
  public byte @Nullable [] next() throws IOException {
    line.reset();
    tooLong = false;
    boolean any = false;
    while (true) {
      if (position == limit) {
        int n = in.read(buffer);
        if (n < 0) {
          if (!any) {
            return null;
          }
          break;
        }
        position = 0;
        limit = n;
      }
      any = true;
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      if (!tooLong) {
        line.write(buffer, start, position - start);
        if (line.size() > maxLineBytes) {
          tooLong = true;
          line.reset();
        }
      }
      if (position < limit) {
        position++;
        break;
      }
    }
    lineNumber++;
    if (tooLong) {
      return EMPTY;
    }
    byte[] bytes = line.toByteArray();
    int end = bytes.length;
    if (end > 0 && bytes[end - 1] == '\r') {
      end--;
    }
    return end == bytes.length ? bytes : Arrays.copyOf(bytes, end);
  }

  /** Returns whether the line last returned was over the limit (and so came back empty). */
  public boolean wasTooLong() {
    return tooLong;
  }

  /** Returns the 1-based number of the line last returned. */
  public long lineNumber() {
    return lineNumber;
  }

  /**
   * Returns whether a line holds only spaces, tabs and carriage returns (or nothing).
   *
   * @param line a line's bytes
   * @return true when blank
   */
  public static boolean isBlank(byte[] line) {
    for (byte b : line) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
