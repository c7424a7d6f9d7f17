package org.vansdk.exchange.hsds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.vansdk.core.VanException;
import org.vansdk.core.directory.Capacity;
import org.vansdk.core.directory.Eligibility;
import org.vansdk.core.directory.Organisation;
import org.vansdk.core.directory.OrganisationType;
import org.vansdk.core.directory.ReferralTerms;
import org.vansdk.core.directory.Service;
import org.vansdk.core.directory.ServiceLocation;
import org.vansdk.core.directory.ServiceStatus;
import org.vansdk.core.id.ExternalIdentifier;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.ServiceId;
import org.vansdk.core.id.ServiceLocationId;
import org.vansdk.core.need.ServiceType;
import org.vansdk.core.place.AdminArea;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.place.GeoPoint;
import org.vansdk.core.place.Location;
import org.vansdk.core.text.LocalizedText;
import org.vansdk.exchange.ExchangeException;
import org.vansdk.exchange.hsds.HsdsImport.Issue;
import org.vansdk.exchange.hsds.HsdsImport.Severity;
import tools.jackson.databind.JsonNode;

/**
 * Reads an HSDS 3.0 directory into our records: {@code organization}, {@code service} (with its
 * nested {@code organization} and {@code service_at_locations}, as the HSDS API returns a full
 * service) and {@code service_at_location} objects. Attributes of our profile (written by {@link
 * HsdsExporter}) restore our ids, types and texts exactly; another network's directory is mapped
 * with {@link HsdsImportOptions}. A record that cannot become one of ours is left out with an
 * {@link Severity#ERROR} issue at its JSON Pointer; valid HSDS fields we have no place for (phones,
 * schedules, contacts...) give a {@link Severity#NOT_IMPORTED} issue; a key HSDS does not define is
 * an error. Immutable and thread-safe.
 *
 * @since 1.0
 */
public final class HsdsImporter {
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private static final Set<String> ORGANIZATION_FIELDS =
      Set.of(
          "id",
          "name",
          "alternate_name",
          "description",
          "email",
          "website",
          "tax_status",
          "tax_id",
          "year_incorporated",
          "legal_status",
          "logo",
          "uri",
          "parent_organization_id",
          "funding",
          "contacts",
          "phones",
          "locations",
          "programs",
          "organization_identifiers",
          "attributes",
          "metadata");
  private static final Set<String> ORGANIZATION_MAPPED =
      Set.of("id", "name", "description", "organization_identifiers", "attributes");

  private static final Set<String> SERVICE_FIELDS =
      Set.of(
          "id",
          "organization_id",
          "program_id",
          "name",
          "alternate_name",
          "description",
          "url",
          "email",
          "status",
          "interpretation_services",
          "application_process",
          "fees_description",
          "wait_time",
          "fees",
          "accreditations",
          "eligibility_description",
          "minimum_age",
          "maximum_age",
          "assured_date",
          "assurer_email",
          "licenses",
          "alert",
          "last_modified",
          "phones",
          "schedules",
          "service_areas",
          "service_at_locations",
          "languages",
          "organization",
          "funding",
          "cost_options",
          "program",
          "required_documents",
          "contacts",
          "attributes",
          "metadata");
  private static final Set<String> SERVICE_MAPPED =
      Set.of(
          "id",
          "organization_id",
          "name",
          "status",
          "application_process",
          "fees_description",
          "eligibility_description",
          "minimum_age",
          "maximum_age",
          "service_at_locations",
          "languages",
          "organization",
          "attributes");

  private static final Set<String> SAL_FIELDS =
      Set.of(
          "id",
          "service_id",
          "location_id",
          "description",
          "contacts",
          "phones",
          "schedules",
          "location",
          "attributes",
          "metadata");
  private static final Set<String> SAL_MAPPED =
      Set.of("id", "service_id", "location_id", "location", "attributes");

  private static final Set<String> LOCATION_FIELDS =
      Set.of(
          "id",
          "location_type",
          "url",
          "organization_id",
          "name",
          "alternate_name",
          "description",
          "transportation",
          "latitude",
          "longitude",
          "external_identifier",
          "external_identifier_type",
          "languages",
          "addresses",
          "contacts",
          "accessibility",
          "phones",
          "schedules",
          "attributes",
          "metadata");
  private static final Set<String> LOCATION_MAPPED =
      Set.of(
          "id",
          "location_type",
          "name",
          "latitude",
          "longitude",
          "external_identifier",
          "external_identifier_type",
          "accessibility",
          "attributes");

