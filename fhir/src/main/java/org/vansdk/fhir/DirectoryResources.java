package org.vansdk.fhir;

import static org.vansdk.fhir.FhirNames.ID_ORGANISATION;

import java.util.List;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.StringType;
import org.vansdk.core.directory.Organisation;
import org.vansdk.core.directory.Service;
import org.vansdk.core.directory.ServiceLocation;
import org.vansdk.core.directory.ServiceStatus;
import org.vansdk.core.text.LocalizedText;

/**
 * The service directory's records as Organization, HealthcareService and Location resources on our
 * profiles. None of them holds personal data.
 */
final class DirectoryResources {
  private DirectoryResources() {}

  static Organization organization(Organisation o) {
    Organization r = new Organization();
    r.setId(FhirNames.resourceId("Organization", o.id().value()));
    r.getMeta().addProfile(FhirNames.PROFILE_ORGANIZATION);
    r.addIdentifier().setSystem(ID_ORGANISATION).setValue(o.id().value());
    r.setActive(true);
    r.addType(AttemptTask.concept(FhirNames.CS_ORGANISATION_TYPE, o.type().code()));
    names(o.name(), r::setNameElement, a -> r.getAlias().add(a));
    r.addAddress().setCountry(o.country().code());
    return r;
  }

  static HealthcareService service(Service s, List<ServiceLocation> locations) {
    HealthcareService r = new HealthcareService();
    r.setId(FhirNames.resourceId("HealthcareService", s.id().value()));
    r.getMeta().addProfile(FhirNames.PROFILE_HEALTHCARE_SERVICE);
    r.addIdentifier().setSystem(FhirNames.ID_SERVICE).setValue(s.id().value());
    r.setActive(s.status() == ServiceStatus.ACTIVE);
    r.setProvidedBy(Refs.to("Organization", ID_ORGANISATION, s.organisationId().value(), true));
    s.serviceTypes()
        .forEach(t -> r.addType(AttemptTask.concept(FhirNames.CS_SERVICE_TYPE, t.code())));
    if (!s.name().isEmpty()) {
      r.setNameElement(Refs.text(s.name().get(0)));
    }
    for (ServiceLocation l : locations) {
      r.addLocation(Refs.to("Location", FhirNames.ID_SERVICE_LOCATION, l.id().value(), true));
    }
    return r;
  }

  static Location location(ServiceLocation l) {
    Location r = new Location();
    r.setId(FhirNames.resourceId("Location", l.id().value()));
    r.getMeta().addProfile(FhirNames.PROFILE_LOCATION);
    r.addIdentifier().setSystem(FhirNames.ID_SERVICE_LOCATION).setValue(l.id().value());
    r.setStatus(Location.LocationStatus.ACTIVE);
    r.getAddress().setCountry(l.location().country().code());
    l.location()
        .adminArea()
        .ifPresent(
            a ->
                a.name()
                    .ifPresent(
                        n -> {
                          if (a.level() >= 2) {
                            r.getAddress().setDistrict(n);
                          } else {
                            r.getAddress().setState(n);
                          }
                        }));
    l.location()
        .point()
        .ifPresent(p -> r.getPosition().setLatitude(p.latitude()).setLongitude(p.longitude()));
    return r;
  }

  /** The first name is the resource's name; Organization keeps the others as aliases. */
  private static void names(
      List<LocalizedText> names,
      java.util.function.Consumer<StringType> first,
      java.util.function.Consumer<StringType> others) {
    for (int i = 0; i < names.size(); i++) {
      (i == 0 ? first : others).accept(Refs.text(names.get(i)));
    }
  }
}
