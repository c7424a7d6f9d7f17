package org.vansdk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.vansdk.core.VanException;

/**
 * What the user is told when a command fails, and its exit code: the SDK's own exceptions say what
 * was wrong in the input and where (exit 1); files that cannot be read or written are named with
 * the reason in plain words (exit 2); anything else is an internal error named by its type only,
 * because a library's message may quote the input (exit 2).
 *
 * @param exitCode the exit code
 * @param message one line, without personal data
 */
record Failure(int exitCode, String message) {

  static Failure of(Throwable e) {
    if (e instanceof VanException) {
      return new Failure(Van.INPUT_PROBLEMS, e.getMessage());
    }
    if (e instanceof UncheckedIOException && e.getCause() != null) {
      return of(e.getCause());
    }
    if (e instanceof NumberFormatException) {
      // Jackson refuses numbers beyond BigDecimal's range this way; its text quotes the input.
      return new Failure(
          Van.INPUT_PROBLEMS, "the input has a number too large or too precise to read");
    }
    if (e instanceof FileSystemException) {
      FileSystemException f = (FileSystemException) e;
      String file = f.getFile() == null ? "a file" : f.getFile();
      return new Failure(Van.ERROR, "cannot access " + file + ": " + reason(f));
    }
    if (e instanceof IOException) {
      return new Failure(Van.ERROR, "input or output failed: " + e.getClass().getSimpleName());
    }
    return new Failure(Van.ERROR, "internal error: " + e.getClass().getSimpleName());
  }

  private static String reason(FileSystemException f) {
    if (f instanceof NoSuchFileException) {
      return "no such file";
    }
    if (f instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (f instanceof NotDirectoryException) {
      return "not a directory";
    }
    String reason = f.getReason();
    return reason == null
        ? f.getClass().getSimpleName()
        : reason.toLowerCase(java.util.Locale.ROOT);
  }
}
