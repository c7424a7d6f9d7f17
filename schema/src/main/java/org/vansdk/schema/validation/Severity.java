package org.vansdk.schema.validation;

/**
 * How serious an issue is.
 *
 * @since 1.0
 */
public enum Severity {
  /** The payload must not be accepted. */
  ERROR,
  /** The payload may be accepted, but something deserves attention (e.g. a newer minor version). */
  WARNING
}