  private final HsdsImportOptions options;

  private HsdsImporter(HsdsImportOptions options) {
    this.options = options;
  }

  /** An importer with these options. */
  public static HsdsImporter of(HsdsImportOptions options) {
    return new HsdsImporter(options);
  }

  /**
   * Imports a directory.
   *
   * @param organizations an array of HSDS organization objects (may be empty)
   * @param services an array of HSDS service objects, or one service object
   * @param serviceAtLocations an array of HSDS service_at_location objects with their location
   * @return the records and issues; pointers start {@code /organizations}, {@code /services} and
   *     {@code /service_at_locations}
   */
  public HsdsImport read(JsonNode organizations, JsonNode services, JsonNode serviceAtLocations) {
    Run run = new Run();
    for (int i = 0; i < organizations.size(); i++) {
      run.organization(organizations.get(i), "/organizations/" + i);
    }
    if (services.isObject()) {
      run.service(services, "/services");
    } else {
      for (int i = 0; i < services.size(); i++) {
        run.service(services.get(i), "/services/" + i);
      }
    }
    for (int i = 0; i < serviceAtLocations.size(); i++) {
      run.serviceAtLocation(serviceAtLocations.get(i), "/service_at_locations/" + i, null);
    }
    return run.result();
  }

  /**
   * The HSDS version of a directory's API root document ({@code {"version": "3.0", ...}}, the
   * specification's {@code base.json}).
   *
   * @return the version, {@code 3.0} or a later 3.x
   * @throws ExchangeException {@code VAN-E-0001} at {@code /version} if it is absent or not 3.x,
   *     which this importer does not read
   */
  public static String version(JsonNode base) {
    String v = text(base, "version");
    if (v == null || !v.matches("3\\.[0-9]+(\\.[0-9]+)?")) {
      throw new ExchangeException(
          ExchangeException.INVALID_INPUT,
          "HSDS /version: this importer reads HSDS 3.x; the document "
              + (v == null ? "gives no version" : "is another version"));
    }
    return v;
  }

  /** The mutable state of one import. */
  private final class Run {
    final HsdsImport.Builder out = HsdsImport.builder();
    final Map<String, OrganisationId> orgIds = new HashMap<>();
    final Map<String, ServiceId> serviceIds = new HashMap<>();

    HsdsImport result() {
      return out.build();
    }

    void issue(String pointer, Severity severity, String message) {
      out.addIssues(new Issue(pointer, severity, message));
    }

    boolean fields(JsonNode n, String at, String entity, Set<String> known, Set<String> mapped) {
      if (!n.isObject()) {
        issue(at, Severity.ERROR, "an HSDS " + entity + " must be a JSON object");
        return false;
      }
      boolean ok = true;
      for (String k : n.propertyNames()) {
        if (!known.contains(k)) {
          issue(at + "/" + k, Severity.ERROR, "'" + k + "' is not a field of an HSDS " + entity);
          ok = false;
        } else if (!mapped.contains(k) && !isEmpty(n.get(k))) {
          issue(at + "/" + k, Severity.NOT_IMPORTED, "no place for the " + entity + " field " + k);
        }
      }
      if (!ok) {
        return false;
      }
      String id = text(n, "id");
      if (id == null || !UUID_TEXT.matcher(id).matches()) {
        issue(at + "/id", Severity.ERROR, "an HSDS " + entity + " needs an id that is a UUID");
        return false;
      }
      return true;
    }

