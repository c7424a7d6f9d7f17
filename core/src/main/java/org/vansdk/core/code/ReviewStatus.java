package org.vansdk.core.code;

/**
 * How far the labels of one language can be trusted. Machine-drafted labels must be reviewed by a
 * native speaker who knows the victim-assistance vocabulary before they are shown to survivors.
 *
 * @since 1.0
 */
public enum ReviewStatus {
  /** The source language (English), written by the maintainers. */
  SOURCE,
  /** Drafted without native-speaker review: usable for testing, to be reviewed. */
  MACHINE_DRAFTED,
  /** Reviewed by a native speaker. */
  NATIVE_REVIEWED
}
