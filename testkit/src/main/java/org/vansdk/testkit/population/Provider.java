package org.vansdk.testkit.population;

import java.util.List;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.ServiceId;
import org.vansdk.core.need.ServiceType;
import org.vansdk.testkit.profile.ProfileOrganisation;

/** An organisation of the generated directory with its one service (none when it offers none). */
final class Provider {
  final ProfileOrganisation source;
  final OrganisationId id;

  /** The organisation's service, or null when it offers no service type. */
  final ServiceId service;

  final List<ServiceType> types;

  Provider(
      ProfileOrganisation source, OrganisationId id, ServiceId service, List<ServiceType> types) {
    this.source = source;
    this.id = id;
    this.service = service;
    this.types = types;
  }
}
