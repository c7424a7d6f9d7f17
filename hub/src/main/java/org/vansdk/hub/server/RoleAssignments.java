package org.vansdk.hub.server;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.vansdk.core.id.OrganisationId;

/**
 * Which organisations of the trust list hold the operator's and the focal points' roles, as the
 * hub's configuration names them. Every other organisation of the trust list is an organisation; a
 * focal point is one only for the country the trust list gives it. Immutable.
 *
 * @param operators the network operator's organisations
 * @param focalPoints the national focal points: organisation to its ISO 3166-1 alpha-3 country
 * @since 1.0
 */
public record RoleAssignments(
    Set<OrganisationId> operators, Map<OrganisationId, String> focalPoints) {

  /** Copies the sets. */
  public RoleAssignments {
    operators = Set.copyOf(operators);
    focalPoints = Map.copyOf(focalPoints);
    focalPoints.forEach(
        (org, country) -> {
          Objects.requireNonNull(country, "country");
          if (!org.value().startsWith(country + "-")) {
            throw new IllegalArgumentException(
                "focal point " + org + " is not an organisation of " + country);
          }
        });
  }

  /** No operator and no focal point. */
  public static RoleAssignments none() {
    return new RoleAssignments(Set.of(), Map.of());
  }
}
