package org.vansdk.referral.message;

import java.util.regex.Pattern;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;

/**
 * Why a receiver put a service on hold: a code of an open list ({@code lower_snake_case}, 1 to 64
 * characters, as the {@code hold} message schema requires), e.g. {@code waiting_for_parts}. Never
 * free text: the reason is written to both sides' audit logs, which are never purged, so it must
 * not be able to carry a name, a phone number or a medical detail. Immutable.
 *
 * @since 1.0
 */
public final class HoldReason {

  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  private final String code;

  private HoldReason(String code) {
    this.code = code;
  }

  /**
   * Parses a hold reason code.
   *
   * @param code a {@code lower_snake_case} code of 1 to 64 characters
   * @return the reason
   * @throws VanException {@code VAN-C-0001} if the text is not such a code; the text is not echoed,
   *     since free text typed here may be personal data
   */
  public static HoldReason parse(String code) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new VanException(
          ErrorCode.UNKNOWN_CODE,
          "a hold reason is a lower_snake_case code of 1 to 64 characters (e.g. waiting_for_parts),"
              + " not free text; the value given is not one");
    }
    return new HoldReason(code);
  }

  /** The wire code. */
  public String code() {
    return code;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HoldReason && ((HoldReason) o).code.equals(code);
  }

  @Override
  public int hashCode() {
    return code.hashCode();
  }

  @Override
  public String toString() {
    return code;
  }
}
