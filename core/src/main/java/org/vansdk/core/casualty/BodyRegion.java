package org.vansdk.core.casualty;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * Body region of an injury. Wire codes are stable within a major version.
 *
 * @since 1.0
 */
public enum BodyRegion implements CodeValue {
  /** Head and neck ({@code head_neck}). */
  HEAD_NECK,
  /** Face and eyes ({@code face_eyes}). */
  FACE_EYES,
  /** Chest ({@code chest}). */
  CHEST,
  /** Abdomen ({@code abdomen}). */
  ABDOMEN,
  /** Back ({@code back}). */
  BACK,
  /** Pelvis ({@code pelvis}). */
  PELVIS,
  /** Upper limb ({@code upper_limb}). */
  UPPER_LIMB,
  /** Lower limb ({@code lower_limb}). */
  LOWER_LIMB;

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
  public static BodyRegion fromCode(String code) {
    return CodeList.fromCode(BodyRegion.class, code);
  }
}
