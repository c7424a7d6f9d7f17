package org.vansdk.ingest.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vansdk.ingest.IngestException;
import org.vansdk.ingest.mapping.MappingModel.SourceSpec;
import org.vansdk.ingest.mapping.SourceEncoding;
import org.vansdk.ingest.transform.Text;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.dataformat.csv.CsvFactory;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Reads CSV with Jackson's CSV parser (no hand-written parsing): the declared encoding is checked
 * (byte order marks, UTF-16 text declared as 8-bit and the reverse, bytes that do not decode),
 * every record becomes a row of raw cells.
 */
final class CsvRows {
  private static final int SNIFF = 8192;

  private CsvRows() {}

  static void read(Path path, SourceSpec spec, SourceLimits limits, RowSink sink) {
    String file = path.getFileName().toString();
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      SourceEncoding encoding = sniff(raw, spec.encoding(), file);
      CharsetDecoder decoder =
          encoding
              .charset()
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      Reader reader = new InputStreamReader(raw, decoder);
      CsvMapper mapper =
          CsvMapper.builder(
                  CsvFactory.builder()
                      .streamReadConstraints(
                          StreamReadConstraints.builder()
                              .maxStringLength(limits.maxCellChars())
                              .build())
                      .build())
              .enable(CsvReadFeature.WRAP_AS_ARRAY)
              .build();
      CsvSchema schema =
          CsvSchema.emptySchema()
              .withColumnSeparator(spec.delimiter())
              .withQuoteChar(spec.quote())
              .withoutEscapeChar();
      long row = 0;
      long reading = 1;
      boolean headerSeen = false;
      try (JsonParser p = mapper.reader(schema).createParser(reader)) {
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_ARRAY) {
          t = p.nextToken();
        }
        List<String> cells = new ArrayList<>();
        while (t != null && t != JsonToken.END_ARRAY) {
          if (t != JsonToken.START_ARRAY) {
            throw malformed(file, row + 1, null);
          }
          row++;
          reading = row;
          cells.clear();
          while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
            if (cells.size() >= limits.maxColumns()) {
              throw new IngestException(
                  IngestException.SOURCE_TOO_LARGE,
                  file + " row " + row + " has more than " + limits.maxColumns() + " cells");
            }
            cells.add(p.getString());
          }
          if (t != JsonToken.END_ARRAY) {
            throw malformed(file, row, null);
          }
          reading = row + 1;
          t = p.nextToken();
          if (row < spec.headerRow()) {
            continue;
          }
          if (row == spec.headerRow()) {
            List<String> names = new ArrayList<>(cells.size());
            for (String c : cells) {
              names.add(Text.normalise(c));
            }
            sink.header(names);
            headerSeen = true;
            continue;
          }
          sink.row(new SourceRow(row, cells.toArray(new String[0])));
        }
      } catch (StreamConstraintsException e) {
        throw new IngestException(
            IngestException.SOURCE_TOO_LARGE,
            file
                + " row "
                + reading
                + " has a cell longer than "
                + limits.maxCellChars()
                + " characters (or an unclosed quote)",
            e);
      } catch (JacksonException e) {
        CharacterCodingException coding = codingCause(e);
        if (coding != null) {
          throw encodingError(file, reading, encoding, coding);
        }
        throw malformed(file, reading, e);
      }
      if (!headerSeen) {
        throw new IngestException(
            IngestException.SOURCE_HEADER,
            file + " has " + row + " rows; the header is expected on row " + spec.headerRow());
      }
    } catch (CharacterCodingException e) {
      throw encodingError(file, -1, spec.encoding(), e);
    } catch (IOException e) {
      CharacterCodingException coding = codingCause(e);
      if (coding != null) {
        throw encodingError(file, -1, spec.encoding(), coding);
      }
      throw new IngestException(
          IngestException.SOURCE_MALFORMED,
          "cannot read " + file + ": " + e.getClass().getSimpleName(),
          e);
    }
  }

  /**
   * Checks the start of the file against the declared encoding and skips a byte order mark. Returns
   * the encoding to decode with (UTF-16 resolved to its byte order).
   */
  private static SourceEncoding sniff(InputStream in, SourceEncoding declared, String file)
      throws IOException {
    in.mark(SNIFF);
    byte[] head = in.readNBytes(SNIFF);
    in.reset();
    int n = head.length;
    boolean utf8Bom =
        n >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf;
    boolean leBom = n >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe;
    boolean beBom = n >= 2 && (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff;
    int zeros = 0;
    for (byte b : head) {
      zeros += b == 0 ? 1 : 0;
    }
    boolean sixteen =
        declared == SourceEncoding.UTF_16
            || declared == SourceEncoding.UTF_16LE
            || declared == SourceEncoding.UTF_16BE;
    if (!sixteen && (leBom || beBom || zeros > n / 10)) {
      throw new IngestException(
          IngestException.SOURCE_ENCODING,
          file
              + " looks like UTF-16 text ("
              + (leBom || beBom ? "byte order mark" : "many zero bytes")
              + ") but the mapping says "
              + declared.code()
              + "; set \"encoding\": \"utf-16\"");
    }
    if (sixteen && (utf8Bom || (n > 1 && zeros == 0))) {
      throw new IngestException(
          IngestException.SOURCE_ENCODING,
          file
              + " is not UTF-16 ("
              + (utf8Bom ? "it starts with a UTF-8 byte order mark" : "it has no zero bytes")
              + ") but the mapping says "
              + declared.code());
    }
    if ((declared == SourceEncoding.WINDOWS_874 || declared == SourceEncoding.TIS_620)
        && (utf8Bom || looksLikeUtf8(head))) {
      throw new IngestException(
          IngestException.SOURCE_ENCODING,
          file + " is UTF-8 text but the mapping says " + declared.code() + "; set \"utf-8\"");
    }
    if (utf8Bom && declared == SourceEncoding.UTF_8) {
      in.skipNBytes(3);
    } else if (declared == SourceEncoding.UTF_16 && (leBom || beBom)) {
      in.skipNBytes(2);
      return beBom ? SourceEncoding.UTF_16BE : SourceEncoding.UTF_16LE;
    } else if ((declared == SourceEncoding.UTF_16LE && leBom)
        || (declared == SourceEncoding.UTF_16BE && beBom)) {
      in.skipNBytes(2);
    }
    return declared;
  }

  /**
   * Whether the bytes hold multi-byte UTF-8 sequences and decode as UTF-8 (to the last whole one).
   */
  private static boolean looksLikeUtf8(byte[] head) {
    boolean multiByte = false;
    int end = head.length;
    while (end > 0 && end > head.length - 4 && (head[end - 1] & 0xc0) == 0x80) {
      end--;
    }
    if (end > 0 && (head[end - 1] & 0xff) >= 0xc0) {
      end--;
    }
    for (int i = 0; i < end; i++) {
      if (head[i] < 0) {
        multiByte = true;
        break;
      }
    }
    if (!multiByte) {
      return false;
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(Arrays.copyOf(head, end)));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static CharacterCodingException codingCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CharacterCodingException) {
        return (CharacterCodingException) t;
      }
    }
    return null;
  }

  private static IngestException encodingError(
      String file, long row, SourceEncoding encoding, CharacterCodingException e) {
    return new IngestException(
        IngestException.SOURCE_ENCODING,
        file
            + (row > 0 ? " row " + row : "")
            + " has bytes that are not "
            + encoding.code()
            + " text; check the file's encoding (utf-8, utf-16, windows-874) and the mapping's"
            + " \"encoding\"",
        e);
  }

  private static IngestException malformed(String file, long row, Exception cause) {
    return new IngestException(
        IngestException.SOURCE_MALFORMED,
        file + " is not well-formed CSV near row " + row + " (an unclosed or stray quote?)",
        cause);
  }
}
