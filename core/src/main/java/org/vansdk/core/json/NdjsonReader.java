package org.vansdk.core.json;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.internal.NdjsonLines;

/**
 * Reads an NDJSON stream one line at a time, in memory bounded by the longest allowed line. A line
 * that cannot be decoded throws a {@link VanJsonException} located at that line; reading may go on
 * with the next line. Blank lines are skipped. Not thread-safe.
 *
 * @since 1.0
 */
public final class NdjsonReader implements Closeable {
  private final VanJson json;
  private final InputStream in;
  private final NdjsonLines lines;

  NdjsonReader(VanJson json, InputStream in) {
    this.json = json;
    this.in = in;
    this.lines = new NdjsonLines(in, json.limits().maxDocumentBytes());
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
      byte[] line;
      try {
        line = lines.next();
      } catch (IOException e) {
        throw Ndjson.io(e);
      }
      if (line == null) {
        return Optional.empty();
      }
      if (lines.wasTooLong()) {
        throw new VanJsonException(
            ErrorCode.LIMIT_EXCEEDED,
            "NDJSON line longer than the limit of " + json.limits().maxDocumentBytes() + " bytes",
            "",
            lines.lineNumber(),
            1);
      }
      if (NdjsonLines.isBlank(line)) {
        continue;
      }
      return Optional.of(Ndjson.decode(json, line, lines.lineNumber()));
    }
  }

  /** Returns the number of lines read so far. */
  public long lineNumber() {
    return lines.lineNumber();
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
