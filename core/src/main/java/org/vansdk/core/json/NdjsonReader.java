package org.vansdk.core.json;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import org.vansdk.core.ErrorCode;

/**
 * Reads an NDJSON stream one line at a time, in memory bounded by the longest allowed line. A line
 * that cannot be decoded throws a {@link VanJsonException} located at that line; reading may go on
 * with the next line. Blank lines are skipped. Not thread-safe.
 */
public final class NdjsonReader implements Closeable {
  private final VanJson json;
  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private long lineNumber;
  private boolean eof;

  NdjsonReader(VanJson json, InputStream in) {
    this.json = json;
    this.in = in;
  }

  /**
   * Returns the next record, or empty at the end of the stream.
   *
   * @return the next record
   * @throws VanJsonException if the line is malformed, too long or does not match the model; the
   *     reader is then positioned at the following line
   * @throws org.vansdk.core.VanException {@code VAN-C-0012} if the stream cannot be read
   */
  public Optional<NdjsonRecord> next() {
    while (true) {
      byte[] line = nextLine();
      if (line == null) {
        return Optional.empty();
      }
      if (isBlank(line)) {
        continue;
      }
      return Optional.of(Ndjson.decode(json, line, lineNumber));
    }
  }

  /** Returns the number of lines read so far. */
  public long lineNumber() {
    return lineNumber;
  }

  private byte[] nextLine() {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    long max = json.limits().maxDocumentBytes();
    boolean tooLong = false;
    while (true) {
      if (position == limit) {
        if (eof || !fill()) {
          if (line.size() == 0 && !tooLong) {
            return null;
          }
          break;
        }
      }
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
      throw new VanJsonException(
          ErrorCode.LIMIT_EXCEEDED,
          "NDJSON line longer than the limit of " + max + " bytes",
          "",
          lineNumber,
          1);
    }
    byte[] bytes = line.toByteArray();
    int end = bytes.length;
    if (end > 0 && bytes[end - 1] == '\r') {
      end--;
    }
    return end == bytes.length ? bytes : Arrays.copyOf(bytes, end);
  }

  private boolean fill() {
    try {
      int n = in.read(buffer);
      if (n < 0) {
        eof = true;
        return false;
      }
      position = 0;
      limit = n;
      return true;
    } catch (IOException e) {
      throw Ndjson.io(e);
    }
  }

  private static boolean isBlank(byte[] line) {
    for (byte b : line) {
      if (b != ' ' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw Ndjson.io(e);
    }
  }
}
