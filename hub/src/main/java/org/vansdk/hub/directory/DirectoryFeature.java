package org.vansdk.hub.directory;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vansdk.core.VanException;
import org.vansdk.core.directory.Organisation;
import org.vansdk.core.directory.ServiceLocation;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.ServiceId;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.json.VanJsonException;
import org.vansdk.core.place.CountryCode;
import org.vansdk.exchange.hsds.HsdsDirectory;
import org.vansdk.exchange.hsds.HsdsExporter;
import org.vansdk.hub.web.Caller;
import org.vansdk.hub.web.HubContext;
import org.vansdk.hub.web.HubException;
import org.vansdk.hub.web.HubFeature;
import org.vansdk.hub.web.HubPaths;
import org.vansdk.hub.web.HubRequest;
import org.vansdk.hub.web.Role;
import org.vansdk.hub.web.Route;
import org.vansdk.transport.http.EndpointResponse;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hub's service directory: national focal points register the organisations and services of
 * their own country; anyone searches it and exports it as Open Referral HSDS 3.0. Records are the
 * SDK's directory model ({@link Organisation}, {@link org.vansdk.core.directory.Service}, {@link
 * ServiceLocation}), read strictly: an unknown key, a wrong type or an unknown code is a 400
 * problem naming its JSON Pointer.
 *
 * <p>Routes:
 *
 * <ul>
 *   <li>{@code GET /van/v1/directory?country=&serviceType=&area=&q=&limit=} (reader): services with
 *       their organisation and locations, {@code {"services": [{"organisation": {...}, "service":
 *       {...}, "locations": [...]}], "truncated": false}}
 *   <li>{@code GET /van/v1/directory.hsds?country=} (reader): {@code {"organizations": [...],
 *       "services": [...], "service_at_locations": [...], "taxonomy_terms": [...]}}
 *   <li>{@code PUT|GET|DELETE /van/v1/directory/organisations/{id}}: an {@link Organisation}
 *   <li>{@code PUT|GET|DELETE /van/v1/directory/services/{id}}: a {@link ServiceEntry}
 * </ul>
 *
 * Thread-safe.
 *
 * @since 1.0
 */
public final class DirectoryFeature implements HubFeature {

  /** Path of an organisation's record ({@code {id}}: its organisation id). */
  public static final String ORGANISATION = HubPaths.DIRECTORY + "/organisations/{id}";

  /** Path of a service's record ({@code {id}}: its service id). */
  public static final String SERVICE = HubPaths.DIRECTORY + "/services/{id}";

  /** Path of the HSDS 3.0 export. */
  public static final String HSDS = HubPaths.DIRECTORY + ".hsds";

  /** The largest record body accepted, in bytes. */
  public static final int MAX_BODY = 256 * 1024;

  private static final VanJson JSON = VanJson.strict();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JdbcDirectoryStore store;
  private final Clock clock;

  /**
   * Builds the directory on the hub's database (migrated, with the tables of V20).
   *
   * @param context the hub's database and clock
   */
  public DirectoryFeature(HubContext context) {
    this.store = new JdbcDirectoryStore(context.dataSource());
    this.clock = context.clock();
  }

  @Override
  public List<Route> routes() {
    Set<Role> anyone = Set.of(Role.READER);
    Set<Role> focal = Set.of(Role.FOCAL_POINT);
    return List.of(
        new Route(
            "GET",
            HubPaths.DIRECTORY,
            anyone,
            "Search the service directory by country, service type, area and name",
            this::search),
        new Route(
            "GET", HSDS, anyone, "The service directory as Open Referral HSDS 3.0", this::hsds),
        new Route(
            "GET", ORGANISATION, anyone, "An organisation of the directory", this::organisation),
        new Route(
            "PUT",
            ORGANISATION,
            focal,
            "Register or replace an organisation of the focal point's country",
            this::putOrganisation),
        new Route(
            "DELETE",
            ORGANISATION,
            focal,
            "Remove an organisation (without services) of the focal point's country",
            this::deleteOrganisation),
        new Route("GET", SERVICE, anyone, "A service of the directory", this::service),
        new Route(
            "PUT",
            SERVICE,
            focal,
            "Register or replace a service and its locations for the focal point's country",
            this::putService),
        new Route(
            "DELETE",
            SERVICE,
            focal,
            "Remove a service of the focal point's country",
            this::deleteService));
  }

