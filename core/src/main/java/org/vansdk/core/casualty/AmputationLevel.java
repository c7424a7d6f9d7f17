package org.vansdk.core.casualty;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * The level of an amputation; each level belongs to one {@link Limb}. Wire codes are stable.
 *
 * @since 1.0
 */
public enum AmputationLevel implements CodeValue {
  /** Partial hand ({@code partial_hand}). */
  PARTIAL_HAND(Limb.UPPER),
  /** Wrist disarticulation ({@code wrist}). */
  WRIST(Limb.UPPER),
  /** Below elbow, transradial ({@code below_elbow}). */
  BELOW_ELBOW(Limb.UPPER),
  /** Elbow disarticulation ({@code elbow}). */
  ELBOW(Limb.UPPER),
  /** Above elbow, transhumeral ({@code above_elbow}). */
  ABOVE_ELBOW(Limb.UPPER),
  /** Shoulder disarticulation ({@code shoulder}). */
  SHOULDER(Limb.UPPER),
  /** Partial foot ({@code partial_foot}). */
  PARTIAL_FOOT(Limb.LOWER),
  /** Ankle, Syme ({@code ankle}). */
  ANKLE(Limb.LOWER),
  /** Below knee, transtibial ({@code below_knee}). */
  BELOW_KNEE(Limb.LOWER),
  /** Knee disarticulation ({@code knee}). */
  KNEE(Limb.LOWER),
  /** Above knee, transfemoral ({@code above_knee}). */
  ABOVE_KNEE(Limb.LOWER),
  /** Hip disarticulation ({@code hip}). */
  HIP(Limb.LOWER);

  private final Limb limb;

  AmputationLevel(Limb limb) {
    this.limb = limb;
  }

  /** Returns the limb this level belongs to. */
  public Limb limb() {
    return limb;
  }

  /**
   * Returns the codes of the levels of a limb, comma separated.
   *
   * @param limb the limb
   * @return e.g. {@code partial_foot, ankle, below_knee, knee, above_knee, hip}
   */
  public static String codesOf(Limb limb) {
    return Arrays.stream(values())
        .filter(l -> l.limb == limb)
        .map(AmputationLevel::code)
        .collect(Collectors.joining(", "));
  }

  @Override
  @JsonValue
  public String code() {
    return CodeList.codeOf(this);
  }

  /**
   * Returns the constant with the given wire code.
   *
   * @param code a lower_snake code
   * @return the constant
   * @throws org.vansdk.core.VanException with {@code VAN-C-0001} if the code is unknown
   */
  @JsonCreator
  public static AmputationLevel fromCode(String code) {
    return CodeList.fromCode(AmputationLevel.class, code);
  }
}
