package org.vansdk.exchange.hsds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vansdk.core.directory.Organisation;
import org.vansdk.core.directory.Service;
import org.vansdk.core.directory.ServiceLocation;
import org.vansdk.core.directory.ServiceStatus;
import org.vansdk.core.id.ExternalIdentifier;
import org.vansdk.core.need.ServiceType;
import org.vansdk.core.place.AdminArea;
import org.vansdk.core.place.Location;
import org.vansdk.core.text.LocalizedText;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Exports the service directory as HSDS 3.0 JSON valid under the official schemas: organisations as
 * {@code organization}, services as {@code service} (service types as attributes linking the {@link
 * VictimAssistanceTaxonomy}, eligibility as {@code eligibility_description}, {@code minimum_age},
 * {@code maximum_age}), service locations as {@code service_at_location} with their {@code
 * location}. Every id is a name-based UUID of ours; what HSDS has no field for travels in
 * attributes of our profile, so {@link HsdsImporter} gives the same records back. Stateless and
 * thread-safe.
 *
 * @since 1.0
 */
public final class HsdsExporter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private HsdsExporter() {}

  /**
   * Exports a directory. Services whose organisation is not among the organisations still link to
   * it by id (another export may hold it).
   *
   * @param organisations the organisations
   * @param services the services
   * @param locations where the services are delivered
   * @return the HSDS directory
   */
  public static HsdsDirectory export(
      List<Organisation> organisations, List<Service> services, List<ServiceLocation> locations) {
    List<ObjectNode> orgs = new ArrayList<>();
    Map<String, ObjectNode> terms = new LinkedHashMap<>();
    for (Organisation o : organisations) {
      orgs.add(organization(o, terms));
    }
    List<ObjectNode> svcs = new ArrayList<>();
    for (Service s : services) {
      svcs.add(service(s, terms));
    }
    List<ObjectNode> sals = new ArrayList<>();
    for (ServiceLocation l : locations) {
      sals.add(serviceAtLocation(l, terms));
    }
    return new HsdsDirectory(orgs, svcs, sals, new ArrayList<>(terms.values()));
  }

  /**
   * The mapping as a Markdown page: every field of our directory records and where it goes in HSDS,
   * the attribute link types of our profile, and the victim-assistance taxonomy.
   */
  public static String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Service directory as Open Referral HSDS 3.0\n\n")
        .append("Generated from the code (`HsdsExporter.markdown()`); do not edit.\n\n")
        .append("`van export IN --format hsds --out DIR` writes `organizations.json`,")
        .append(" `services.json`, `service_at_locations.json` (each with its `location`) and")
        .append(" `taxonomy_terms.json`, each a JSON array of HSDS 3.0 objects valid under the")
        .append(" official compiled schemas. Every `id` is a name-based UUID (version 5) of the")
        .append(" entity kind and our record id, so the same record always has the same HSDS id.")
        .append(" `HsdsImporter` reads such a directory back to the same records, and another")
        .append(" network's directory with `HsdsImportOptions` (id namespace, default country,")
        .append(" language and organisation type, and a mapping of its taxonomy terms to our")
        .append(" service types).\n\n")
        .append("## Fields\n\n| record | our field | HSDS |\n|---|---|---|\n");
    for (List<String> f : HsdsProfile.FIELDS) {
      sb.append("| ").append(f.get(0)).append(" | `").append(f.get(1)).append("` | ");
      sb.append(f.get(2)).append(" |\n");
    }
    sb.append("\n## Attribute link types of our profile\n\n")
        .append("HSDS has no field for these; they travel as `attributes` with this `link_type`")
        .append(" (a receiver that does not know them can ignore them).\n\n");
    for (String t : HsdsProfile.LINK_TYPES) {
      sb.append("- `").append(t).append("`\n");
    }
    sb.append("\n## Victim-assistance taxonomy (`")
        .append(HsdsProfile.SERVICE_TAXONOMY)
        .append("`)\n\n| code | name | parent | id |\n|---|---|---|---|\n");
    Map<String, String> names = new LinkedHashMap<>();
    for (ObjectNode t : VictimAssistanceTaxonomy.serviceTerms()) {
      names.put(t.get("id").asString(), t.get("code").asString());
      sb.append("| `").append(t.get("code").asString()).append("` | ");
      sb.append(t.get("name").asString()).append(" | ");
      sb.append(t.has("parent_id") ? "`" + names.get(t.get("parent_id").asString()) + "`" : "");
      sb.append(" | ").append(t.get("id").asString()).append(" |\n");
    }
    sb.append("\n## What HSDS does not carry\n\n")
        .append("- Texts in several languages: HSDS has one `name`; other languages of a name")
        .append(" are attributes. Descriptive texts (cost, eligibility, how to refer,")
        .append(" accessibility) have one language, recorded in a `text_language` attribute.\n")
        .append("- On import, HSDS fields we have no place for (phones, schedules, contacts,")
        .append(" funding, programs, addresses...) are reported as `NOT_IMPORTED` issues with")
        .append(" their JSON Pointer; a key HSDS does not define is an `ERROR` and the record is")
        .append(" left out.\n");
    return sb.toString();
  }

  static String organizationId(String ourId) {
    return HsdsIds.of("organization", ourId);
  }

  static String serviceId(String ourId) {
    return HsdsIds.of("service", ourId);
  }

  private static ObjectNode organization(Organisation o, Map<String, ObjectNode> terms) {
    String id = organizationId(o.id().value());
    ObjectNode n = NODES.objectNode();
    n.put("id", id);
    n.put("name", o.name().get(0).text());
    n.put(
        "description",
        o.type().label(org.vansdk.core.code.LabelLanguage.EN) + ", " + o.country().englishName());
    ArrayNode ids = n.putArray("organization_identifiers");
    ids.add(identifier(id, HsdsProfile.ID_SCHEME, HsdsProfile.ID_TYPE, o.id().value()));
    for (ExternalIdentifier e : o.identifiers()) {
      ids.add(identifier(id, e.system(), e.system(), e.value()));
    }
    Attributes a = new Attributes(id, "organization");
    a.term(HsdsProfile.ORGANISATION_TYPE, VictimAssistanceTaxonomy.term(o.type()), terms);
    a.value(HsdsProfile.COUNTRY, o.country().code());
    translations(a, o.name(), terms);
    n.set("attributes", a.array);
    return n;
  }

  private static ObjectNode identifier(String org, String scheme, String type, String value) {
    ObjectNode i = NODES.objectNode();
    i.put("id", HsdsIds.of("organization_identifier", org + "/" + scheme + "/" + value));
    i.put("organization_id", org);
    i.put("identifier_scheme", scheme);
    i.put("identifier_type", type);
    i.put("identifier", value);
    return i;
  }

  private static ObjectNode service(Service s, Map<String, ObjectNode> terms) {
    String id = serviceId(s.id().value());
    ObjectNode n = NODES.objectNode();
    n.put("id", id);
    n.put("organization_id", organizationId(s.organisationId().value()));
    n.put("name", s.name().get(0).text());
    n.put("status", status(s.status()));
    Attributes a = new Attributes(id, "service");
    a.value(HsdsProfile.RECORD_ID, s.id().value());
    for (ServiceType t : s.serviceTypes()) {
      terms.putIfAbsent(
          VictimAssistanceTaxonomy.termId("pillar", t.pillar().code()),
          VictimAssistanceTaxonomy.term(t.pillar()));
      a.term(HsdsProfile.SERVICE_TYPE, VictimAssistanceTaxonomy.term(t), terms);
    }
    translations(a, s.name(), terms);
    s.eligibility()
        .ifPresent(
            e -> {
              e.description().ifPresent(d -> text(n, a, "eligibility_description", d));
              e.minAge().ifPresent(v -> n.put("minimum_age", v));
              e.maxAge().ifPresent(v -> n.put("maximum_age", v));
            });
    s.cost().ifPresent(c -> text(n, a, "fees_description", c));
    s.referralTerms()
        .ifPresent(
            r -> {
              r.howToRefer().ifPresent(h -> text(n, a, "application_process", h));
              r.daysToRespond().ifPresent(d -> a.value(HsdsProfile.DAYS_TO_RESPOND, "" + d));
            });
    s.capacity()
        .ifPresent(
            c -> {
              a.value(HsdsProfile.CAPACITY_AVAILABLE, "" + c.available());
              c.maximum().ifPresent(m -> a.value(HsdsProfile.CAPACITY_MAXIMUM, "" + m));
              a.value(HsdsProfile.CAPACITY_UNIT, c.unit());
              c.updated().ifPresent(u -> a.value(HsdsProfile.CAPACITY_UPDATED, u.toString()));
            });
    if (!s.languages().isEmpty()) {
      ArrayNode langs = n.putArray("languages");
      for (String l : s.languages()) {
        ObjectNode lang = NODES.objectNode();
        lang.put("id", HsdsIds.of("language", s.id().value() + "/" + l));
        lang.put("service_id", id);
        lang.put("name", Locale.forLanguageTag(l).getDisplayLanguage(Locale.ENGLISH));
        lang.put("code", l);
        langs.add(lang);
      }
    }
    n.set("attributes", a.array);
    return n;
  }

  private static ObjectNode serviceAtLocation(ServiceLocation l, Map<String, ObjectNode> terms) {
    String id = HsdsIds.of("service_at_location", l.id().value());
    String locationId = HsdsIds.of("location", l.id().value());
    ObjectNode n = NODES.objectNode();
    n.put("id", id);
    n.put("service_id", serviceId(l.serviceId().value()));
    n.put("location_id", locationId);
    Attributes sa = new Attributes(id, "service_at_location");
    for (AdminArea area : l.areasCovered()) {
      sa.term(HsdsProfile.AREA_COVERED, area(area), terms).put("value", "" + area.level());
    }
    n.set("attributes", sa.array);
    Location where = l.location();
    ObjectNode loc = NODES.objectNode();
    loc.put("id", locationId);
    loc.put("location_type", "physical");
    where.adminArea().flatMap(AdminArea::name).ifPresent(name -> loc.put("name", name));
    where
        .point()
        .ifPresent(
            p -> {
              loc.put("latitude", p.latitude());
              loc.put("longitude", p.longitude());
            });
    loc.put("external_identifier", l.id().value());
    loc.put("external_identifier_type", HsdsProfile.LOCATION_ID_TYPE);
    Attributes la = new Attributes(locationId, "location");
    la.value(HsdsProfile.COUNTRY, where.country().code());
    where
        .adminArea()
        .ifPresent(
            area ->
                la.term(HsdsProfile.ADMIN_AREA, area(area), terms).put("value", "" + area.level()));
    where
        .point()
        .flatMap(p -> p.accuracyMetres())
        .ifPresent(m -> la.value(HsdsProfile.ACCURACY_METRES, Double.toString(m)));
    l.accessibility()
        .ifPresent(
            acc -> {
              ObjectNode x = loc.putArray("accessibility").addObject();
              x.put("id", HsdsIds.of("accessibility", l.id().value()));
              x.put("location_id", locationId);
              x.put("description", acc.text());
              la.value(HsdsProfile.TEXT_LANGUAGE, "accessibility " + acc.lang());
            });
    loc.set("attributes", la.array);
    n.set("location", loc);
    return n;
  }

  /** A P-code term: code the P-code, name the area's name, level in the description. */
  private static ObjectNode area(AdminArea area) {
    ObjectNode t = NODES.objectNode();
    t.put("id", HsdsIds.of("taxonomy_term", "admin_area/" + area.pCode()));
    t.put("code", area.pCode());
    t.put("name", area.name().orElse(area.pCode()));
    t.put("description", "Administrative area of level " + area.level());
    t.put("taxonomy", HsdsProfile.P_CODES);
    return t;
  }

  private static void translations(
      Attributes a, List<LocalizedText> names, Map<String, ObjectNode> terms) {
    a.value(HsdsProfile.TEXT_LANGUAGE, "name " + names.get(0).lang());
    for (LocalizedText t : names.subList(1, names.size())) {
      a.value(HsdsProfile.NAME_TRANSLATION, t.lang() + " " + t.text());
    }
  }

  private static void text(ObjectNode n, Attributes a, String field, LocalizedText text) {
    n.put(field, text.text());
    a.value(HsdsProfile.TEXT_LANGUAGE, field + " " + text.lang());
  }

  static String status(ServiceStatus s) {
    return s == ServiceStatus.TEMPORARILY_CLOSED ? "temporarily closed" : s.code();
  }

  /** The attributes of one entity, with deterministic ids. */
  private static final class Attributes {
    final String linkId;
    final String entity;
    final ArrayNode array = NODES.arrayNode();

    Attributes(String linkId, String entity) {
      this.linkId = linkId;
      this.entity = entity;
    }

    ObjectNode add(String linkType, String key) {
      ObjectNode a = array.addObject();
      a.put("id", HsdsIds.of("attribute", linkId + "/" + linkType + "/" + key));
      a.put("link_id", linkId);
      a.put("link_type", linkType);
      a.put("link_entity", entity);
      return a;
    }

    void value(String linkType, String value) {
      add(linkType, value).put("value", value);
    }

    ObjectNode term(String linkType, ObjectNode term, Map<String, ObjectNode> terms) {
      ObjectNode a = add(linkType, term.get("id").asString());
      a.put("taxonomy_term_id", term.get("id").asString());
      a.set("taxonomy_term", term);
      terms.putIfAbsent(term.get("id").asString(), term);
      return a;
    }
  }
}
