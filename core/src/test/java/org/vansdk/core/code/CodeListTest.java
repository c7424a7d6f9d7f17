package org.vansdk.core.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.casualty.Outcome;
import org.vansdk.core.need.Pillar;
import org.vansdk.core.need.ServiceType;

class CodeListTest {
  /** Every code-list enum of core, found by scanning the compiled classes. */
  static List<Class<?>> codeLists() throws IOException, URISyntaxException {
    Path root =
        Paths.get(CodeValue.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p :
          files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList())) {
        String name = root.relativize(p).toString().replace('/', '.').replace(".class", "");
        if (name.contains("$") || name.endsWith("module-info") || name.endsWith("package-info")) {
          continue;
        }
        try {
          Class<?> c = Class.forName(name);
          if (c.isEnum() && CodeValue.class.isAssignableFrom(c)) {
            found.add(c);
          }
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return found;
  }

  @Test
  void thereAreAllTheCodeLists() throws Exception {
    assertEquals(40, codeLists().size(), codeLists().toString());
  }

  @TestFactory
  Stream<DynamicTest> everyCode_isLowerSnake_roundTrips_andHasLabelsInEveryLanguage()
      throws Exception {
    return codeLists().stream()
        .map(
            type ->
                DynamicTest.dynamicTest(
                    type.getSimpleName(),
                    () -> {
                      for (Object constant : type.getEnumConstants()) {
                        CodeValue v = (CodeValue) constant;
                        assertTrue(v.code().matches("[a-z][a-z0-9_]*"), v.code());
                        Object back =
                            type.getMethod("fromCode", String.class).invoke(null, v.code());
                        assertEquals(constant, back);
                        for (LabelLanguage lang : LabelLanguage.values()) {
                          assertTrue(
                              Labels.hasLabel(v, lang),
                              type.getSimpleName() + "." + v.code() + " has no " + lang + " label");
                          assertFalse(v.label(lang).isBlank());
                        }
                      }
                    }));
  }

  @Test
  void unknownCode_failsListingAllowed() {
    VanException e = assertThrows(VanException.class, () -> Outcome.fromCode("wounded"));
    assertEquals(ErrorCode.UNKNOWN_CODE, e.code());
    assertEquals(
        "VAN-C-0001: 'wounded' is not a Outcome code; allowed: killed, injured, unknown",
        e.getMessage());
  }

  @Test
  void translations_declareTheirReviewStatus_honestly() {
    assertEquals(ReviewStatus.SOURCE, Labels.reviewStatus(LabelLanguage.EN));
    for (LabelLanguage lang : LabelLanguage.values()) {
      if (lang != LabelLanguage.EN) {
        assertEquals(ReviewStatus.MACHINE_DRAFTED, Labels.reviewStatus(lang), lang.tag());
        assertFalse(
            Outcome.KILLED.label(lang).equals(Outcome.KILLED.label(LabelLanguage.EN)),
            lang + " label is just the English one");
      }
    }
  }

  @Test
  void serviceTypes_knowTheirPillar_andEveryPillarHasTypes() {
    assertEquals(Pillar.REHABILITATION, ServiceType.PROSTHESIS.pillar());
    assertEquals(Pillar.SOCIOECONOMIC_INCLUSION, ServiceType.MICRO_LOAN.pillar());
    for (Pillar p : Pillar.values()) {
      assertTrue(Stream.of(ServiceType.values()).anyMatch(t -> t.pillar() == p), p.code());
    }
    assertEquals(32, ServiceType.values().length);
  }
}
