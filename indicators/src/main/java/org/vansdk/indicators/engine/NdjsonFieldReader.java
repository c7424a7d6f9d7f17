package org.vansdk.indicators.engine;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.json.Ndjson;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.json.VanJsonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.ObjectReader;

/**
 * Reads an NDJSON stream into a {@link Dataset}, streaming the four high-volume record types
 * (persons, incidents, casualties, functioning assessments) field by field with the codec's own
 * parser (same stream constraints) instead of binding each line into a model object, which is where
 * most of the time of a full binding goes. Every other line is decoded in full by {@link
 * Ndjson#decode}.
 *
 * <p>The stream is cut into chunks of whole lines ({@link NdjsonChunks}), each parsed into rows by
 * a {@link ChunkParser} with the field decoders of {@link RecordDecoders}. This class is the
 * ordered pipeline between them: with a parallelism above 1 the chunks are parsed on that many
 * threads while the calling thread applies the parsed rows to the dataset in stream order, so the
 * result, and the first error reported, are those of a sequential read.
 *
 * <p>What a streamed line is checked for: well-formed JSON, one object with {@code type} and an
 * object {@code record}, nothing after it, and every field the indicators read present when
 * required, once, of the right JSON type and a valid value (codes from the code lists, partial
 * dates, ISO country codes). Fields the indicators do not read are skipped unchecked: whole-record
 * validation belongs upstream (the validation module), as a file is validated once and counted many
 * times. A line that fails a check throws a {@link VanJsonException} with its line number and a
 * JSON pointer, never a silently wrong count.
 */
final class NdjsonFieldReader {
  /** Bytes of a chunk before it is cut at its last line end. */
  static final int CHUNK = 1 << 20;

  private final VanJson json;
  private final ObjectReader reader;
  private final Dataset data;
  private final int parallelism;
  private final int maxLine;
  private final NdjsonChunks chunks;

  NdjsonFieldReader(VanJson json, InputStream in, Dataset data, int parallelism) {
    this(json, in, data, parallelism, CHUNK);
  }

  /** As the public path, with another chunk size (tests cut small streams into many chunks). */
  NdjsonFieldReader(VanJson json, InputStream in, Dataset data, int parallelism, int chunkBytes) {
    this.json = json;
    // Repeated properties are checked by RecordDecoders for the fields read; the rest is skipped.
    this.reader = json.mapper().reader().without(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    this.data = data;
    this.parallelism = parallelism;
    this.maxLine = (int) Math.min(Integer.MAX_VALUE - 16, json.limits().maxDocumentBytes());
    this.chunks = new NdjsonChunks(in, json.limits().maxDocumentBytes(), maxLine, chunkBytes);
  }

  /** Reads every line of the stream into the dataset. */
  void readAll() {
    long linesBefore = 0;
    if (parallelism <= 1) {
      for (byte[] chunk = next(linesBefore); chunk != null; chunk = next(linesBefore)) {
        linesBefore = apply(parse(chunk).run(), linesBefore);
      }
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            parallelism,
            r -> {
              Thread t = new Thread(r, "van-indicators-ndjson");
              t.setDaemon(true);
              return t;
            });
    try {
      ArrayDeque<Future<ChunkParser.Parsed>> inFlight = new ArrayDeque<>();
      while (true) {
        byte[] chunk;
        try {
          chunk = chunks.next();
        } catch (RuntimeException e) {
          // An earlier line's error, still being parsed, comes first, as in a sequential read.
          while (!inFlight.isEmpty()) {
            linesBefore = apply(await(inFlight.poll()), linesBefore);
          }
          throw rebased(e, linesBefore);
        }
        if (chunk == null) {
          break;
        }
        inFlight.add(pool.submit(parse(chunk)::run));
        if (inFlight.size() > 2 * parallelism) {
          linesBefore = apply(await(inFlight.poll()), linesBefore);
        }
      }
      while (!inFlight.isEmpty()) {
        linesBefore = apply(await(inFlight.poll()), linesBefore);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The next chunk, its errors numbered after the lines already applied. */
  private byte[] next(long linesBefore) {
    try {
      return chunks.next();
    } catch (RuntimeException e) {
      throw rebased(e, linesBefore);
    }
  }

  /** An error of {@link NdjsonChunks#next}, whose line numbers count from the first unread line. */
  private static RuntimeException rebased(RuntimeException e, long linesBefore) {
    return e instanceof VanJsonException
        ? ((VanJsonException) e).atLine(linesBefore + ((VanJsonException) e).line(), "")
        : e;
  }

  private static ChunkParser.Parsed await(Future<ChunkParser.Parsed> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VanException(ErrorCode.IO, "interrupted while reading NDJSON", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new VanException(ErrorCode.IO, "cannot read NDJSON: " + cause, cause);
    }
  }

  /** Applies a parsed chunk; returns the number of lines read so far. */
  private long apply(ChunkParser.Parsed parsed, long linesBefore) {
    for (Consumer<Dataset> row : parsed.rows) {
      row.accept(data);
    }
    if (parsed.failure != null) {
      throw parsed.failure.atLine(linesBefore + parsed.failure.line(), "");
    }
    return linesBefore + parsed.lines;
  }

  private ChunkParser parse(byte[] chunk) {
    return new ChunkParser(json, reader, maxLine, chunk);
  }
}
