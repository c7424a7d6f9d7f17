package org.vansdk.transport.trust;

import org.vansdk.core.ErrorCode;

/**
 * The stable error codes of the trust list ({@code VAN-N-01xx}). Codes never change meaning within
 * a major version.
 */
public final class TrustErrors {

  /** The document is not a valid trust list (schema, or a rule across members); see its pointer. */
  public static final ErrorCode INVALID = ErrorCode.of("VAN-N-0101");

  /** The trust list carries no signature by any of the operator keys this node pins. */
  public static final ErrorCode NOT_SIGNED_BY_OPERATOR = ErrorCode.of("VAN-N-0102");

  /** A signature by a pinned operator key does not verify: the list was altered after signing. */
  public static final ErrorCode BAD_OPERATOR_SIGNATURE = ErrorCode.of("VAN-N-0103");

  /** The trust list describes another network than the one this node belongs to. */
  public static final ErrorCode OTHER_NETWORK = ErrorCode.of("VAN-N-0104");

  /** The trust list is older than the one the node holds (a rollback); the held list is kept. */
  public static final ErrorCode OLDER_VERSION = ErrorCode.of("VAN-N-0105");

  /** The trust list has the version of the held one but other content; the held list is kept. */
  public static final ErrorCode VERSION_CONFLICT = ErrorCode.of("VAN-N-0106");

  /** The trust list could not be fetched (file or URL); the held list is kept. */
  public static final ErrorCode UNREACHABLE = ErrorCode.of("VAN-N-0107");

  /** An edit of a trust list was refused (an id already listed, an unknown key, ...). */
  public static final ErrorCode EDIT_REFUSED = ErrorCode.of("VAN-N-0108");

  private TrustErrors() {}
}
