package org.vansdk.fhir.validation;

import ca.uhn.fhir.validation.IValidationContext;
import ca.uhn.fhir.validation.IValidatorModule;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Enumerations.BindingStrength;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * A HAPI validator module that checks each resource against its profile's snapshot (ours where
 * {@code meta.profile} names one, else base R4): the cardinality of every element and slice, fixed
 * and pattern values, the targets of references inside the Bundle, required bindings, known
 * extensions, and every error-level invariant (FHIRPath) of the profile and of the base types.
 * Messages name the FHIR path and the rule, never the value. Thread-safe after construction.
 */
final class ProfileRules implements IValidatorModule {
  private static final String BASE = "http://hl7.org/fhir/StructureDefinition/";

  private final Profiles profiles;
  private final FHIRPathEngine fhirPath;
  private final Bindings bindings;
  private final Map<String, Map<String, List<ElementDefinition>>> children =
      new ConcurrentHashMap<>();
  private final Map<String, ExpressionNode> expressions = new ConcurrentHashMap<>();

  ProfileRules(Profiles profiles) {
    this.profiles = profiles;
    this.fhirPath = new FHIRPathEngine(profiles.worker());
    this.bindings = new Bindings(profiles);
  }

  @Override
  public void validateResource(IValidationContext<IBaseResource> ctx) {
    if (!(ctx.getResource() instanceof Resource r)) {
      return;
    }
    Walk w = new Walk(ctx, r);
    w.resource(r, r.fhirType());
  }

  /** The children of each element of a StructureDefinition's snapshot, by parent element id. */
  private Map<String, List<ElementDefinition>> index(StructureDefinition sd) {
    return children.computeIfAbsent(
        sd.getUrl(),
        u -> {
          Map<String, List<ElementDefinition>> m = new HashMap<>();
          for (ElementDefinition ed : sd.getSnapshot().getElement()) {
            String id = ed.getId();
            int dot = id.lastIndexOf('.');
            if (dot > 0) {
              m.computeIfAbsent(id.substring(0, dot), k -> new ArrayList<>()).add(ed);
            }
          }
          return m;
        });
  }

  private final class Walk {
    private final IValidationContext<IBaseResource> ctx;
    private final Resource root;
    private final Map<String, Resource> byFullUrl = new HashMap<>();
    private Resource current;

    Walk(IValidationContext<IBaseResource> ctx, Resource root) {
      this.ctx = ctx;
      this.root = root;
      if (root instanceof Bundle b) {
        b.getEntry()
            .forEach(
                e -> {
                  if (e.hasFullUrl() && e.hasResource()) {
                    byFullUrl.put(e.getFullUrl(), e.getResource());
                  }
                });
      }
    }

    void error(String path, String message) {
      SingleValidationMessage m = new SingleValidationMessage();
      m.setSeverity(ResultSeverityEnum.ERROR);
      m.setLocationString(path);
      m.setMessage(message);
      ctx.addValidationMessage(m);
    }

    void resource(Resource r, String path) {
      Resource outer = current;
      current = r;
      List<String> urls = new ArrayList<>();
      r.getMeta().getProfile().forEach(p -> urls.add(p.getValue()));
      if (urls.isEmpty()) {
        urls.add(BASE + r.fhirType());
      }
      for (String url : urls) {
        StructureDefinition sd = profiles.structure(url);
        if (sd == null || !sd.hasSnapshot()) {
          error(path + ".meta.profile", "unknown profile " + url);
          continue;
        }
        if (!sd.getType().equals(r.fhirType())) {
          error(path + ".meta.profile", "profile " + url + " is for " + sd.getType());
          continue;
        }
        constraints(r, sd.getSnapshot().getElementFirstRep(), path);
        node(r, sd.getType(), sd, path);
      }
      current = outer;
    }

    private void node(Base node, String edId, StructureDefinition sd, String path) {
      List<ElementDefinition> kids = index(sd).get(edId);
      if (kids == null) {
        return;
      }
      Map<String, List<ElementDefinition>> slices = new HashMap<>();
      for (ElementDefinition ed : kids) {
        if (ed.hasSliceName()) {
          String field = ed.getId().substring(edId.length() + 1, ed.getId().lastIndexOf(':'));
          slices.computeIfAbsent(field, k -> new ArrayList<>()).add(ed);
        }
      }
      for (ElementDefinition ed : kids) {
        if (ed.hasSliceName() || isSystemType(ed)) {
          continue;
        }
        String field = ed.getId().substring(edId.length() + 1);
        String name = field.endsWith("[x]") ? field.substring(0, field.length() - 3) : field;
        Base[] values;
        try {
          values = node.listChildrenByName(name).toArray(new Base[0]);
        } catch (RuntimeException e) {
          continue;
        }
        cardinality(ed, values.length, path + "." + name, "");
        List<Base> unsliced = new ArrayList<>(List.of(values));
        List<ElementDefinition> sliceList = slices.getOrDefault(field, List.of());
        for (ElementDefinition slice : sliceList) {
          String sliceUrl = sliceUrl(sd, slice);
          List<Base> in = new ArrayList<>();
          unsliced.removeIf(
              v -> {
                boolean match =
                    v instanceof Extension x && sliceUrl != null && sliceUrl.equals(x.getUrl());
                if (match) {
                  in.add(v);
                }
                return match;
              });
          cardinality(slice, in.size(), path + "." + name, " (slice " + slice.getSliceName() + ")");
          for (Base v : in) {
            value(v, slice, slice.getId(), sd, path + "." + name + indexOf(values, v));
          }
        }
        if (!sliceList.isEmpty()
            && ed.getSlicing().getRules() == ElementDefinition.SlicingRules.CLOSED
            && !unsliced.isEmpty()) {
          error(path + "." + name, "an element outside the closed slices of " + sd.getUrl());
        }
        for (Base v : unsliced) {
          value(v, ed, ed.getId(), sd, path + "." + name + indexOf(values, v));
        }
      }
    }

