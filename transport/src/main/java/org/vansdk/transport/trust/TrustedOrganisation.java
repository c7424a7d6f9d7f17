package org.vansdk.transport.trust;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vansdk.core.id.OrganisationId;

/**
 * One organisation of the network as the trust list names it: its id, country, name, its HTTPS
 * endpoint (or none: reached only through the hub's mailbox) and its keys. Immutable.
 *
 * @param id the namespaced organisation id, e.g. {@code KHM-CMAA-HQ}
 * @param country the ISO 3166-1 alpha-3 country, the id's prefix
 * @param name the organisation's name as the operator lists it
 * @param endpoint the base HTTPS URL of its node, or empty when it is reached by mailbox only
 * @param keys its keys, current and past
 */
public record TrustedOrganisation(
    OrganisationId id, String country, String name, Optional<URI> endpoint, List<TrustedKey> keys) {

  /**
   * Checks the organisation.
   *
   * @throws IllegalArgumentException if the country is not the id's prefix, the name is empty or
   *     longer than 200 characters, or the endpoint is not an absolute https URL
   */
  public TrustedOrganisation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(endpoint, "endpoint");
    if (country == null || !id.value().startsWith(country + "-")) {
      throw new IllegalArgumentException(
          "organisation " + id + ": country must be the id's prefix " + id.value().substring(0, 3));
    }
    if (name == null || name.isEmpty() || name.length() > 200) {
      throw new IllegalArgumentException(
          "organisation " + id + ": name must be 1 to 200 characters");
    }
    endpoint.ifPresent(
        u -> {
          if (!"https".equals(u.getScheme()) || u.getHost() == null) {
            throw new IllegalArgumentException(
                "organisation " + id + ": endpoint must be an absolute https URL");
          }
        });
    keys = List.copyOf(keys);
  }

  /** This organisation with one more key. */
  public TrustedOrganisation withKey(TrustedKey key) {
    List<TrustedKey> more = new java.util.ArrayList<>(keys);
    more.add(key);
    return new TrustedOrganisation(id, country, name, endpoint, more);
  }
}