  private EndpointResponse search(HubRequest request) {
    DirectoryQuery query =
        DirectoryQuery.parse(
            request.parameters(DirectoryQuery.PARAMETERS, DirectoryErrors.INVALID_QUERY));
    List<ServiceListing> found = store.search(query);
    ObjectNode answer = NODES.objectNode();
    ArrayNode services = answer.putArray("services");
    for (ServiceListing l : found.subList(0, Math.min(found.size(), query.limit()))) {
      ObjectNode item = services.addObject();
      item.set("organisation", JSON.mapper().valueToTree(l.organisation()));
      item.set("service", JSON.mapper().valueToTree(l.entry().service()));
      item.set("locations", JSON.mapper().valueToTree(l.entry().locations()));
    }
    answer.put("truncated", found.size() > query.limit());
    return json(200, JSON.mapper().writeValueAsBytes(answer));
  }

  private EndpointResponse hsds(HubRequest request) {
    String value =
        DirectoryQuery.one(
            request.parameters(Set.of("country"), DirectoryErrors.INVALID_QUERY), "country");
    Optional<CountryCode> country =
        value.isEmpty() ? Optional.empty() : Optional.of(DirectoryQuery.country(value));
    List<ServiceEntry> entries = store.services(country);
    HsdsDirectory hsds =
        HsdsExporter.export(
            store.organisations(country),
            entries.stream().map(ServiceEntry::service).toList(),
            entries.stream().flatMap(e -> e.locations().stream()).toList());
    ObjectNode answer = NODES.objectNode();
    answer.set("organizations", array(hsds.organizations()));
    answer.set("services", array(hsds.services()));
    answer.set("service_at_locations", array(hsds.serviceAtLocations()));
    answer.set("taxonomy_terms", array(hsds.taxonomyTerms()));
    return json(200, JSON.mapper().writeValueAsBytes(answer));
  }

  private static ArrayNode array(List<ObjectNode> nodes) {
    ArrayNode array = NODES.arrayNode();
    nodes.forEach(array::add);
    return array;
  }

  private EndpointResponse organisation(HubRequest request) {
    OrganisationId id = organisationId(request);
    return store
        .organisation(id)
        .map(o -> json(200, JSON.writeBytes(o)))
        .orElseThrow(() -> notFound("organisation", id.value()));
  }

  private EndpointResponse putOrganisation(HubRequest request) {
    OrganisationId id = organisationId(request);
    Organisation o = read(request, Organisation.class);
    if (!o.id().equals(id)) {
      throw mismatch("/id", "organisation");
    }
    Caller caller = request.caller();
    requireOwnCountry(caller, o.country(), "/country");
    store
        .organisationCountry(id)
        .ifPresent(existing -> requireOwnCountry(caller, existing, "(registered country)"));
    boolean created = store.putOrganisation(o, clock.instant());
    return json(created ? 201 : 200, JSON.writeBytes(o));
  }

  private EndpointResponse deleteOrganisation(HubRequest request) {
    OrganisationId id = organisationId(request);
    CountryCode country =
        store.organisationCountry(id).orElseThrow(() -> notFound("organisation", id.value()));
    requireOwnCountry(request.caller(), country, "(registered country)");
    store.deleteOrganisation(id);
    return new EndpointResponse(204, Map.of("Cache-Control", "no-store"), new byte[0]);
  }

  private EndpointResponse service(HubRequest request) {
    ServiceId id = serviceId(request);
    return store
        .service(id)
        .map(s -> json(200, JSON.writeBytes(s)))
        .orElseThrow(() -> notFound("service", id.value()));
  }