    private String indexOf(Base[] values, Base v) {
      if (values.length == 1) {
        return "";
      }
      for (int i = 0; i < values.length; i++) {
        if (values[i] == v) {
          return "[" + i + "]";
        }
      }
      return "";
    }

    private String sliceUrl(StructureDefinition sd, ElementDefinition slice) {
      List<ElementDefinition> kids = index(sd).get(slice.getId());
      if (kids != null) {
        for (ElementDefinition k : kids) {
          if (k.getPath().endsWith(".url") && k.hasFixed()) {
            return k.getFixed().primitiveValue();
          }
        }
      }
      if (slice.hasType() && slice.getTypeFirstRep().hasProfile()) {
        return slice.getTypeFirstRep().getProfile().get(0).getValue();
      }
      return null;
    }

    private void cardinality(ElementDefinition ed, int count, String path, String what) {
      if (count < ed.getMin()) {
        error(path, "needs at least " + ed.getMin() + what + ", has " + count);
      }
      String max = ed.getMax();
      if (max != null && !max.equals("*") && count > Integer.parseInt(max)) {
        error(path, "allows at most " + max + what + ", has " + count);
      }
    }

    private void value(
        Base v, ElementDefinition ed, String edId, StructureDefinition sd, String path) {
      if (ed.hasFixed() && !Patterns.equal(ed.getFixed(), v)) {
        error(path, "differs from the value fixed by " + sd.getUrl());
      }
      if (ed.hasPattern() && !Patterns.matches(ed.getPattern(), v)) {
        error(path, "does not match the pattern of " + sd.getUrl());
      }
      constraints(v, ed, path);
      if (ed.hasBinding() && ed.getBinding().getStrength() == BindingStrength.REQUIRED) {
        bindings.check(v, ed.getBinding().getValueSet(), path).ifPresent(m -> error(path, m));
      }
      if (v instanceof Reference ref) {
        targets(ref, ed, path);
      }
      String childId = ed.hasContentReference() ? ed.getContentReference().substring(1) : edId;
      if (index(sd).containsKey(childId)) {
        node(v, childId, sd, path);
      } else if (v instanceof Resource r) {
        resource(r, path);
      } else if (v instanceof Extension x) {
        StructureDefinition xsd = profiles.structure(x.getUrl());
        if (xsd == null || !xsd.hasSnapshot()) {
          error(path, "unknown extension " + x.getUrl());
        } else {
          node(v, "Extension", xsd, path);
        }
      } else {
        StructureDefinition type = profiles.structure(BASE + v.fhirType());
        if (type != null
            && type.hasSnapshot()
            && (!v.isPrimitive()
                || (v instanceof org.hl7.fhir.r4.model.Element el && el.hasExtension()))) {
          node(v, type.getType(), type, path);
        }
      }
    }

    private void constraints(Base v, ElementDefinition ed, String path) {
      for (ElementDefinition.ElementDefinitionConstraintComponent c : ed.getConstraint()) {
        if (c.getSeverity() != ElementDefinition.ConstraintSeverity.ERROR || !c.hasExpression()) {
          continue;
        }
        boolean ok;
        try {
          ExpressionNode expr = expressions.computeIfAbsent(c.getExpression(), fhirPath::parse);
          ok = fhirPath.evaluateToBoolean(null, current, root, v, expr);
        } catch (RuntimeException e) {
          error(path, "invariant " + c.getKey() + " could not be evaluated");
          continue;
        }
        if (!ok) {
          error(path, "invariant " + c.getKey() + " fails: " + c.getHuman());
        }
      }
    }

    private void targets(Reference ref, ElementDefinition ed, String path) {
      List<String> allowed = new ArrayList<>();
      for (ElementDefinition.TypeRefComponent t : ed.getType()) {
        if ("Reference".equals(t.getCode())) {
          t.getTargetProfile().forEach(p -> allowed.add(p.getValue()));
        }
      }
      if (allowed.isEmpty() || allowed.contains(BASE + "Resource")) {
        return;
      }
      List<String> types = allowed.stream().map(a -> a.substring(a.lastIndexOf('/') + 1)).toList();
      Resource target = ref.hasReference() ? byFullUrl.get(ref.getReference()) : null;
      if (target != null && !types.contains(target.fhirType())) {
        error(path, "refers to a " + target.fhirType() + "; allowed: " + types);
      }
      if (ref.hasType() && !types.contains(ref.getType())) {
        error(path + ".type", "a reference to " + ref.getType() + "; allowed: " + types);
      }
    }
  }

  private static boolean isSystemType(ElementDefinition ed) {
    return ed.hasType()
        && ed.getTypeFirstRep().getCode() != null
        && ed.getTypeFirstRep().getCode().startsWith("http://hl7.org/fhirpath/");
  }
}
