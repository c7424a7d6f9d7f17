package org.vansdk.transport.node;

import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;

/**
 * A node configuration that cannot be used: the message names the JSON Pointer of the offending
 * member (or the file) and what is wrong with it, never a secret or a value read from a key file.
 */
public final class NodeConfigurationException extends VanException {

  /** The configuration is unreadable or breaks a rule of its format. */
  public static final ErrorCode INVALID = ErrorCode.of("VAN-N-0301");

  /** A file the configuration names (key, store) is missing or unusable. */
  public static final ErrorCode FILE = ErrorCode.of("VAN-N-0302");

  /**
   * The signing key the configuration names is not listed, with its public key and valid now, for
   * this organisation in the held trust list: the node keeps signing with its current key (key
   * rotation waits until the operator's list names the new key).
   */
  public static final ErrorCode KEY_NOT_LISTED = ErrorCode.of("VAN-N-0403");

  private static final long serialVersionUID = 1L;

  NodeConfigurationException(ErrorCode code, String message) {
    super(code, message);
  }

  static NodeConfigurationException at(String pointer, String problem) {
    return new NodeConfigurationException(
        INVALID, (pointer.isEmpty() ? "/" : pointer) + ": " + problem);
  }
}
