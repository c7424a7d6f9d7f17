package org.vansdk.anonymisation.table;

/**
 * Why a cell or margin of a {@link ProtectedTable} is or is not published.
 *
 * @since 1.0
 */
public enum Suppression {
  /** Published. */
  NONE,
  /** Hidden because it is a small count (below the threshold, or zero when zeros are protected). */
  PRIMARY,
  /** Hidden so that a primary-suppressed count cannot be recovered from the totals. */
  SECONDARY
}
