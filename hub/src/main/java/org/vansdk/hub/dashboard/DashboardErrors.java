package org.vansdk.hub.dashboard;

import org.vansdk.core.ErrorCode;

/**
 * The stable error codes of the hub's dashboard ({@code VAN-H-0250} to {@code VAN-H-0299}), carried
 * in problem documents. Codes never change meaning within a major version.
 *
 * @since 1.0
 */
public final class DashboardErrors {

  /** The dashboard has no labels in this language; the six languages are listed (404). */
  public static final ErrorCode UNKNOWN_LANGUAGE = ErrorCode.of("VAN-H-0250");

  /** A query parameter of a dashboard page or asset is unknown, repeated or malformed (400). */
  public static final ErrorCode INVALID_QUERY = ErrorCode.of("VAN-H-0251");

  private DashboardErrors() {}
}
