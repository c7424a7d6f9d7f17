package org.vansdk.testkit.population;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vansdk.core.directory.Capacity;
import org.vansdk.core.directory.Organisation;
import org.vansdk.core.directory.OrganisationType;
import org.vansdk.core.directory.ReferralTerms;
import org.vansdk.core.directory.Service;
import org.vansdk.core.directory.ServiceLocation;
import org.vansdk.core.directory.ServiceStatus;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.ServiceId;
import org.vansdk.core.id.ServiceLocationId;
import org.vansdk.core.need.ServiceType;
import org.vansdk.core.place.AdminArea;
import org.vansdk.core.place.Location;
import org.vansdk.core.text.LocalizedText;
import org.vansdk.testkit.profile.AdminAreas;
import org.vansdk.testkit.profile.Level1Area;
import org.vansdk.testkit.profile.ProfileOrganisation;
import org.vansdk.testkit.random.Prng;

/**
 * The service directory of a run: the profile's organisations as providers, emitted first as
 * organisations, services and service locations, then looked up by the other emitters. Not
 * thread-safe.
 */
final class Directory {
  private final Generation g;
  private final List<Provider> providers = new ArrayList<>();

  Directory(Generation g) {
    this.g = g;
    for (ProfileOrganisation o : g.profile.organisations()) {
      List<ServiceType> types = new ArrayList<>();
      for (String t : o.serviceTypes()) {
        types.add(ServiceType.fromCode(t));
      }
      providers.add(
          new Provider(
              o,
              OrganisationId.parse(g.iso3 + "-" + o.code() + "-org"),
              types.isEmpty() ? null : ServiceId.parse(g.iso3 + "-" + o.code() + "-svc-1"),
              types));
    }
  }

  /** Returns the organisation that reports incidents and registers persons: the profile's first. */
  Provider reporter() {
    return providers.get(0);
  }

  /** Returns any organisation, services or not. */
  Provider any(Prng r) {
    return providers.get(r.nextInt(providers.size()));
  }

  /** Returns any organisation with a service. */
  Provider anyWithService(Prng r) {
    while (true) {
      Provider p = any(r);
      if (p.service != null) {
        return p;
      }
    }
  }

  /** Returns an organisation offering one of the types, or any with a service when none does. */
  Provider offering(Prng r, List<ServiceType> types) {
    List<Provider> matching = new ArrayList<>();
    for (Provider p : providers) {
      if (p.service != null) {
        for (ServiceType t : types) {
          if (p.types.contains(t)) {
            matching.add(p);
            break;
          }
        }
      }
    }
    return matching.isEmpty() ? anyWithService(r) : r.pick(matching);
  }

  /** Emits the organisations, then each one's service and service location. */
  void emit() {
    Prng r = Prng.of(Prng.mix(g.spec.seed(), -1));
    AdminAreas areas = g.profile.adminAreas();
    for (Provider p : providers) {
      g.emit(
          Organisation.builder()
              .id(p.id)
              .addName(LocalizedText.of("en", p.source.name()))
              .type(OrganisationType.fromCode(p.source.type()))
              .country(g.country)
              .build());
    }
    for (Provider p : providers) {
      if (p.service == null) {
        continue;
      }
      g.emit(
          Service.builder()
              .id(p.service)
              .organisationId(p.id)
              .addName(LocalizedText.of("en", p.source.name() + " services"))
              .serviceTypes(p.types)
              .status(ServiceStatus.ACTIVE)
              .addLanguages(g.lang, "en")
              .capacity(
                  Capacity.builder()
                      .available(r.between(0, 40))
                      .maximum(40)
                      .unit("clients per month")
                      .updated(Instant.ofEpochSecond(g.anchorDay * Generation.DAY))
                      .build())
              .referralTerms(ReferralTerms.builder().daysToRespond(r.between(3, 14)).build())
              .build());
      Level1Area area = areas.level1().get(areas.pick(r.nextDouble()));
      AdminArea covered = AdminArea.of(area.pCode(), 1, area.name());
      g.emit(
          ServiceLocation.builder()
              .id(ServiceLocationId.parse(g.iso3 + "-" + p.source.code() + "-loc-1"))
              .serviceId(p.service)
              .location(Location.builder().country(g.country).adminArea(covered).build())
              .addAreasCovered(covered)
              .build());
    }
  }
}