  private EndpointResponse putService(HubRequest request) {
    ServiceId id = serviceId(request);
    ServiceEntry entry = read(request, ServiceEntry.class);
    if (!entry.service().id().equals(id)) {
      throw mismatch("/service/id", "service");
    }
    List<ServiceLocation> locations = entry.locations();
    for (int i = 0; i < locations.size(); i++) {
      if (!locations.get(i).serviceId().equals(id)) {
        throw mismatch("/locations/" + i + "/serviceId", "service");
      }
    }
    OrganisationId organisation = entry.service().organisationId();
    CountryCode country =
        store
            .organisationCountry(organisation)
            .orElseThrow(
                () ->
                    new HubException(
                        409,
                        DirectoryErrors.UNKNOWN_ORGANISATION,
                        "organisation "
                            + organisation.value()
                            + " at /service/organisationId is not registered; register it first"));
    Caller caller = request.caller();
    requireOwnCountry(caller, country, "/service/organisationId");
    for (int i = 0; i < locations.size(); i++) {
      requireOwnCountry(caller, locations.get(i).location().country(), pointer(i));
    }
    store
        .serviceCountry(id)
        .ifPresent(existing -> requireOwnCountry(caller, existing, "(registered country)"));
    boolean created = store.putService(entry, country, clock.instant());
    return json(created ? 201 : 200, JSON.writeBytes(entry));
  }

  private static String pointer(int location) {
    return "/locations/" + location + "/location/country";
  }

  private EndpointResponse deleteService(HubRequest request) {
    ServiceId id = serviceId(request);
    CountryCode country =
        store.serviceCountry(id).orElseThrow(() -> notFound("service", id.value()));
    requireOwnCountry(request.caller(), country, "(registered country)");
    store.deleteService(id);
    return new EndpointResponse(204, Map.of("Cache-Control", "no-store"), new byte[0]);
  }

  private static void requireOwnCountry(Caller caller, CountryCode country, String where) {
    if (!caller.isFocalPointOf(country.code())) {
      throw new HubException(
          403,
          DirectoryErrors.WRONG_COUNTRY,
          "the record's country at "
              + where
              + " is "
              + country.code()
              + "; a focal point registers only for its own country");
    }
  }

  private static <T> T read(HubRequest request, Class<T> type) {
    if (!request.request().mediaType().filter("application/json"::equals).isPresent()) {
      throw new HubException(
          415, DirectoryErrors.UNSUPPORTED_MEDIA_TYPE, "the body must be application/json");
    }
    byte[] body;
    try (InputStream in = request.request().body()) {
      body = in.readNBytes(MAX_BODY + 1);
    } catch (IOException e) {
      throw new HubException(
          400, DirectoryErrors.INVALID_RECORD, "the body could not be read whole");
    }
    if (body.length > MAX_BODY) {
      throw new HubException(
          413,
          DirectoryErrors.TOO_LARGE,
          "a directory record may be at most " + MAX_BODY + " bytes");
    }
    try {
      return JSON.read(body, type);
    } catch (VanJsonException e) {
      throw new HubException(400, DirectoryErrors.INVALID_RECORD, e.getMessage());
    }
  }

  private static OrganisationId organisationId(HubRequest request) {
    try {
      return OrganisationId.parse(request.pathParameter("id"));
    } catch (VanException e) {
      throw new HubException(
          400, DirectoryErrors.INVALID_RECORD, "the path's organisation id is not an identifier");
    }
  }

  private static ServiceId serviceId(HubRequest request) {
    try {
      return ServiceId.parse(request.pathParameter("id"));
    } catch (VanException e) {
      throw new HubException(
          400, DirectoryErrors.INVALID_RECORD, "the path's service id is not an identifier");
    }
  }

  private static HubException notFound(String kind, String id) {
    return new HubException(
        404, DirectoryErrors.NOT_FOUND, "no " + kind + " " + id + " is registered");
  }

  private static HubException mismatch(String pointer, String kind) {
    return new HubException(
        400,
        DirectoryErrors.ID_MISMATCH,
        "the " + kind + " id at " + pointer + " differs from the id in the path");
  }

  private static EndpointResponse json(int status, byte[] body) {
    return new EndpointResponse(
        status,
        Map.of(
            "Content-Type", "application/json",
            "Cache-Control", "no-cache",
            "X-Content-Type-Options", "nosniff"),
        body);
  }
}
