package org.vansdk.core.submission;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;

/**
 * A wire-format version {@code major.minor}. A minor version only adds optional properties or code
 * values; a consumer refuses an unknown major and reads a newer minor leniently.
 *
 * @param major the major version
 * @param minor the minor version
 * @since 1.0
 */
public record SchemaVersion(int major, int minor) {
  /** The version this SDK writes, as text. */
  public static final String CURRENT_TEXT = "1.0";

  /** The version this SDK writes. */
  public static final SchemaVersion CURRENT = new SchemaVersion(1, 0);

  /** The major versions this SDK reads. */
  public static final List<Integer> SUPPORTED_MAJORS = List.of(1);

  private static final Pattern FORMAT = Pattern.compile("^(\\d{1,4})\\.(\\d{1,4})$");

  /**
   * Parses a version.
   *
   * @param text {@code major.minor}, e.g. {@code 1.0}
   * @return the version
   * @throws VanException {@code VAN-C-0011} if malformed
   */
  public static SchemaVersion parse(String text) {
    Matcher m = text == null ? null : FORMAT.matcher(text);
    if (m == null || !m.matches()) {
      throw new VanException(
          ErrorCode.UNSUPPORTED_VERSION, "schemaVersion must be major.minor, e.g. " + CURRENT_TEXT);
    }
    return new SchemaVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /** Returns true when this SDK reads the major version. */
  public boolean isSupported() {
    return SUPPORTED_MAJORS.contains(major);
  }

  /** Returns true when this is a later minor of a supported major than the SDK knows. */
  public boolean isNewerMinor() {
    return major == CURRENT.major && minor > CURRENT.minor;
  }

  /**
   * Fails unless the major version is supported.
   *
   * @return this version
   * @throws VanException {@code VAN-C-0011} listing the supported majors
   */
  public SchemaVersion requireSupported() {
    if (!isSupported()) {
      throw new VanException(
          ErrorCode.UNSUPPORTED_VERSION,
          "schemaVersion "
              + this
              + " has major version "
              + major
              + "; supported majors: "
              + SUPPORTED_MAJORS);
    }
    return this;
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
