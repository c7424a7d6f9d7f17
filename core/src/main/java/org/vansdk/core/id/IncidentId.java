package org.vansdk.core.id;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The namespaced identifier of an incident, e.g. {@code KHM-CMAA-000123}. Immutable.
 *
 * @since 1.0
 */
public final class IncidentId extends RecordId {
  private IncidentId(String value) {
    super(value, "incident");
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
  public static IncidentId parse(String value) {
    return new IncidentId(value);
  }
}