    OrganisationId organization(JsonNode n, String at) {
      if (!fields(n, at, "organization", ORGANIZATION_FIELDS, ORGANIZATION_MAPPED)) {
        return null;
      }
      String hsdsId = text(n, "id");
      if (orgIds.containsKey(hsdsId)) {
        return orgIds.get(hsdsId);
      }
      try {
        Attrs a = new Attrs(n.get("attributes"));
        OrganisationId id = null;
        List<ExternalIdentifier> identifiers = new ArrayList<>();
        JsonNode ids = n.get("organization_identifiers");
        for (int i = 0; ids != null && i < ids.size(); i++) {
          JsonNode x = ids.get(i);
          String scheme = text(x, "identifier_scheme");
          String type = text(x, "identifier_type");
          String value = text(x, "identifier");
          if (HsdsProfile.ID_SCHEME.equals(scheme) && HsdsProfile.ID_TYPE.equals(type)) {
            id = OrganisationId.parse(value);
          } else if (value != null) {
            identifiers.add(ExternalIdentifier.of(scheme != null ? scheme : type, value));
          }
        }
        if (id == null) {
          id = OrganisationId.parse(local(hsdsId));
        }
        Organisation o =
            Organisation.builder()
                .id(id)
                .name(names(n, a))
                .type(
                    a.code(HsdsProfile.ORGANISATION_TYPE)
                        .map(OrganisationType::fromCode)
                        .orElse(options.organisationType()))
                .country(a.value(HsdsProfile.COUNTRY).map(CountryCode::parse).orElse(country()))
                .identifiers(identifiers)
                .build();
        out.addOrganisations(o);
        orgIds.put(hsdsId, id);
        return id;
      } catch (VanException | IllegalArgumentException e) {
        issue(at, Severity.ERROR, "organization not imported: " + e.getMessage());
        return null;
      }
    }

    void service(JsonNode n, String at) {
      if (!fields(n, at, "service", SERVICE_FIELDS, SERVICE_MAPPED)) {
        return;
      }
      try {
        Attrs a = new Attrs(n.get("attributes"));
        OrganisationId org = null;
        if (n.has("organization") && !n.get("organization").isNull()) {
          org = organization(n.get("organization"), at + "/organization");
          if (org == null) {
            issue(at, Severity.ERROR, "service not imported: its organization was not");
            return;
          }
        } else if (text(n, "organization_id") != null) {
          String hsdsOrg = text(n, "organization_id");
          org = orgIds.getOrDefault(hsdsOrg, OrganisationId.parse(local(hsdsOrg)));
        } else {
          issue(at, Severity.ERROR, "service not imported: it names no organization");
          return;
        }
        List<ServiceType> types = serviceTypes(a);
        if (types.isEmpty()) {
          issue(
              at + "/attributes",
              Severity.ERROR,
              "service not imported: none of its taxonomy terms maps to a service type, and the"
                  + " options give no default");
          return;
        }
        ServiceId id =
            a.value(HsdsProfile.RECORD_ID)
                .map(ServiceId::parse)
                .orElse(ServiceId.parse(local(text(n, "id"))));
        Service.Builder b =
            Service.builder()
                .id(id)
                .organisationId(org)
                .name(names(n, a))
                .serviceTypes(types)
                .status(status(text(n, "status")));
        Optional<LocalizedText> eligibility = localized(n, a, "eligibility_description");
        if (eligibility.isPresent() || n.has("minimum_age") || n.has("maximum_age")) {
          Eligibility.Builder e = Eligibility.builder().description(eligibility);
          age(n, "minimum_age").ifPresent(e::minAge);
          age(n, "maximum_age").ifPresent(e::maxAge);
          b.eligibility(e.build());
        }
        b.cost(localized(n, a, "fees_description"));
        Optional<LocalizedText> how = localized(n, a, "application_process");
        Optional<Integer> days = a.value(HsdsProfile.DAYS_TO_RESPOND).map(Integer::valueOf);
        if (how.isPresent() || days.isPresent()) {
          b.referralTerms(ReferralTerms.builder().howToRefer(how).daysToRespond(days).build());
        }
        Optional<String> available = a.value(HsdsProfile.CAPACITY_AVAILABLE);
        if (available.isPresent()) {
          b.capacity(
              Capacity.builder()
                  .available(Integer.parseInt(available.get()))
                  .maximum(a.value(HsdsProfile.CAPACITY_MAXIMUM).map(Integer::valueOf))
                  .unit(a.value(HsdsProfile.CAPACITY_UNIT).orElse("places"))
                  .updated(a.value(HsdsProfile.CAPACITY_UPDATED).map(Instant::parse))
                  .build());
        }
        JsonNode langs = n.get("languages");
        for (int i = 0; langs != null && i < langs.size(); i++) {
          String code = text(langs.get(i), "code");
          if (code != null && code.matches(LocalizedText.LANGUAGE_PATTERN)) {
            b.addLanguages(code);
          } else {
            issue(at + "/languages/" + i, Severity.NOT_IMPORTED, "no BCP 47 language code");
          }
        }
        Service s = b.build();
        out.addServices(s);
        serviceIds.put(text(n, "id"), id);
        JsonNode sals = n.get("service_at_locations");
        for (int i = 0; sals != null && i < sals.size(); i++) {
          serviceAtLocation(sals.get(i), at + "/service_at_locations/" + i, id);
        }
      } catch (VanException | IllegalArgumentException | java.time.DateTimeException e) {
        issue(at, Severity.ERROR, "service not imported: " + e.getMessage());
      }
    }

