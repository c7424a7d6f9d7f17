package org.vansdk.schema.validation;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines in memory bounded by the longest allowed line. A line over the
 * limit is skipped to its end and returned as an empty array (the caller reports it); a blank line
 * is returned as a single space. Not thread-safe.
 */
final class LineReader implements Closeable {
  private static final byte[] BLANK = {' '};
  private final InputStream in;
  private final long max;
  private final byte[] buffer = new byte[1 << 16];
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private int position;
  private int limit;
  private long lineNumber;

  LineReader(InputStream in, long max) {
    this.in = in;
    this.max = max;
  }

  long lineNumber() {
    return lineNumber;
  }

  byte[] next() throws IOException {
    line.reset();
    boolean tooLong = false;
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
        if (line.size() > max) {
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
      return new byte[0];
    }
    byte[] bytes = line.toByteArray();
    int end = bytes.length;
    if (end > 0 && bytes[end - 1] == '\r') {
      end--;
    }
    if (end == 0) {
      return BLANK;
    }
    return end == bytes.length ? bytes : Arrays.copyOf(bytes, end);
  }

  @Override
  public void close() throws IOException {
    // the caller owns the stream
  }
}
