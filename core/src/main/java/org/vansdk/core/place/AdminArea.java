package org.vansdk.core.place;

import java.util.Optional;
import org.immutables.value.Value;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.VanStyle;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An administrative area identified by its OCHA P-code ({@code KH12}, {@code KH1201}, {@code
 * KH120101}), with its level (1 province, 2 district, 3 commune) and name. Levels finer than 2 are
 * personal data when attached to a person.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
@JsonSerialize(as = ImmutableAdminArea.class)
@JsonDeserialize(as = ImmutableAdminArea.class)
public abstract class AdminArea {
  /** The regular expression every P-code matches. */
  public static final String P_CODE_PATTERN = "^[A-Z]{2,3}[0-9A-Z]{1,12}$";

  /** Returns the P-code, e.g. {@code KH1201}. */
  public abstract String pCode();

  /** Returns the level: 1 (province), 2 (district) or 3 (commune). */
  public abstract int level();

  /** Returns the area's name as published with the P-code, if given. */
  public abstract Optional<String> name();

  /**
   * Returns an area from its parts.
   *
   * @param pCode the P-code
   * @param level 1 to 3
   * @param name the area's name
   * @return the area
   */
  public static AdminArea of(String pCode, int level, String name) {
    return builder().pCode(pCode).level(level).name(name).build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    if (!pCode().matches(P_CODE_PATTERN)) {
      throw new VanException(
          ErrorCode.INVALID_ADMIN_AREA,
          "admin area P-code must be 2-3 capitals then 1-12 capitals or digits, e.g. KH1201");
    }
    if (level() < 1 || level() > 3) {
      throw new VanException(
          ErrorCode.INVALID_ADMIN_AREA, "admin area level " + level() + " is not 1, 2 or 3");
    }
  }

  /** Builds an {@link AdminArea}. */
  public static final class Builder extends ImmutableAdminArea.Builder {}
}