    void serviceAtLocation(JsonNode n, String at, ServiceId parent) {
      if (!fields(n, at, "service_at_location", SAL_FIELDS, SAL_MAPPED)) {
        return;
      }
      JsonNode loc = n.get("location");
      if (loc == null || loc.isNull()) {
        issue(at, Severity.ERROR, "service_at_location not imported: its location is not given");
        return;
      }
      String locAt = at + "/location";
      if (!fields(loc, locAt, "location", LOCATION_FIELDS, LOCATION_MAPPED)) {
        return;
      }
      try {
        ServiceId service = parent;
        if (service == null) {
          String hsdsService = text(n, "service_id");
          if (hsdsService == null) {
            issue(at, Severity.ERROR, "service_at_location not imported: no service_id");
            return;
          }
          service = serviceIds.getOrDefault(hsdsService, ServiceId.parse(local(hsdsService)));
        }
        Attrs sa = new Attrs(n.get("attributes"));
        Attrs la = new Attrs(loc.get("attributes"));
        ServiceLocationId id =
            HsdsProfile.LOCATION_ID_TYPE.equals(text(loc, "external_identifier_type"))
                ? ServiceLocationId.parse(text(loc, "external_identifier"))
                : ServiceLocationId.parse(local(text(n, "id")));
        Location.Builder where =
            Location.builder()
                .country(la.value(HsdsProfile.COUNTRY).map(CountryCode::parse).orElse(country()));
        la.area(HsdsProfile.ADMIN_AREA).stream().findFirst().ifPresent(where::adminArea);
        if (loc.has("latitude") && loc.has("longitude")) {
          try {
            GeoPoint.Builder p =
                GeoPoint.builder()
                    .latitude(loc.get("latitude").asDouble())
                    .longitude(loc.get("longitude").asDouble());
            la.value(HsdsProfile.ACCURACY_METRES).map(Double::valueOf).ifPresent(p::accuracyMetres);
            where.point(p.build());
          } catch (VanException e) {
            issue(
                locAt + "/latitude", Severity.NOT_IMPORTED, "not a WGS84 point: " + e.getMessage());
          }
        }
        ServiceLocation.Builder b =
            ServiceLocation.builder()
                .id(id)
                .serviceId(service)
                .location(where.build())
                .areasCovered(sa.area(HsdsProfile.AREA_COVERED));
        JsonNode acc = loc.get("accessibility");
        if (acc != null && acc.size() > 0 && text(acc.get(0), "description") != null) {
          b.accessibility(
              LocalizedText.of(
                  la.language("accessibility").orElse(options.language()),
                  text(acc.get(0), "description")));
          for (int i = 1; i < acc.size(); i++) {
            issue(locAt + "/accessibility/" + i, Severity.NOT_IMPORTED, "one accessibility text");
          }
        }
        out.addServiceLocations(b.build());
      } catch (VanException | IllegalArgumentException e) {
        issue(at, Severity.ERROR, "service_at_location not imported: " + e.getMessage());
      }
    }

    List<ServiceType> serviceTypes(Attrs a) {
      List<ServiceType> types = new ArrayList<>();
      for (JsonNode t : a.terms()) {
        String taxonomy = text(t, "taxonomy");
        String code = text(t, "code");
        ServiceType type = null;
        if (HsdsProfile.SERVICE_TAXONOMY.equals(taxonomy)) {
          if (VictimAssistanceTaxonomy.termId("service_type", code).equals(text(t, "id"))) {
            type = ServiceType.fromCode(code);
          }
        } else {
          type = options.serviceTypes().get(code != null ? code : text(t, "name"));
          if (type == null && text(t, "name") != null) {
            type = options.serviceTypes().get(text(t, "name"));
          }
        }
        if (type != null && !types.contains(type)) {
          types.add(type);
        }
      }
      if (types.isEmpty() && options.defaultServiceType().isPresent()) {
        types.add(options.defaultServiceType().get());
      }
      return types;
    }

