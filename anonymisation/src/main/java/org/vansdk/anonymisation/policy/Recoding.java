package org.vansdk.anonymisation.policy;

import java.util.Locale;

/**
 * How a release generalises its records: one level per quasi-identifier for everyone (global,
 * full-domain) or levels chosen per class (local). Written in a policy as {@code "recoding":
 * "local"} or {@code "global"}.
 *
 * @since 1.0
 */
public enum Recoding {
  /** Local recoding: classes may be generalised to different levels; never worse than global. */
  LOCAL,
  /** Global (full-domain) recoding: the optimal single level per quasi-identifier. */
  GLOBAL;

  /**
   * Returns the policy code.
   *
   * @return {@code local} or {@code global}
   */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
