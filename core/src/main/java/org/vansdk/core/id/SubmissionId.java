package org.vansdk.core.id;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The namespaced identifier of a submission, e.g. {@code KHM-CMAA-000123}. Immutable.
 *
 * @since 1.0
 */
public final class SubmissionId extends RecordId {
  private SubmissionId(String value) {
    super(value, "submission");
  }

  /**
   * Parses an identifier.
   *
   * @param value text such as {@code KHM-CMAA-000123}
   * @return the identifier
   * @throws org.vansdk.core.VanException {@code VAN-C-0002} if it does not follow {@code
   *     ISO3-ORG-local}
   */
  @JsonCreator
  public static SubmissionId parse(String value) {
    return new SubmissionId(value);
  }
}
