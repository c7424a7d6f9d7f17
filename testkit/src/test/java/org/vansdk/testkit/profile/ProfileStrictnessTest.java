package org.vansdk.testkit.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.vansdk.core.json.VanJson;
import org.vansdk.testkit.corpus.Misspellings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The profile reader is strict: a misspelling of every key found in any bundled profile, and a
 * wrong value in every place that holds a code, is an error with its JSON Pointer.
 */
class ProfileStrictnessTest {

  static String bundled(String country) {
    try (InputStream in = CountryProfile.class.getResourceAsStream(country + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static ProfileException refused(String json) {
    return assertThrows(
        ProfileException.class,
        () ->
            CountryProfile.parse(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json"));
  }

  /** The pointer with array indices and source identifiers generalised, to test each key once. */
  static String shape(String pointer) {
    return pointer.replaceAll("/\\d+(?=/|$)", "/*").replaceFirst("^/sources/[^/]+", "/sources/*");
  }

  @TestFactory
  Stream<DynamicTest> everyMisspeltKey_refusedAtItsPointer() {
    Map<String, Misspellings.Case> cases = new LinkedHashMap<>();
    Map<String, String> documents = new LinkedHashMap<>();
    for (String country : CountryProfile.COUNTRIES) {
      String text = bundled(country);
      JsonNode doc = VanJson.strict().readTree(text.getBytes(StandardCharsets.UTF_8));
      for (Misspellings.Case c : Misspellings.everyKey(doc)) {
        String key = shape(parent(c.pointer())) + "/" + c.correct() + " -> " + c.pointer();
        if (cases.putIfAbsent(shape(key), c) == null) {
          documents.put(shape(key), text);
        }
      }
    }
    assertTrue(cases.size() > 500, "misspellings made: " + cases.size());
    return cases.values().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.toString(),
                    () -> {
                      if (parent(c.pointer()).equals("/sources")) {
                        // A source id is the profile's own name: misspelt, its references break;
                        // a source cited only in prose is referenced by no "source" property.
                        if (c.document().contains("\"source\":\"" + c.correct() + "\"")) {
                          ProfileException e = refused(c.document());
                          assertTrue(e.getMessage().contains("is not declared"), e.getMessage());
                        } else {
                          CountryProfile.parse(
                              new ByteArrayInputStream(
                                  c.document().getBytes(StandardCharsets.UTF_8)),
                              "test.json");
                        }
                        return;
                      }
                      ProfileException e = refused(c.document());
                      String correct = parent(c.pointer()) + "/" + c.correct();
                      if (e.pointer().equals(correct)) {
                        assertTrue(e.getMessage().contains("is required"), e.getMessage());
                      } else {
                        assertEquals(c.pointer(), e.pointer(), e.getMessage());
                        assertTrue(e.getMessage().contains(c.pointer()), e.getMessage());
                      }
                    }));
  }

  /** Every place of KHM.json that holds a code out of a fixed list, with its value there. */
  static final String[] CODE_PLACES = {
    "/organisations/0/type", "/organisations/1/serviceTypes/0",
  };

  @TestFactory
  Stream<DynamicTest> everyMisspeltCode_refusedAtItsPointer() {
    String khm = bundled("KHM");
    JsonNode doc = VanJson.strict().readTree(khm.getBytes(StandardCharsets.UTF_8));
    List<DynamicTest> tests = new ArrayList<>();
    for (String place : CODE_PLACES) {
      String value = doc.at(place).stringValue();
      List<String> wrong = new ArrayList<>(Misspellings.of(value));
      wrong.add(value.toUpperCase(java.util.Locale.ROOT));
      for (String w : wrong) {
        tests.add(
            DynamicTest.dynamicTest(
                place + " = " + w,
                () -> assertEquals(place, refused(with(khm, place, "\"" + w + "\"")).pointer())));
      }
      tests.add(
          DynamicTest.dynamicTest(
              place + " = 1", () -> assertEquals(place, refused(with(khm, place, "1")).pointer())));
    }
    return tests.stream();
  }

  @Test
  void malformedOrHugeNumbers_locatedWithoutLibraryText() {
    String khm = bundled("KHM");
    ProfileException cut = refused(khm.substring(0, khm.length() / 2));
    assertTrue(cut.getMessage().contains("(line "), cut.getMessage());
    assertFalse(cut.getMessage().contains("#UNKNOWN"), cut.getMessage());
    assertFalse(cut.getMessage().contains("[Source"), cut.getMessage());
    ProfileException huge =
        refused(khm.replace("\"profileFormat\": 1", "\"profileFormat\": 1e2147483648"));
    assertFalse(huge.getMessage().contains("2147483648"), huge.getMessage());
    assertEquals("/profileFormat", refused(with(khm, "/profileFormat", "1e20")).pointer());
    assertEquals(
        "/adminAreas/level1Pattern",
        refused(with(khm, "/adminAreas/level1Pattern", "\"" + "(a|a)*".repeat(30) + "\""))
            .pointer());
  }

  static String parent(String pointer) {
    return pointer.substring(0, pointer.lastIndexOf('/'));
  }

  static String with(String json, String pointer, String value) {
    JsonNode doc = VanJson.strict().readTree(json.getBytes(StandardCharsets.UTF_8));
    JsonNode parent = doc.at(parent(pointer));
    JsonNode replacement = VanJson.strict().readTree(value.getBytes(StandardCharsets.UTF_8));
    String last = pointer.substring(pointer.lastIndexOf('/') + 1);
    if (parent.isArray()) {
      ((tools.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last), replacement);
    } else {
      ((ObjectNode) parent).set(last, replacement);
    }
    return doc.toString();
  }
}
