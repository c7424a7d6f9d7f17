package org.vansdk.core.functioning;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * An answer to one Washington Group Short Set question. Wire codes are stable within a major
 * version.
 *
 * @since 1.0
 */
public enum WgSsResponse implements CodeValue {
  /** No difficulty ({@code no_difficulty}). */
  NO_DIFFICULTY,
  /** Some difficulty ({@code some_difficulty}). */
  SOME_DIFFICULTY,
  /** A lot of difficulty ({@code a_lot_of_difficulty}). */
  A_LOT_OF_DIFFICULTY,
  /** Cannot do at all ({@code cannot_do_at_all}). */
  CANNOT_DO_AT_ALL,
  /** Refused ({@code refused}). */
  REFUSED,
  /** Don't know ({@code dont_know}). */
  DONT_KNOW,
  /** Not ascertained ({@code not_ascertained}). */
  NOT_ASCERTAINED;

  /** Returns true for a valid answer (not refused, don't know or not ascertained). */
  public boolean isValid() {
    return ordinal() <= CANNOT_DO_AT_ALL.ordinal();
  }

  /** Returns true for some difficulty or worse. */
  public boolean isSomeDifficultyOrWorse() {
    return this == SOME_DIFFICULTY || this == A_LOT_OF_DIFFICULTY || this == CANNOT_DO_AT_ALL;
  }

  /** Returns true for a lot of difficulty or cannot do at all. */
  public boolean isALotOrWorse() {
    return this == A_LOT_OF_DIFFICULTY || this == CANNOT_DO_AT_ALL;
  }

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
  public static WgSsResponse fromCode(String code) {
    return CodeList.fromCode(WgSsResponse.class, code);
  }
}
