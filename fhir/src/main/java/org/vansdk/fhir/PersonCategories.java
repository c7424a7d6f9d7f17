package org.vansdk.fhir;

import java.util.EnumMap;
import java.util.Map;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.person.Person;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A person's data grouped by data category, in the shape the referral protocol's payload builder
 * takes: identity (name, sex, birth date, external identifiers), contact (phone, e-mail, postal
 * address, languages) and location (residence). Only these three reach a Patient resource; the
 * other categories live in other records.
 */
final class PersonCategories {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PersonCategories() {}

  static Map<DataCategory, ObjectNode> of(Person p) {
    Map<DataCategory, ObjectNode> out = new EnumMap<>(DataCategory.class);
    ObjectNode identity = NODES.objectNode();
    p.name().ifPresent(n -> identity.put("name", n));
    identity.put("sex", p.sex().code());
    p.birthDate().ifPresent(d -> identity.put("birthDate", d.toString()));
    if (!p.identifiers().isEmpty()) {
      ArrayNode ids = identity.putArray("identifiers");
      p.identifiers()
          .forEach(i -> ids.addObject().put("system", i.system()).put("value", i.value()));
    }
    out.put(DataCategory.IDENTITY, identity);
    ObjectNode contact = NODES.objectNode();
    p.contact()
        .ifPresent(
            c -> {
              c.phone().ifPresent(v -> contact.put("phone", v));
              c.email().ifPresent(v -> contact.put("email", v));
              c.address().ifPresent(v -> contact.put("address", v));
            });
    if (!p.languages().isEmpty()) {
      ArrayNode langs = contact.putArray("languages");
      p.languages().forEach(langs::add);
    }
    if (!contact.isEmpty()) {
      out.put(DataCategory.CONTACT, contact);
    }
    p.residence()
        .ifPresent(
            r -> {
              ObjectNode location = NODES.objectNode();
              location.put("country", r.country().code());
              r.adminArea()
                  .ifPresent(
                      a -> {
                        ObjectNode area = location.putObject("adminArea");
                        area.put("pCode", a.pCode());
                        area.put("level", a.level());
                        a.name().ifPresent(n -> area.put("name", n));
                      });
              out.put(DataCategory.LOCATION, location);
            });
    return out;
  }
}
