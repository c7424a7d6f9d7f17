package org.vansdk.testkit.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class CountryProfileTest {
  static final java.util.List<String> COUNTRIES = CountryProfile.COUNTRIES;
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  @ParameterizedTest
  @FieldSource("COUNTRIES")
  void load_bundledProfile_isComplete(String country) {
    CountryProfile p = CountryProfile.load(country);
    assertEquals(country, p.country());
    assertEquals(1979, p.incidentYears().first());
    assertEquals(2025, p.incidentYears().last());
    for (Attribute a : Attribute.values()) {
      Distribution d = p.distribution(a);
      assertTrue(p.sources().containsKey(d.source()), country + " " + a);
      for (int year = 1979; year <= 2025; year++) {
        Shares s = d.in(year);
        double sum = s.asMap().values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(1.0, sum, 0.001, country + " " + a + " " + year);
      }
    }
    double yearShares = 0;
    for (int y = 1979; y <= 2025; y++) {
      yearShares += p.incidentYears().share(y);
    }
    assertEquals(1.0, yearShares, 1e-9);
    assertFalse(p.adminAreas().level1().isEmpty());
    for (Level1Area area : p.adminAreas().level1()) {
      assertTrue(p.adminAreas().level1Pattern().matcher(area.pCode()).matches(), area.pCode());
    }
    assertSame(p, CountryProfile.load(country), "cached");
  }

  @Test
  void cambodia_followsPublishedCumulativeFigures() {
    CountryProfile khm = CountryProfile.load("KHM");
    // Weighted over incident years, the era shares give back the CMAA cumulative mix (cmaa-2020).
    double men = weighted(khm, Attribute.LANDMINE_MONITOR_GROUP, "man");
    double mines =
        weighted(khm, Attribute.DEVICE_CATEGORY, "antipersonnel_mine")
            + weighted(khm, Attribute.DEVICE_CATEGORY, "antivehicle_mine")
            + weighted(khm, Attribute.DEVICE_CATEGORY, "unspecified_mine")
            + weighted(khm, Attribute.DEVICE_CATEGORY, "improvised_mine");
    assertEquals(0.81, men, 0.01);
    assertEquals(0.79, mines, 0.015);
    assertEquals(25, khm.adminAreas().level1().size());
    assertEquals(77, CountryProfile.load("THA").adminAreas().level1().size());
    assertEquals(63, CountryProfile.load("VNM").adminAreas().level1().size());
  }

  private static double weighted(CountryProfile p, Attribute a, String code) {
    double total = 0;
    for (int y = p.incidentYears().first(); y <= p.incidentYears().last(); y++) {
      total += p.incidentYears().share(y) * p.distribution(a).in(y).share(code);
    }
    return total;
  }

  @Test
  void lowerLevels_buildCodesInTheCountrysShape() {
    AdminAreas khm = CountryProfile.load("KHM").adminAreas();
    assertEquals("KH0203", khm.level2().code("KH02", "KH02", 1, 3));
    assertEquals("KH020305", khm.level3().code("KH02", "KH0203", 3, 5));
    AdminAreas mmr = CountryProfile.load("MMR").adminAreas();
    assertEquals("MMR003D002", mmr.level2().code("MMR003", "MMR003", 1, 2));
    assertEquals("MMR003007", mmr.level3().code("MMR003", "MMR003D002", 2, 3));
    AdminAreas vnm = CountryProfile.load("VNM").adminAreas();
    assertEquals("VN45008", vnm.level2().code("VN45", "VN45", 1, 8));
    assertEquals("VN4500800006", vnm.level3().code("VN45", "VN45008", 8, 6));
  }

  @Test
  void parse_badCodeTemplate_isRejected() {
    assertRejected(
        root -> ((ObjectNode) root.get("adminAreas").get("level2")).put("code", "{parent}-{nn}"),
        "/adminAreas/level2/code: must look like {parent}{nn}");
  }

  @Test
  void load_unknownCountry_listsAvailable() {
    ProfileException e = assertThrows(ProfileException.class, () -> CountryProfile.load("FRA"));
    assertTrue(e.getMessage().contains("available: KHM, LAO, MMR, THA, VNM"), e.getMessage());
  }

  @Test
  void shares_pick_followsCumulativeOrder() {
    Shares s = CountryProfile.load("KHM").distribution(Attribute.OUTCOME).in(2000);
    assertEquals("killed", s.code(s.pick(0.0)));
    assertEquals("injured", s.code(s.pick(0.5)));
    assertEquals("injured", s.code(s.pick(0.999999)), "zero-share unknown never picked");
  }

  @Test
  void parse_unknownProperty_isRejectedWithPointer() {
    assertRejected(
        root -> ((ObjectNode) root.get("outcome")).put("colour", "red"),
        "/outcome/colour: is not a known property");
  }

  @Test
  void parse_sharesNotSummingToOne_isRejected() {
    assertRejected(
        root -> shares(root, "outcome", 0).put("killed", 0.5),
        "/outcome/eras/0/shares: shares sum to 1.1950");
  }

  @Test
  void parse_unknownCode_listsAllowedCodes() {
    assertRejected(
        root -> shares(root, "civilianStatus", 0).put("tourist", 0.0),
        "/civilianStatus/eras/0/shares/tourist: is not an allowed code; allowed: [civilian");
  }

  @Test
  void parse_eraGap_isRejected() {
    assertRejected(
        root -> ((ObjectNode) root.get("deviceCategory").get("eras").get(1)).put("from", 2001),
        "/deviceCategory/eras/1/from: is 2001; eras must cover the incident years 1979-2025");
  }

  @Test
  void parse_undeclaredSource_isRejected() {
    assertRejected(
        root -> ((ObjectNode) root.get("outcome")).put("source", "rumour"),
        "/outcome/source: refers to source 'rumour' which is not declared");
  }

  @Test
  void parse_pCodeNotInGazetteer_isRejected() {
    assertRejected(
        root -> ((ObjectNode) root.get("adminAreas").get("level1").get(0)).put("pcode", "KH99"),
        "/adminAreas/level1/0/pcode: 'KH99' is not a level-1 area of KHM in core's Gazetteer");
  }

  @Test
  void parse_unknownLevel1Names_isRejected() {
    assertRejected(
        root -> ((ObjectNode) root.get("adminAreas")).put("level1Names", "local"),
        "/adminAreas/level1Names: is not an allowed value; allowed: [english, national]");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"KHM", "LAO", "MMR", "THA", "VNM"})
  void level1Names_comeFromTheGazetteer(String country) {
    CountryProfile p = CountryProfile.load(country);
    for (Level1Area area : p.adminAreas().level1()) {
      org.vansdk.core.place.GazetteerArea g =
          org.vansdk.core.place.Gazetteer.level1(area.pCode()).orElseThrow();
      assertEquals(
          country.equals("VNM") ? g.nationalName() : g.englishName(), area.name(), area.pCode());
    }
    assertEquals(
        org.vansdk.core.place.Gazetteer.level1(org.vansdk.core.place.CountryCode.parse(country))
            .size(),
        p.adminAreas().level1().size());
  }

  @Test
  void parse_badPCode_isRejected() {
    assertRejected(
        root -> ((ObjectNode) root.get("adminAreas").get("level1").get(0)).put("pcode", "KH1"),
        "/adminAreas/level1/0/pcode: 'KH1' does not match KH\\d{2}");
  }

  @Test
  void parse_missingProperty_isRejected() {
    assertRejected(root -> ((ObjectNode) root).remove("careFlow"), "/careFlow: is required");
  }

  @Test
  void parse_duplicateKey_isRejected() {
    String json = "{\"profileFormat\": 1, \"profileFormat\": 1}";
    ProfileException e =
        assertThrows(ProfileException.class, () -> CountryProfile.parse(stream(json), "dup.json"));
    assertTrue(e.getMessage().startsWith("VAN-T-0001: dup.json: "), e.getMessage());
    assertTrue(e.getMessage().contains("duplicate property"), e.getMessage());
    assertTrue(e.getMessage().contains("(line 1, column "), e.getMessage());
  }

  @Test
  void parse_emptyOrganisationList_isRejected() {
    assertRejected(
        root -> ((ArrayNode) root.get("organisations")).removeAll(),
        "/organisations: must include at least one organisation offering a service type");
  }

  private static ObjectNode shares(JsonNode root, String attribute, int era) {
    return (ObjectNode) root.get(attribute).get("eras").get(era).get("shares");
  }

  private static void assertRejected(Consumer<JsonNode> mutation, String expected) {
    JsonNode root;
    try (InputStream in = CountryProfile.class.getResourceAsStream("KHM.json")) {
      root = MAPPER.readTree(in);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    mutation.accept(root);
    String json = MAPPER.writeValueAsString(root);
    ProfileException e =
        assertThrows(ProfileException.class, () -> CountryProfile.parse(stream(json), "KHM.json"));
    assertTrue(
        e.getMessage().startsWith("VAN-T-0001: KHM.json: " + expected),
        "expected '" + expected + "' in: " + e.getMessage());
  }

  private static InputStream stream(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }
}
