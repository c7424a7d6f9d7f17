package org.vansdk.transport.trust;

import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.referral.signature.SigningKey;

/** Keys and lists for the trust list tests: an operator, a Cambodian and a Lao organisation. */
public final class TrustFixtures {

  /** The network of the fixtures. */
  public static final String NETWORK = "ASEAN-VAN";

  /** When the first list is issued. */
  public static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");

  static final OrganisationId KHM = OrganisationId.parse("KHM-CMAA-HQ");
  static final OrganisationId LAO = OrganisationId.parse("LAO-NRA-HQ");

  /** The operator's key. */
  public static final SigningKey OPERATOR = key("operator-2026", 1);

  /** A second operator key, not pinned by default. */
  static final SigningKey OTHER_OPERATOR = key("operator-2027", 2);

  static final SigningKey KHM_1 = key("KHM-CMAA-2026-01", 3);
  static final SigningKey LAO_1 = key("LAO-NRA-2026-01", 4);

  private TrustFixtures() {}

  /** A signing key drawn from a seed. */
  public static SigningKey key(String kid, long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return SigningKey.generate(KeyId.of(kid), r);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The operator keys a node pins: {@link #OPERATOR}. */
  public static OperatorKeys pinned() {
    return OperatorKeys.of(OPERATOR.keyId(), OPERATOR.rawPublicKey());
  }

  /** An active key valid for a year from a day before {@link #T0}, for both uses. */
  public static TrustedKey listed(SigningKey key) {
    return listed(key, T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(365)));
  }

  /** An active key valid in the period, for both uses. */
  public static TrustedKey listed(SigningKey key, Instant from, Instant until) {
    return TrustedKey.of(key.keyId(), key.rawPublicKey(), from, until, EnumSet.allOf(KeyUse.class));
  }

  /** An organisation with its own endpoint. */
  public static TrustedOrganisation organisation(
      OrganisationId id, String name, TrustedKey... keys) {
    return new TrustedOrganisation(
        id,
        id.value().substring(0, 3),
        name,
        Optional.of(URI.create("https://van." + id.value().toLowerCase() + ".example/")),
        List.of(keys));
  }

  /** Version 1, unsigned: KHM with an endpoint and LAO by mailbox only. */
  static TrustList draft() {
    return TrustList.draft(NETWORK, T0)
        .withOrganisation(
            organisation(
                KHM, "Cambodian Mine Action and Victim Assistance Authority", listed(KHM_1)),
            T0)
        .withOrganisation(
            new TrustedOrganisation(
                LAO,
                "LAO",
                "National Regulatory Authority",
                Optional.empty(),
                List.of(listed(LAO_1))),
            T0);
  }
}