    List<LocalizedText> names(JsonNode n, Attrs a) {
      List<LocalizedText> names = new ArrayList<>();
      names.add(LocalizedText.of(a.language("name").orElse(options.language()), text(n, "name")));
      for (String v : a.values(HsdsProfile.NAME_TRANSLATION)) {
        int space = v.indexOf(' ');
        names.add(LocalizedText.of(v.substring(0, space), v.substring(space + 1)));
      }
      return names;
    }

    Optional<LocalizedText> localized(JsonNode n, Attrs a, String field) {
      String t = text(n, field);
      if (t == null || t.isBlank()) {
        return Optional.empty();
      }
      return Optional.of(LocalizedText.of(a.language(field).orElse(options.language()), t));
    }
  }

  private CountryCode country() {
    return options.country();
  }

  private String local(String hsdsId) {
    return options.country().code() + "-" + options.organisationCode() + "-" + hsdsId;
  }

  static ServiceStatus status(String text) {
    if ("temporarily closed".equals(text)) {
      return ServiceStatus.TEMPORARILY_CLOSED;
    }
    if ("temporarily_closed".equals(text)) {
      throw new IllegalArgumentException("status is 'temporarily closed' in HSDS, with a space");
    }
    return ServiceStatus.fromCode(text);
  }

  private static Optional<Integer> age(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isNumber() || v.asDouble() != Math.rint(v.asDouble())) {
      throw new IllegalArgumentException(field + " must be a whole number of years");
    }
    return Optional.of(v.asInt());
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v == null || !v.isString() ? null : v.asString();
  }

  private static boolean isEmpty(JsonNode v) {
    return v == null || v.isNull() || (v.isContainer() && v.isEmpty());
  }

  /** The attributes of one entity, read by link type. */
  private static final class Attrs {
    final List<JsonNode> list = new ArrayList<>();

    Attrs(JsonNode array) {
      for (int i = 0; array != null && i < array.size(); i++) {
        list.add(array.get(i));
      }
    }

    List<String> values(String linkType) {
      List<String> v = new ArrayList<>();
      for (JsonNode a : list) {
        if (linkType.equals(text(a, "link_type")) && text(a, "value") != null) {
          v.add(text(a, "value"));
        }
      }
      return v;
    }

    Optional<String> value(String linkType) {
      return values(linkType).stream().findFirst();
    }

    Optional<String> code(String linkType) {
      for (JsonNode a : list) {
        if (linkType.equals(text(a, "link_type")) && a.has("taxonomy_term")) {
          return Optional.ofNullable(text(a.get("taxonomy_term"), "code"));
        }
      }
      return Optional.empty();
    }

    List<JsonNode> terms() {
      List<JsonNode> terms = new ArrayList<>();
      for (JsonNode a : list) {
        String type = text(a, "link_type");
        boolean ours = HsdsProfile.LINK_TYPES.contains(type);
        if (a.has("taxonomy_term") && (!ours || HsdsProfile.SERVICE_TYPE.equals(type))) {
          terms.add(a.get("taxonomy_term"));
        }
      }
      return terms;
    }

    Optional<String> language(String field) {
      for (String v : values(HsdsProfile.TEXT_LANGUAGE)) {
        if (v.startsWith(field + " ")) {
          return Optional.of(v.substring(field.length() + 1));
        }
      }
      return Optional.empty();
    }

    List<AdminArea> area(String linkType) {
      List<AdminArea> areas = new ArrayList<>();
      for (JsonNode a : list) {
        if (linkType.equals(text(a, "link_type")) && a.has("taxonomy_term")) {
          JsonNode t = a.get("taxonomy_term");
          String code = text(t, "code");
          String name = text(t, "name");
          int level = Integer.parseInt(text(a, "value"));
          areas.add(
              name == null || name.equals(code)
                  ? AdminArea.builder().pCode(code).level(level).build()
                  : AdminArea.of(code, level, name));
        }
      }
      return areas;
    }
  }
}
