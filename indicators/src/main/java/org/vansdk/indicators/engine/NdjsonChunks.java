package org.vansdk.indicators.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.json.VanJsonException;

/**
 * Cuts a byte stream into chunks of whole NDJSON lines of about a given size, so that the chunks
 * can be parsed independently. A line longer than the limit fails before it is held whole. The
 * stream is not closed. Not thread-safe.
 */
final class NdjsonChunks {
  private final InputStream in;
  private final long maxDocumentBytes;
  private final int maxLine;
  private final int chunkBytes;
  private byte[] buffer;
  private int limit;
  private boolean eof;

  /**
   * Chunks of a stream.
   *
   * @param in the stream
   * @param maxDocumentBytes the longest line allowed, as configured (for the message)
   * @param maxLine the longest line allowed, in bytes
   * @param chunkBytes bytes of a chunk before it is cut at its last line end
   */
  NdjsonChunks(InputStream in, long maxDocumentBytes, int maxLine, int chunkBytes) {
    this.in = in;
    this.maxDocumentBytes = maxDocumentBytes;
    this.maxLine = maxLine;
    this.chunkBytes = chunkBytes;
    this.buffer = new byte[2 * chunkBytes];
  }

  /**
   * The next chunk of whole lines (the last one may lack its line end at the end of the stream), or
   * null at the end. An overlong line is reported as line 1: the first unread one.
   */
  byte[] next() {
    int searched = 0;
    while (true) {
      while (!eof && limit < chunkBytes) {
        fill();
      }
      int nl = -1;
      for (int i = limit - 1; i >= searched; i--) {
        if (buffer[i] == '\n') {
          nl = i;
          break;
        }
      }
      if (nl >= 0 || eof) {
        int end = nl >= 0 ? nl + 1 : limit;
        if (end == 0) {
          return null;
        }
        byte[] chunk = Arrays.copyOf(buffer, end);
        System.arraycopy(buffer, end, buffer, 0, limit - end);
        limit -= end;
        return chunk;
      }
      searched = limit;
      if (limit > maxLine + 2) {
        throw new VanJsonException(
            ErrorCode.LIMIT_EXCEEDED,
            "NDJSON line longer than the limit of " + maxDocumentBytes + " bytes",
            "",
            1,
            1);
      }
      if (limit == buffer.length) {
        buffer = Arrays.copyOf(buffer, (int) Math.min(buffer.length * 2L, maxLine + 3L));
      }
      fill();
    }
  }

  private void fill() {
    try {
      int n = in.read(buffer, limit, buffer.length - limit);
      if (n < 0) {
        eof = true;
      } else {
        limit += n;
      }
    } catch (IOException e) {
      throw new VanException(
          ErrorCode.IO, "cannot read NDJSON stream: " + e.getClass().getSimpleName(), e);
    }
  }
}
