package org.vansdk.exchange.hsds;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vansdk.core.code.CodeValue;
import org.vansdk.core.code.LabelLanguage;
import org.vansdk.core.directory.OrganisationType;
import org.vansdk.core.need.Pillar;
import org.vansdk.core.need.ServiceType;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The victim-assistance taxonomy of our service types as HSDS 3.0 taxonomy terms: one term per
 * pillar and one per service type, its {@code parent_id} the pillar's term, {@code code} our code,
 * {@code name} the English label; and the taxonomy of organisation types. Term ids are name-based
 * UUIDs of the codes, so every export names the same term with the same id. Stateless and
 * thread-safe.
 *
 * @since 1.0
 */
public final class VictimAssistanceTaxonomy {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private VictimAssistanceTaxonomy() {}

  /** Every term of the service taxonomy: each pillar followed by its service types. */
  public static List<ObjectNode> serviceTerms() {
    List<ObjectNode> terms = new ArrayList<>();
    for (Pillar p : Pillar.values()) {
      terms.add(term(p));
      for (ServiceType t : ServiceType.values()) {
        if (t.pillar() == p) {
          terms.add(term(t));
        }
      }
    }
    return terms;
  }

  /** The term of a pillar. */
  static ObjectNode term(Pillar pillar) {
    return term(
        "pillar",
        pillar,
        HsdsProfile.SERVICE_TAXONOMY,
        "Victim-assistance pillar: " + pillar.label(LabelLanguage.EN),
        Optional.empty());
  }

  /** The term of a service type, child of its pillar's term. */
  static ObjectNode term(ServiceType type) {
    return term(
        "service_type",
        type,
        HsdsProfile.SERVICE_TAXONOMY,
        "Victim-assistance service of the pillar " + type.pillar().label(LabelLanguage.EN),
        Optional.of(termId("pillar", type.pillar().code())));
  }

  /** The term of an organisation type. */
  static ObjectNode term(OrganisationType type) {
    return term(
        "organisation_type",
        type,
        HsdsProfile.ORGANISATION_TAXONOMY,
        "Kind of organisation in the victim-assistance network",
        Optional.empty());
  }

  static String termId(String kind, String code) {
    return HsdsIds.of("taxonomy_term", kind + "/" + code);
  }

  private static ObjectNode term(
      String kind, CodeValue value, String taxonomy, String description, Optional<String> parent) {
    ObjectNode t = NODES.objectNode();
    t.put("id", termId(kind, value.code()));
    t.put("code", value.code());
    t.put("name", value.label(LabelLanguage.EN));
    t.put("description", description);
    parent.ifPresent(p -> t.put("parent_id", p));
    t.put("taxonomy", taxonomy);
    t.put("language", "en");
    return t;
  }
}
