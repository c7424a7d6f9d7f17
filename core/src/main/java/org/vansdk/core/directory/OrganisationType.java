package org.vansdk.core.directory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;

/**
 * The kind of organisation in the service directory. Wire codes are stable within a major version.
 *
 * @since 1.0
 */
public enum OrganisationType implements CodeValue {
  /** Government ministry ({@code government_ministry}). */
  GOVERNMENT_MINISTRY,
  /** National mine action authority ({@code national_mine_action_authority}). */
  NATIONAL_MINE_ACTION_AUTHORITY,
  /** Mine action operator ({@code mine_action_operator}). */
  MINE_ACTION_OPERATOR,
  /** UN agency ({@code un_agency}). */
  UN_AGENCY,
  /** International NGO ({@code international_ngo}). */
  INTERNATIONAL_NGO,
  /** National NGO ({@code national_ngo}). */
  NATIONAL_NGO,
  /** Red Cross / Red Crescent ({@code red_cross_red_crescent}). */
  RED_CROSS_RED_CRESCENT,
  /** Organisation of persons with disabilities ({@code disabled_persons_organisation}). */
  DISABLED_PERSONS_ORGANISATION,
  /** Survivor network ({@code survivor_network}). */
  SURVIVOR_NETWORK,
  /** Private sector ({@code private_sector}). */
  PRIVATE_SECTOR,
  /** Academic ({@code academic}). */
  ACADEMIC,
  /** Religious organisation ({@code religious_organisation}). */
  RELIGIOUS_ORGANISATION,
  /** Regional body ({@code regional_body}). */
  REGIONAL_BODY;

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
  public static OrganisationType fromCode(String code) {
    return CodeList.fromCode(OrganisationType.class, code);
  }
}
