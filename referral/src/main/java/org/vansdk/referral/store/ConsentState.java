package org.vansdk.referral.store;

import org.vansdk.core.id.ConsentId;

/**
 * What a node records of a consent it has disclosed under: its version (bumped on each change) and
 * whether it was withdrawn.
 *
 * @param consentId the consent
 * @param version the version, from 1
 * @param withdrawn true once withdrawn
 * @since 1.0
 */
public record ConsentState(ConsentId consentId, int version, boolean withdrawn) {

  /** The reference written into envelopes and audit entries: {@code <consent id>#<version>}. */
  public String ref() {
    return consentId.value() + "#" + version;
  }
}
