package org.vansdk.core.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The NDJSON line splitter of the SDK: a line ends at {@code \n}, and a {@code \r} before it is not
 * part of the line. An instance splits a byte stream in memory bounded by the longest allowed line:
 * a line over the limit is skipped to its end and reported through {@link #wasTooLong()}, so a
 * hostile stream never makes a large buffer; the stream is not closed; not thread-safe. The static
 * {@link #lineEnd} and {@link #contentEnd} split lines already in memory by the same rule.
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
      position = lineEnd(buffer, position, limit);
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
    int end = contentEnd(bytes, 0, bytes.length);
    return end == bytes.length ? bytes : Arrays.copyOf(bytes, end);
  }

  /**
   * Returns where the line starting at {@code from} ends: the index of its {@code \n}, or {@code
   * to} when the bytes end first.
   *
   * @param bytes the bytes
   * @param from the line's first index
   * @param to the end of the bytes to search (exclusive)
   * @return the index of the line end, or {@code to}
   */
  public static int lineEnd(byte[] bytes, int from, int to) {
    int i = from;
    while (i < to && bytes[i] != '\n') {
      i++;
    }
    return i;
  }

  /**
   * Returns the end of a line's content: {@code end}, or one less when the line ends with {@code
   * \r}.
   *
   * @param bytes the bytes
   * @param start the line's first index
   * @param end the index of its line end (exclusive end of the line)
   * @return the exclusive end of its content
   */
  public static int contentEnd(byte[] bytes, int start, int end) {
    return end > start && bytes[end - 1] == '\r' ? end - 1 : end;
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
