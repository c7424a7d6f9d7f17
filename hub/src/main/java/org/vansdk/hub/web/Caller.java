package org.vansdk.hub.web;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.vansdk.core.id.OrganisationId;

/**
 * Who sent a request, as the server established it: the organisation whose key signed the request
 * (none for an unsigned request), its country, and the roles it holds. Immutable.
 *
 * @param organisation the authenticated organisation, empty for an anonymous reader
 * @param country the organisation's ISO 3166-1 alpha-3 country, empty for an anonymous reader
 * @param roles the roles held; always contains {@link Role#READER}
 * @since 1.0
 */
public record Caller(
    Optional<OrganisationId> organisation, Optional<String> country, Set<Role> roles) {

  /** Copies the roles and adds {@link Role#READER}. */
  public Caller {
    Objects.requireNonNull(organisation, "organisation");
    Objects.requireNonNull(country, "country");
    EnumSet<Role> all = EnumSet.of(Role.READER);
    all.addAll(roles);
    roles = Set.copyOf(all);
  }

  /** An unauthenticated caller. */
  public static Caller anonymous() {
    return new Caller(Optional.empty(), Optional.empty(), Set.of());
  }

  /** Whether the caller holds the role. */
  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Whether the caller is a focal point of the given country. */
  public boolean isFocalPointOf(String countryCode) {
    return has(Role.FOCAL_POINT) && country.filter(countryCode::equals).isPresent();
  }
}
