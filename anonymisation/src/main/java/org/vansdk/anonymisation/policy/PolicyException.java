package org.vansdk.anonymisation.policy;

import org.vansdk.anonymisation.AnonymisationException;

/**
 * A policy document was refused ({@code VAN-A-0005}): malformed JSON, an unknown key or value, a
 * missing or out-of-range field, or a derived column that would leak. The message and {@link
 * #pointer()} name the offending place as a JSON Pointer into the policy; they never quote the
 * policy's free text.
 *
 * @since 1.0
 */
public final class PolicyException extends AnonymisationException {
  private static final long serialVersionUID = 1L;

  private final String pointer;

  PolicyException(String pointer, String problem) {
    super(POLICY_REFUSED, (pointer.isEmpty() ? "policy: " : "policy " + pointer + ": ") + problem);
    this.pointer = pointer;
  }

  /**
   * Returns the JSON Pointer of the offending value in the policy; {@code ""} is the whole
   * document.
   *
   * @return the pointer
   */
  public String pointer() {
    return pointer;
  }
}
