package org.vansdk.anonymisation.policy;

/**
 * A column derived from a quasi-identifier, e.g. {@code district} beside {@code place}, or {@code
 * birthYear} beside {@code age}: it reveals its source at {@code sourceLevel}.
 *
 * @param attribute the derived column
 * @param source the quasi-identifier it is derived from
 * @param sourceLevel the level of the source it reveals
 * @param verbatim true if the policy releases it as is; false if it is generalised together with
 *     its source (released at the coarser of its own level and the source's chosen level)
 * @since 1.0
 */
public record LinkedAttribute(String attribute, String source, int sourceLevel, boolean verbatim) {
  /**
   * Returns the level at which the derived column is released when the source is released at {@code
   * chosenSourceLevel}.
   *
   * @param chosenSourceLevel the source's level in the release
   * @return the derived column's effective level
   */
  public int releasedLevel(int chosenSourceLevel) {
    return verbatim ? sourceLevel : Math.max(sourceLevel, chosenSourceLevel);
  }
}
