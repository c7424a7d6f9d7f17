package org.vansdk.exchange.hsds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.networknt.schema.Schema;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.vansdk.core.directory.OrganisationType;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.submission.Submission;
import org.vansdk.exchange.Golden;
import org.vansdk.testkit.gen.SampleRecords;
import org.vansdk.testkit.gen.VanGen;
import org.vansdk.testkit.junit.SeedSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class HsdsExportTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final AtomicInteger VALIDATED = new AtomicInteger();
  private static Optional<Path> folder;
  private static Schema organization;
  private static Schema service;
  private static Schema serviceAtLocation;
  private static Schema taxonomyTerm;

  @BeforeAll
  static void schemas() throws Exception {
    folder = HsdsConformance.folder();
    if (folder.isPresent()) {
      organization = HsdsConformance.schema(folder.get(), "schema/compiled/organization.json");
      service = HsdsConformance.schema(folder.get(), "schema/compiled/service.json");
      serviceAtLocation =
          HsdsConformance.schema(folder.get(), "schema/compiled/service_at_location.json");
      taxonomyTerm = HsdsConformance.schema(folder.get(), "schema/taxonomy_term.json");
    }
  }

  @AfterAll
  static void report() {
    System.out.println("HSDS documents validated under the official schemas: " + VALIDATED.get());
  }

  static HsdsDirectory export(Submission s) {
    return HsdsExporter.export(s.organisations(), s.services(), s.serviceLocations());
  }

  static HsdsImport reimport(HsdsDirectory d) {
    HsdsImportOptions options =
        HsdsImportOptions.builder()
            .country(CountryCode.KHM)
            .organisationCode("IMPORT")
            .organisationType(OrganisationType.NATIONAL_NGO)
            .build();
    return HsdsImporter.of(options)
        .read(
            JSON.valueToTree(d.organizations()),
            JSON.valueToTree(d.services()),
            JSON.valueToTree(d.serviceAtLocations()));
  }

  @ParameterizedTest(name = "seed {0}")
  @SeedSource(60)
  void export_ofEveryDirectory_isValidUnderTheOfficialSchemas(long seed) {
    assumeTrue(folder.isPresent(), HsdsConformance.MISSING);
    HsdsDirectory d = export(VanGen.submission(seed));
    assertFalse(d.services().isEmpty(), "seed " + seed + ": the testkit directory has services");
    check(organization, d.organizations(), seed);
    check(service, d.services(), seed);
    check(serviceAtLocation, d.serviceAtLocations(), seed);
    check(taxonomyTerm, d.taxonomyTerms(), seed);
  }

  private static void check(Schema schema, List<ObjectNode> documents, long seed) {
    for (ObjectNode n : documents) {
      assertEquals("", HsdsConformance.errors(schema, n), "seed " + seed + ": " + n.get("id"));
      VALIDATED.incrementAndGet();
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @SeedSource(60)
  void exportThenImport_givesTheSameRecords(long seed) {
    Submission s = VanGen.submission(seed);
    HsdsImport back = reimport(export(s));
    assertEquals(List.of(), back.issues(), "seed " + seed);
    assertEquals(s.organisations(), back.organisations(), "seed " + seed);
    assertEquals(s.services(), back.services(), "seed " + seed);
    assertEquals(s.serviceLocations(), back.serviceLocations(), "seed " + seed);
  }

  @Test
  void officialSchemas_rejectWhatHsdsDoesNotAllow() {
    assumeTrue(folder.isPresent(), HsdsConformance.MISSING);
    ObjectNode s = export(VanGen.submission(5)).services().get(0);
    s.put("status", "temporarily_closed");
    s.put("id", "KHM-HI-S01");
    String errors = HsdsConformance.errors(service, s);
    assertTrue(errors.contains("/status") && errors.contains("/id"), errors);
  }

  @Test
  void ids_areNameBasedUuidsOfOurIds_sameEveryExport() {
    // RFC 9562 name-based (SHA-1) vector: uuid5(NAMESPACE_DNS, "python.org")
    assertEquals(
        UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"),
        HsdsIds.v5(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org"));
    Submission s = VanGen.submission(3);
    assertEquals(export(s).json("services.json"), export(s).json("services.json"));
    String id = export(s).services().get(0).get("id").asString();
    assertEquals(5, UUID.fromString(id).version());
    assertEquals(HsdsExporter.serviceId(s.services().get(0).id().value()), id);
  }

  @Test
  void sampleDirectory_matchesGoldenFiles() throws Exception {
    HsdsDirectory d =
        HsdsExporter.export(
            List.of(SampleRecords.organisation()),
            List.of(SampleRecords.service()),
            List.of(SampleRecords.serviceLocation()));
    for (String f : HsdsDirectory.FILES) {
      Golden.assertMatches("hsds/" + f, d.json(f));
    }
    JsonNode service = d.services().get(0);
    assertEquals(0, service.get("minimum_age").asInt());
    assertEquals(120, service.get("maximum_age").asInt());
    assertEquals("Free of charge", service.get("fees_description").asString());
    assertTrue(
        d.taxonomyTerms().stream().anyMatch(t -> t.get("code").asString().equals("prosthesis")));
  }
}
