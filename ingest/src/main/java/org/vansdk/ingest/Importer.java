package org.vansdk.ingest;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;
import org.vansdk.ingest.mapping.MappingModel;
import org.vansdk.ingest.source.RowSink;
import org.vansdk.ingest.source.SourceLimits;
import org.vansdk.ingest.source.SourceRow;
import org.vansdk.ingest.source.Sources;
import org.vansdk.schema.validation.PayloadValidator;

/**
 * Imports a national export (CSV or XLSX) into canonical records as a {@link Mapping} says: every
 * data row ends either as records in the NDJSON output (validated by the schema module's {@link
 * PayloadValidator} before they are written) or as lines of the reject file with its row number,
 * column and reason code; the returned {@link ImportSummary} counts both. Identifiers are built in
 * the importing organisation's namespace from source keys, so importing the same file again gives
 * the same identifiers. Memory grows only with the number of distinct keys.
 *
 * <p>Immutable and thread-safe; each {@link #run} is independent.
 */
public final class Importer {
  private static final long PROGRESS_EVERY = 10_000;

  private final Mapping mapping;
  private final Clock clock;
  private final SourceLimits limits;
  private final LongConsumer progress;

  private Importer(Mapping mapping, Clock clock, SourceLimits limits, LongConsumer progress) {
    this.mapping = mapping;
    this.clock = clock;
    this.limits = limits;
    this.progress = progress;
  }

  /**
   * Returns an importer for a mapping, with the system clock (UTC) and the default limits (1 GiB
   * files).
   *
   * @param mapping the mapping
   * @return the importer
   */
  public static Importer of(Mapping mapping) {
    return new Importer(
        Objects.requireNonNull(mapping, "mapping"),
        Clock.systemUTC(),
        SourceLimits.DEFAULT,
        n -> {});
  }

  /**
   * Returns a copy using a clock for "not in the future" checks.
   *
   * @param clock the clock
   * @return the importer
   */
  public Importer withClock(Clock clock) {
    return new Importer(mapping, Objects.requireNonNull(clock, "clock"), limits, progress);
  }

  /**
   * Returns a copy accepting source files up to a size.
   *
   * @param bytes the largest source file accepted, at least 1
   * @return the importer
   * @throws IllegalArgumentException if bytes is below 1
   */
  public Importer withMaxFileBytes(long bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("the file size limit must be at least 1 byte");
    }
    return new Importer(
        mapping,
        clock,
        new SourceLimits(
            bytes, limits.maxCellChars(), limits.maxColumns(), limits.maxExpandedBytes()),
        progress);
  }

  /**
   * Returns a copy that reports the number of rows read every 10,000 rows.
   *
   * @param rowsRead called with the rows read so far, on the importing thread
   * @return the importer
   */
  public Importer withProgress(LongConsumer rowsRead) {
    return new Importer(mapping, clock, limits, Objects.requireNonNull(rowsRead, "rowsRead"));
  }

  /**
   * Imports a source file. The streams are flushed, not closed. On an exception, what was written
   * so far is incomplete: write to a temporary file and move it into place on success.
   *
   * @param source the CSV or XLSX file
   * @param ndjson receives the records, one NDJSON line each
   * @param rejects receives the reject file (CSV)
   * @return the counts
   * @throws IngestException if the file cannot be read at all (size, encoding, format, header)
   * @throws UncheckedIOException if writing fails
   */
  public ImportSummary run(Path source, OutputStream ndjson, OutputStream rejects) {
    MappingModel model = mapping.model();
    PayloadValidator validator = PayloadValidator.withClock(clock);
    BufferedOutputStream out = new BufferedOutputStream(ndjson, 1 << 16);
    RejectFile rejectFile = new RejectFile(rejects);
    Run run = new Run(model, validator, out, rejectFile);
    Sources.read(source, model.source(), limits, run);
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    rejectFile.close();
    if (run.mapper == null) {
      throw new IngestException(IngestException.SOURCE_HEADER, "the source has no header row");
    }
    return new ImportSummary(run.read, run.accepted, run.rejected, run.blank, run.mapper.written());
  }

  /** One import in progress: receives rows and routes them to the output or the reject file. */
  private final class Run implements RowSink {
    private final MappingModel model;
    private final PayloadValidator validator;
    private final OutputStream out;
    private final RejectFile rejects;
    private RowMapper mapper;
    private long read;
    private long accepted;
    private long rejected;
    private long blank;

    Run(MappingModel model, PayloadValidator validator, OutputStream out, RejectFile rejects) {
      this.model = model;
      this.validator = validator;
      this.out = out;
      this.rejects = rejects;
    }

    @Override
    public void header(List<String> names) {
      mapper = new RowMapper(model, names, validator);
    }

    @Override
    public void row(SourceRow row) {
      if (row.isBlank()) {
        blank++;
        return;
      }
      read++;
      List<Problem> problems = mapper.map(row, out);
      if (problems.isEmpty()) {
        accepted++;
      } else {
        rejected++;
        for (Problem p : problems) {
          rejects.write(row.number(), p);
        }
      }
      if (read % PROGRESS_EVERY == 0) {
        progress.accept(read);
      }
    }
  }
}
