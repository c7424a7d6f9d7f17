package org.vansdk.indicators.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.internal.NdjsonLines;
import org.vansdk.core.json.Ndjson;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.json.VanJsonException;
import org.vansdk.core.submission.RecordType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.ObjectReader;

/**
 * Parses one chunk of whole NDJSON lines into the rows to apply to a {@link Dataset}, in line
 * order. A person, incident, casualty or functioning assessment line with {@code type} first is
 * streamed field by field through {@link RecordDecoders}; any other line is decoded in full by
 * {@link Ndjson#decode}. Line numbers in its errors count from the chunk's first line. One instance
 * per chunk, run by one thread.
 */
final class ChunkParser {
  private static final String PERSON = RecordType.PERSON.code();
  private static final String INCIDENT = RecordType.INCIDENT.code();
  private static final String CASUALTY = RecordType.CASUALTY.code();
  private static final String FUNCTIONING = RecordType.FUNCTIONING_ASSESSMENT.code();

  private final VanJson json;
  private final ObjectReader reader;
  private final int maxLine;
  private final byte[] buffer;
  private final List<Consumer<Dataset>> rows = new ArrayList<>();
  private final RecordDecoders decoders = new RecordDecoders();
  private long lineNumber;

  /**
   * A parser of one chunk.
   *
   * @param json the codec (limits, strictness)
   * @param reader the codec's reader, without duplicate detection (the decoders check the fields)
   * @param maxLine the longest line, in bytes
   * @param chunk whole lines (the last one may lack its line end at the end of the stream)
   */
  ChunkParser(VanJson json, ObjectReader reader, int maxLine, byte[] chunk) {
    this.json = json;
    this.reader = reader;
    this.maxLine = maxLine;
    this.buffer = chunk;
  }

  /** A parsed chunk: the rows to apply in order, its line count, and the error that stopped it. */
  static final class Parsed {
    final List<Consumer<Dataset>> rows;
    final long lines;
    final VanJsonException failure;

    Parsed(List<Consumer<Dataset>> rows, long lines, VanJsonException failure) {
      this.rows = rows;
      this.lines = lines;
      this.failure = failure;
    }
  }

  /** Parses the chunk; a line that fails stops it, the rows before it are kept. */
  Parsed run() {
    int start = 0;
    try {
      while (start < buffer.length) {
        int nl = NdjsonLines.lineEnd(buffer, start, buffer.length);
        lineNumber++;
        int stop = NdjsonLines.contentEnd(buffer, start, nl);
        if (stop - start > maxLine) {
          throw new VanJsonException(
              ErrorCode.LIMIT_EXCEEDED,
              "NDJSON line longer than the limit of " + json.limits().maxDocumentBytes() + " bytes",
              "",
              lineNumber,
              1);
        }
        if (!isBlank(start, stop)) {
          line(start, stop - start);
        }
        start = nl + 1;
      }
      return new Parsed(rows, lineNumber, null);
    } catch (VanJsonException e) {
      return new Parsed(rows, lineNumber, e);
    }
  }

  private boolean isBlank(int from, int to) {
    for (int i = from; i < to; i++) {
      if (buffer[i] != ' ' && buffer[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  /** One line: streamed if it is a person, incident or casualty with "type" first, else decoded. */
  private void line(int off, int len) {
    String pointer = "";
    decoders.line = lineNumber;
    try (JsonParser p = reader.createParser(buffer, off, len)) {
      if (p.nextToken() != JsonToken.START_OBJECT || !"type".equals(p.nextName())) {
        decode(off, len);
        return;
      }
      if (p.nextToken() != JsonToken.VALUE_STRING) {
        decode(off, len);
        return;
      }
      String type = p.getString();
      boolean person = type.equals(PERSON);
      boolean incident = type.equals(INCIDENT);
      boolean casualty = type.equals(CASUALTY);
      boolean functioning = type.equals(FUNCTIONING);
      if (!(person || incident || casualty || functioning)
          || !"record".equals(p.nextName())
          || p.nextToken() != JsonToken.START_OBJECT) {
        decode(off, len);
        return;
      }
      pointer = "/record";
      if (person) {
        rows.add(decoders.person(p));
      } else if (incident) {
        rows.add(decoders.incident(p));
      } else if (casualty) {
        rows.add(decoders.casualty(p));
      } else {
        rows.add(decoders.functioning(p));
      }
      pointer = "";
      JsonToken after = p.nextToken();
      while (after == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        if (json.isStrict() || name.equals("type") || name.equals("record")) {
          throw decoders.mapping(
              "unknown or repeated property in an NDJSON line; allowed: record, type", "", p);
        }
        p.nextToken();
        p.skipChildren();
        after = p.nextToken();
      }
      if (after != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw decoders.mapping("an NDJSON line must hold one object", "", p);
      }
    } catch (VanJsonException e) {
      throw e;
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      throw new VanJsonException(
          ErrorCode.MALFORMED_JSON,
          "malformed JSON: " + e.getClass().getSimpleName(),
          pointer,
          lineNumber,
          at == null ? 1 : Math.max(1, at.getColumnNr()));
    }
  }

  private void decode(int off, int len) {
    Object record =
        Ndjson.decode(json, Arrays.copyOfRange(buffer, off, off + len), lineNumber).record();
    rows.add(d -> d.accept(record));
  }
}
