package org.vansdk.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The mappings shipped with the SDK, for the layouts of common national exports as publicly
 * described. Each is a starting point: copy it ({@code van import --example-mapping NAME}) and
 * adjust the column names and value maps to the export at hand.
 */
public enum ShippedMapping {
  /** A CMVIS-style casualty export (Cambodia): one row per casualty, CSV in UTF-8. */
  CMVIS,
  /** An IMSMA-style victim/accident export (Lao PDR): one row per victim of an accident. */
  IMSMA,
  /**
   * A disability-register export in the style of MoSVY's DMIS (Cambodia): one row per person with a
   * disability card and a Washington Group assessment; Excel "Unicode text" (UTF-16, tabs).
   */
  DMIS;

  /** Returns the name used on the command line, e.g. {@code cmvis}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the file name of the mapping document, e.g. {@code cmvis.mapping.json}. */
  public String fileName() {
    return code() + ".mapping.json";
  }

  /** Returns the mapping document's bytes (UTF-8 JSON). */
  public byte[] document() {
    try (InputStream in =
        ShippedMapping.class.getResourceAsStream("/org/vansdk/ingest/mappings/" + fileName())) {
      if (in == null) {
        throw new IllegalStateException(fileName() + " is missing from the ingest jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + fileName(), e);
    }
  }

  /**
   * Returns the shipped mapping with a command-line name.
   *
   * @param code {@code cmvis}, {@code imsma} or {@code dmis}
   * @return the mapping
   * @throws IllegalArgumentException naming the allowed names if there is none
   */
  public static ShippedMapping fromCode(String code) {
    for (ShippedMapping m : values()) {
      if (m.code().equals(code)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "no shipped mapping '" + code + "'; allowed: cmvis, imsma, dmis");
  }
}
