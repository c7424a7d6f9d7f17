package org.vansdk.hub.figures;

import org.vansdk.core.ErrorCode;

/**
 * The stable error codes of the regional figures ({@code VAN-H-0150} to {@code VAN-H-0199}),
 * carried in problem documents. Codes never change meaning within a major version.
 *
 * @since 1.0
 */
public final class FigureErrors {

  /** A query parameter is unknown, repeated or has a value outside those allowed (400). */
  public static final ErrorCode BAD_QUERY = ErrorCode.of("VAN-H-0150");

  /** The hub's store failed; nothing was changed, ask again later (503). */
  public static final ErrorCode UNAVAILABLE = ErrorCode.of("VAN-H-0151");

  /** The stored figures cannot be read back (500): a defect of the hub, never of the request. */
  public static final ErrorCode UNREADABLE_FIGURES = ErrorCode.of("VAN-H-0152");

  private FigureErrors() {}
}
