package org.vansdk.core.id;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The namespaced identifier of an assessment (functioning, needs or quality of life), e.g. {@code
 * KHM-CMAA-000123}. Immutable.
 *
 * @since 1.0
 */
public final class AssessmentId extends RecordId {
  private AssessmentId(String value) {
    super(value, "assessment");
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
  public static AssessmentId parse(String value) {
    return new AssessmentId(value);
  }
}
