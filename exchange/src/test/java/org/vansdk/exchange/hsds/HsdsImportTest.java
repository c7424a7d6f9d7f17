package org.vansdk.exchange.hsds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vansdk.core.directory.OrganisationType;
import org.vansdk.core.directory.Service;
import org.vansdk.core.directory.ServiceStatus;
import org.vansdk.core.need.ServiceType;
import org.vansdk.core.place.CountryCode;
import org.vansdk.exchange.ExchangeException;
import org.vansdk.exchange.hsds.HsdsImport.Issue;
import org.vansdk.exchange.hsds.HsdsImport.Severity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Import of another network's directory, on the HSDS specification's own examples. */
class HsdsImportTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HsdsImporter IMPORTER =
      HsdsImporter.of(
          HsdsImportOptions.builder()
              .country(CountryCode.KHM)
              .organisationCode("OR")
              .organisationType(OrganisationType.NATIONAL_NGO)
              .putServiceTypes("code", ServiceType.COUNSELLING)
              .build());

  private static JsonNode example(String name) throws Exception {
    Optional<Path> folder = HsdsConformance.folder();
    assumeTrue(folder.isPresent(), HsdsConformance.MISSING);
    return JSON.readTree(folder.get().resolve("examples").resolve(name).toFile());
  }

  @Test
  void specExample_serviceFull_becomesOurRecords() throws Exception {
    JsonNode full = example("service_full.json");
    HsdsImport result = IMPORTER.read(JSON.createArrayNode(), full, JSON.createArrayNode());

    assertFalse(result.hasErrors(), result.issues().toString());
    assertEquals(1, result.organisations().size());
    assertEquals(1, result.services().size());
    assertEquals(1, result.serviceLocations().size());
    Service s = result.services().get(0);
    assertEquals("KHM-OR-ac148810-d857-441c-9679-408f346de14b", s.id().value());
    assertEquals(result.organisations().get(0).id(), s.organisationId());
    assertEquals(ServiceStatus.ACTIVE, s.status());
    assertEquals(java.util.List.of(ServiceType.COUNSELLING), s.serviceTypes());
    assertEquals(Optional.of(12), s.eligibility().flatMap(e -> e.minAge()));
    assertEquals(Optional.of(100), s.eligibility().flatMap(e -> e.maxAge()));
    assertEquals(java.util.List.of("ur"), s.languages());
    assertEquals(s.id(), result.serviceLocations().get(0).serviceId());
    // the example's latitude (100) is outside WGS84: the location is kept without its point
    assertTrue(result.serviceLocations().get(0).location().point().isEmpty());
    assertTrue(
        result
            .issues()
            .contains(
                new Issue(
                    "/services/service_at_locations/0/location/latitude",
                    Severity.NOT_IMPORTED,
                    result.issues().stream()
                        .filter(i -> i.pointer().endsWith("/latitude"))
                        .findFirst()
                        .orElseThrow()
                        .message())));
    assertTrue(
        result.issues().stream()
            .anyMatch(
                i ->
                    i.pointer().equals("/services/phones")
                        && i.severity() == Severity.NOT_IMPORTED),
        result.issues().toString());
  }

  @Test
  void specExample_base_isAnHsds3Root() throws Exception {
    assertEquals("3.0", HsdsImporter.version(example("base.json")));
    ObjectNode old = JSON.createObjectNode().put("version", "2.0");
    ExchangeException e = assertThrows(ExchangeException.class, () -> HsdsImporter.version(old));
    assertTrue(e.getMessage().contains("/version"), e.getMessage());
  }

  @Test
  void unknownKey_isAnErrorAtItsPointer_andTheRecordIsLeftOut() throws Exception {
    ObjectNode service = (ObjectNode) example("service_full.json");
    service.put("colour", "blue");
    HsdsImport result = IMPORTER.read(JSON.createArrayNode(), service, JSON.createArrayNode());
    assertTrue(result.hasErrors());
    assertEquals(0, result.services().size());
    assertTrue(
        result.issues().stream()
            .anyMatch(
                i -> i.pointer().equals("/services/colour") && i.severity() == Severity.ERROR),
        result.issues().toString());
  }

  @Test
  void serviceWithoutMappedTerm_isLeftOutWithAReason() throws Exception {
    HsdsImporter strict =
        HsdsImporter.of(
            HsdsImportOptions.builder()
                .country(CountryCode.LAO)
                .organisationCode("OR")
                .organisationType(OrganisationType.NATIONAL_NGO)
                .serviceTypes(Map.of())
                .build());
    HsdsImport result =
        strict.read(JSON.createArrayNode(), example("service_full.json"), JSON.createArrayNode());
    assertEquals(0, result.services().size());
    assertTrue(
        result.issues().stream()
            .anyMatch(
                i -> i.pointer().equals("/services/attributes") && i.severity() == Severity.ERROR),
        result.issues().toString());
  }
}
