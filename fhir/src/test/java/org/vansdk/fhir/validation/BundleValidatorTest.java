package org.vansdk.fhir.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** The validator finds what breaks our profiles and base R4, with the FHIR path. */
class BundleValidatorTest {
  private static Task task() {
    Task t = new Task();
    t.getMeta().addProfile("https://vansdk.org/fhir/StructureDefinition/van-task");
    t.addIdentifier().setSystem("https://vansdk.org/fhir/id/attempt").setValue("KHM-HI-A1");
    t.setStatus(Task.TaskStatus.REJECTED);
    t.setIntent(Task.TaskIntent.PLAN);
    t.getCode()
        .addCoding()
        .setSystem("http://hl7.org/fhir/CodeSystem/task-code")
        .setCode("fulfill");
    t.setFor(new Reference().setDisplay("x"));
    t.setAuthoredOn(new java.util.Date(0));
    t.setRequester(new Reference().setType("Patient").setDisplay("x"));
    t.addInput().getType().setText("x");
    t.addExtension("https://example.org/unknown", new org.hl7.fhir.r4.model.StringType("x"));
    return t;
  }

  private static void has(List<BundleValidator.Problem> problems, String path, String text) {
    assertTrue(
        problems.stream().anyMatch(p -> p.path().startsWith(path) && p.message().contains(text)),
        "expected " + path + " / " + text + " in " + problems);
  }

  @Test
  void brokenTask_everyRuleReported() {
    Bundle b = new Bundle().setType(Bundle.BundleType.COLLECTION);
    b.addEntry().setFullUrl("urn:uuid:0b4c5f1e-0000-3000-8000-000000000001").setResource(task());
    List<BundleValidator.Problem> p = BundleValidator.shared().validate(b);
    has(p, "Bundle.entry.resource.focus", "at least 1");
    has(p, "Bundle.entry.resource.owner", "at least 1");
    has(p, "Bundle.entry.resource.intent", "fixed");
    has(p, "Bundle.entry.resource", "van-task-1");
    has(p, "Bundle.entry.resource.requester.type", "allowed: [Organization]");
    has(p, "Bundle.entry.resource.extension", "unknown extension");
    has(p, "Bundle.entry.resource.input.value", "at least 1");
  }

  @Test
  void baseInvariant_bundleTransactionWithoutRequest() {
    Bundle b = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    b.addEntry().setResource(new org.hl7.fhir.r4.model.Basic());
    has(BundleValidator.shared().validate(b), "Bundle", "bdl-3");
  }
}
