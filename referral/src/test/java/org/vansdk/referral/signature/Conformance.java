package org.vansdk.referral.signature;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the public conformance data (Wycheproof, RFC 8785 vectors) that the project reads but never
 * copies in: the folder named by the system property {@code van.conformance}, or {@code
 * shared/conformance} beside an ancestor of the working directory.
 */
final class Conformance {

  private Conformance() {}

  static Optional<Path> folder(String name) {
    String configured = System.getProperty("van.conformance");
    if (configured != null) {
      Path candidate = Path.of(configured).resolve(name);
      return Files.isDirectory(candidate) ? Optional.of(candidate) : Optional.empty();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/conformance").resolve(name);
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  static String missing(String name) {
    return "conformance data '"
        + name
        + "' not found: set -Dvan.conformance=<dir> or place it at an ancestor's"
        + " shared/conformance/"
        + name
        + " (public data, never copied into the repository)";
  }
}
