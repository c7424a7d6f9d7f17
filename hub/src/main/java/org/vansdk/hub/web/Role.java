package org.vansdk.hub.web;

/**
 * What a caller may do at the hub. A caller holds one or more roles; every caller, signed or not,
 * is a {@link #READER}.
 *
 * @since 1.0
 */
public enum Role {
  /** Anyone, unauthenticated: the published regional figures, the dashboard, the directory. */
  READER,
  /** An organisation of the trust list, authenticated by its key: its own mailbox. */
  ORGANISATION,
  /**
   * A national focal point: submits and approves its own country's releases, keeps its directory.
   */
  FOCAL_POINT,
  /** The network operator: the trust list and the hub's operations. */
  OPERATOR
}
