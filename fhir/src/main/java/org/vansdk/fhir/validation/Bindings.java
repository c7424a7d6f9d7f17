package org.vansdk.fhir.validation;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * Required bindings: the value sets of base R4 expanded from their explicit concepts and whole code
 * systems. A value set that needs a filter, another value set or an external terminology (none of
 * ours and none that our resources bind to with strength required) is not expanded, and its codes
 * are left to the parser's own enumerations.
 */
final class Bindings {

  private final Profiles profiles;
  private final Map<String, Optional<Set<String>>> expansions = new ConcurrentHashMap<>();

  Bindings(Profiles profiles) {
    this.profiles = profiles;
  }

  /** A message when the value is outside the value set; empty when inside or not checkable. */
  Optional<String> check(Base v, String valueSetUrl, String path) {
    if (valueSetUrl == null) {
      return Optional.empty();
    }
    String url =
        valueSetUrl.contains("|")
            ? valueSetUrl.substring(0, valueSetUrl.indexOf('|'))
            : valueSetUrl;
    Optional<Set<String>> codes = expansions.computeIfAbsent(url, this::expand);
    if (codes.isEmpty()) {
      return Optional.empty();
    }
    boolean ok;
    if (v instanceof CodeableConcept cc) {
      ok = !cc.hasCoding() || cc.getCoding().stream().anyMatch(c -> in(codes.get(), c));
    } else if (v instanceof Coding c) {
      ok = in(codes.get(), c);
    } else if (v.isPrimitive()) {
      String code = v.primitiveValue();
      ok = code == null || codes.get().stream().anyMatch(k -> k.endsWith("|" + code));
    } else {
      return Optional.empty();
    }
    return ok ? Optional.empty() : Optional.of("code not in the required value set " + url);
  }

  private static boolean in(Set<String> codes, Coding c) {
    return codes.contains(c.getSystem() + "|" + c.getCode());
  }

  private Optional<Set<String>> expand(String url) {
    ValueSet vs = profiles.valueSet(url);
    if (vs == null || vs.getCompose().hasExclude()) {
      return Optional.empty();
    }
    Set<String> out = new HashSet<>();
    for (ValueSet.ConceptSetComponent inc : vs.getCompose().getInclude()) {
      if (inc.hasFilter() || inc.hasValueSet() || !inc.hasSystem()) {
        return Optional.empty();
      }
      if (inc.hasConcept()) {
        inc.getConcept().forEach(c -> out.add(inc.getSystem() + "|" + c.getCode()));
        continue;
      }
      CodeSystem cs = profiles.codeSystem(inc.getSystem());
      if (cs == null || cs.getContent() != CodeSystem.CodeSystemContentMode.COMPLETE) {
        return Optional.empty();
      }
      add(inc.getSystem(), cs.getConcept(), out);
    }
    return Optional.of(Set.copyOf(out));
  }

  private static void add(
      String system,
      java.util.List<CodeSystem.ConceptDefinitionComponent> concepts,
      Set<String> out) {
    for (CodeSystem.ConceptDefinitionComponent c : concepts) {
      out.add(system + "|" + c.getCode());
      add(system, c.getConcept(), out);
    }
  }
}
