package org.vansdk.core.need;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * A pillar of victim assistance: the top level of the service-type hierarchy. Wire codes are stable
 * within a major version.
 *
 * @since 1.0
 */
public enum Pillar implements CodeValue {
  /** Medical care ({@code medical_care}). */
  MEDICAL_CARE,
  /** Rehabilitation ({@code rehabilitation}). */
  REHABILITATION,
  /** Psychosocial support ({@code psychosocial_support}). */
  PSYCHOSOCIAL_SUPPORT,
  /** Socio-economic inclusion ({@code socioeconomic_inclusion}). */
  SOCIOECONOMIC_INCLUSION,
  /** Education ({@code education}). */
  EDUCATION,
  /** Rights and legal ({@code rights_and_legal}). */
  RIGHTS_AND_LEGAL,
  /** Accessibility ({@code accessibility}). */
  ACCESSIBILITY;

  @Override
  @JsonValue
  public String code() {
    return CodeList.codeOf(this);
  }

  /**
   * Returns the constant with the given wire code.
   *
   * @param code a lower_snake code, e.g. as read from JSON
   * @return the constant
   * @throws org.vansdk.core.VanException with {@code VAN-C-0001} if the code is unknown; the
   *     message lists the allowed codes
   */
  @JsonCreator
  public static Pillar fromCode(String code) {
    return CodeList.fromCode(Pillar.class, code);
  }
}
