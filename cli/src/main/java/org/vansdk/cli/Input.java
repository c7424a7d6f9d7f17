package org.vansdk.cli;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * A file named on the command line, or standard input when the name is {@code -}. Standard input is
 * never closed by the commands and is read at most once per run.
 */
final class Input {
  private static final String STDIN = "-";

  private final Path path;
  private final InputStream stdin;

  private Input(Path path, InputStream stdin) {
    this.path = path;
    this.stdin = stdin;
  }

  /**
   * Checks that a file argument can be read and wraps it.
   *
   * @param cl the command, for usage errors
   * @param path the argument ({@code -} for standard input)
   * @param stdin the run's standard input
   * @return the input
   * @throws ParameterException (exit 2) if the file does not exist or is not a regular file
   */
  static Input of(CommandLine cl, Path path, InputStream stdin) {
    if (!isStdin(path) && !Files.isRegularFile(path)) {
      throw new ParameterException(
          cl,
          "cannot read "
              + path
              + ": "
              + (Files.isDirectory(path)
                  ? "it is a directory"
                  : Files.exists(path) ? "not a regular file" : "no such file"));
    }
    return new Input(path, stdin);
  }

  /** Wraps a file the program itself chose (never standard input). */
  static Input file(Path path) {
    return new Input(path, InputStream.nullInputStream());
  }

  static boolean isStdin(Path path) {
    return path.toString().equals(STDIN);
  }

  /** Refuses standard input named twice: it can be read only once. */
  static void requireStdinOnce(CommandLine cl, Path... paths) {
    int n = 0;
    for (Path p : paths) {
      n += p != null && isStdin(p) ? 1 : 0;
    }
    if (n > 1) {
      throw new ParameterException(cl, "standard input (-) can be read only once per command");
    }
  }

  boolean isStdin() {
    return isStdin(path);
  }

  /** The name shown in reports: the path, or {@code -} for standard input. */
  String name() {
    return path.toString();
  }

  @Override
  public String toString() {
    return name();
  }

  /** Whether the name says NDJSON ({@code .ndjson} or {@code .jsonl}). */
  boolean namedNdjson() {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    name = name.toLowerCase(Locale.ROOT);
    return name.endsWith(".ndjson") || name.endsWith(".jsonl");
  }

  /** The size in bytes, or 0 when unknown (standard input). */
  long size() throws IOException {
    return isStdin() ? 0 : Files.size(path);
  }

  /** Opens the input, buffered; closing it leaves standard input open. */
  InputStream open() throws IOException {
    InputStream in =
        isStdin()
            ? new FilterInputStream(stdin) {
              @Override
              public void close() {
                // standard input belongs to the process
              }
            }
            : Files.newInputStream(path);
    return new BufferedInputStream(in, 1 << 16);
  }
}
