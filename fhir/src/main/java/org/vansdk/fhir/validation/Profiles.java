package org.vansdk.fhir.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.conformance.ProfileUtilities;
import org.hl7.fhir.r4.hapi.ctx.HapiWorkerContext;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.utilities.validation.ValidationMessage;

/**
 * The StructureDefinitions a Bundle is checked against: base R4 (from HAPI's validation resources)
 * and ours (shipped as differentials in this package, their snapshots generated here at load), with
 * the code systems and value sets of base R4. Built once; immutable afterwards and thread-safe.
 */
final class Profiles {
  /** Our profiles and extensions, shipped as resources next to this class. */
  static final List<String> OURS =
      List.of(
          "van-patient",
          "van-consent",
          "van-service-request",
          "van-task",
          "van-organization",
          "van-healthcare-service",
          "van-location",
          "van-language",
          "van-do-not-contact",
          "van-status-history");

  private final DefaultProfileValidationSupport base;
  private final HapiWorkerContext worker;
  private final Map<String, StructureDefinition> ours = new HashMap<>();

  Profiles(FhirContext context) {
    this.base = new DefaultProfileValidationSupport(context);
    this.worker = new HapiWorkerContext(context, base);
    List<ValidationMessage> messages = new ArrayList<>();
    ProfileUtilities snapshots = new ProfileUtilities(worker, messages, null);
    for (String name : OURS) {
      StructureDefinition sd = read(context, name);
      StructureDefinition parent = structure(sd.getBaseDefinition());
      if (parent == null) {
        throw new IllegalStateException(name + ": base " + sd.getBaseDefinition() + " not found");
      }
      snapshots.generateSnapshot(parent, sd, sd.getUrl(), "https://vansdk.org/fhir", sd.getName());
      for (ValidationMessage m : messages) {
        if (m.getLevel() == ValidationMessage.IssueSeverity.ERROR
            || m.getLevel() == ValidationMessage.IssueSeverity.FATAL) {
          throw new IllegalStateException(name + ": snapshot: " + m.getMessage());
        }
      }
      messages.clear();
      ours.put(sd.getUrl(), sd);
    }
  }

  private static StructureDefinition read(FhirContext context, String name) {
    try (InputStream in = Profiles.class.getResourceAsStream(name + ".json")) {
      if (in == null) {
        throw new IllegalStateException("profile " + name + " is not shipped");
      }
      return context
          .newJsonParser()
          .parseResource(
              StructureDefinition.class, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  HapiWorkerContext worker() {
    return worker;
  }

  /** A StructureDefinition by canonical URL (ours or base R4), or null. */
  StructureDefinition structure(String url) {
    StructureDefinition sd = ours.get(url);
    return sd != null ? sd : (StructureDefinition) base.fetchStructureDefinition(url);
  }

  /** True when the URL is one of our profiles or extensions. */
  boolean isOurs(String url) {
    return ours.containsKey(url);
  }

  ValueSet valueSet(String url) {
    return (ValueSet) base.fetchValueSet(url);
  }

  CodeSystem codeSystem(String url) {
    return (CodeSystem) base.fetchCodeSystem(url);
  }
}
