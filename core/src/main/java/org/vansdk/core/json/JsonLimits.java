package org.vansdk.core.json;

/**
 * Safety limits applied when reading JSON, so hostile input gets a clear error rather than
 * exhausting memory or time. Immutable.
 *
 * @param maxDocumentBytes the largest document, in bytes (or characters for text input)
 * @param maxNestingDepth the deepest nesting of objects and arrays
 * @param maxStringLength the longest string value, in characters
 * @param maxNumberLength the longest number literal, in characters
 * @param maxNameLength the longest property name, in characters
 * @since 1.0
 */
public record JsonLimits(
    long maxDocumentBytes,
    int maxNestingDepth,
    int maxStringLength,
    int maxNumberLength,
    int maxNameLength) {

  /** The defaults: 64 MiB documents, depth 64, strings of 1 MiB, numbers of 64 and names of 256. */
  public static final JsonLimits DEFAULT = new JsonLimits(64L << 20, 64, 1 << 20, 64, 256);

  /**
   * Checks the limits are positive.
   *
   * @throws IllegalArgumentException if any limit is below 1
   */
  public JsonLimits {
    if (maxDocumentBytes < 1
        || maxNestingDepth < 1
        || maxStringLength < 1
        || maxNumberLength < 1
        || maxNameLength < 1) {
      throw new IllegalArgumentException("JSON limits must all be 1 or more");
    }
  }
}
