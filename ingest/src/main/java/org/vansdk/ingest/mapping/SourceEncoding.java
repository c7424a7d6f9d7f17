package org.vansdk.ingest.mapping;

import java.nio.charset.Charset;

/** The character encodings a CSV source may use. */
public enum SourceEncoding {
  /** UTF-8, with or without a byte order mark. */
  UTF_8("utf-8", "UTF-8"),
  /** UTF-16 with a byte order mark (as Excel's "Unicode text" writes it), little-endian without. */
  UTF_16("utf-16", "UTF-16LE"),
  /** UTF-16 little-endian. */
  UTF_16LE("utf-16le", "UTF-16LE"),
  /** UTF-16 big-endian. */
  UTF_16BE("utf-16be", "UTF-16BE"),
  /** Windows code page 874 (Thai; a superset of TIS-620). */
  WINDOWS_874("windows-874", "x-windows-874"),
  /** TIS-620 (Thai). */
  TIS_620("tis-620", "TIS-620");

  private final String code;
  private final String charsetName;

  SourceEncoding(String code, String charsetName) {
    this.code = code;
    this.charsetName = charsetName;
  }

  /** Returns the name used in mapping documents. */
  public String code() {
    return code;
  }

  /** Returns the Java charset (UTF-16 default byte order: little-endian). */
  public Charset charset() {
    return Charset.forName(charsetName);
  }
}
