package org.vansdk.referral.message;

import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.place.CountryCode;

/**
 * One end of an exchange as the envelope names it: the organisation, the system within it that
 * sends or receives (an organisation may run several, e.g. a head-office server and field tablets),
 * and the organisation's country.
 *
 * @param organisation the organisation's namespaced id
 * @param system the system id within the organisation ({@code [A-Za-z0-9._-]{1,64}})
 * @param country the organisation's country
 * @since 1.0
 */
public record Party(OrganisationId organisation, String system, CountryCode country) {

  /** Checks the system id. */
  public Party {
    if (!system.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException("system id must be 1 to 64 of [A-Za-z0-9._-]");
    }
  }

  /** The key used to number this party's messages per attempt: organisation/system. */
  public String senderKey() {
    return organisation.value() + "/" + system;
  }
}
