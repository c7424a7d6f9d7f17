package org.vansdk.anonymisation.hierarchy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vansdk.anonymisation.AnonymisationException;

class HierarchyTest {
  /** An ARX-style file: age, band, child/adult, root; a blank line in the middle. */
  private static final String AGES =
      "0;0-9;child;*\n5;0-9;child;*\n12;10-17;child;*\n\n17;10-17;child;*\n18;18-29;adult;*\n"
          + "40;40-59;adult;*\n";

  private static Hierarchy ages() {
    return Hierarchy.parseCsv("age", AGES, ';');
  }

  @Test
  void levels_countTheValueItselfAndEveryGeneralisation() {
    Hierarchy h = ages();
    assertEquals("age", h.attribute());
    assertEquals(4, h.levels());
    assertEquals(6, h.leafCount());
    assertEquals(6, h.codeCount(0));
    assertEquals(4, h.codeCount(1));
    assertEquals(2, h.codeCount(2));
    assertEquals(1, h.codeCount(3));
    assertEquals("Hierarchy[age, 6 leaves, 4 levels]", h.toString());
  }

  @Test
  void codes_numberLeavesAndLabelsInRowOrder() {
    Hierarchy h = ages();
    String[] leaves = {"0", "5", "12", "17", "18", "40"};
    for (int i = 0; i < leaves.length; i++) {
      assertEquals(i, h.leaf(leaves[i]));
      assertEquals(OptionalInt.of(i), h.findLeaf(leaves[i]));
      assertEquals(leaves[i], h.label(0, i));
    }
    assertEquals(List.of("0-9", "10-17", "18-29", "40-59"), labels(h, 1));
    assertEquals(List.of("child", "adult"), labels(h, 2));
    assertEquals(List.of("*"), labels(h, 3));
    assertEquals(2, h.leavesUnder(1, 0));
    assertEquals(1, h.leavesUnder(1, 3));
    assertEquals(4, h.leavesUnder(2, 0));
    assertEquals(6, h.leavesUnder(3, 0));
  }

  @Test
  void generalise_givesTheTabledLabelOfEveryLeafAtEveryLevel() {
    Hierarchy h = ages();
    for (String line : AGES.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String[] row = line.split(";");
      for (int level = 0; level < row.length; level++) {
        assertEquals(row[level], h.generalise(row[0], level), line + " at level " + level);
      }
    }
  }

  @Test
  void mapping_composesLevelByLevel_andRefusesAFinerTarget() {
    Hierarchy h = ages();
    assertArrayEquals(new int[] {0, 0, 1, 1}, h.mapping(1, 2));
    assertArrayEquals(new int[] {0, 1, 2, 3}, h.mapping(1, 1));
    assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1}, h.mapping(0, 2));
    AnonymisationException e = assertThrows(AnonymisationException.class, () -> h.mapping(2, 1));
    assertEquals(AnonymisationException.INVALID_CONFIGURATION, e.code());
    assertTrue(e.getMessage().contains("from level 2 to finer level 1"), e.getMessage());
  }

  static Stream<Arguments> shipped() {
    Map<String, String> devices = new LinkedHashMap<>();
    devices.put("antipersonnel_mine", "mine");
    devices.put("antivehicle_mine", "mine");
    devices.put("cluster_munition_remnant", "erw");
    devices.put("unexploded_ordnance", "erw");
    return Stream.of(
        Arguments.of(VaHierarchies.age(100)),
        Arguments.of(VaHierarchies.ageWithUnknown(120)),
        Arguments.of(VaHierarchies.partialDate("incidentDate", 1999, 2001)),
        Arguments.of(VaHierarchies.place("KHM", List.of("KH010203", "KH0102", "KH02", "KH0201"))),
        Arguments.of(VaHierarchies.grouped("device", devices)),
        Arguments.of(VaHierarchies.flat("sex", List.of("male", "female", "unknown"))),
        Arguments.of(ages()));
  }

  /**
   * For every leaf and pair of levels: the leaf's code at the coarser level is the mapping of its
   * code at the finer one, labels agree with {@code generalise}, counts under each code add up, and
   * the top level is the one root {@code *}.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("shipped")
  void everyCode_generalisesConsistently(Hierarchy h) {
    int top = h.levels() - 1;
    for (int level = 0; level < h.levels(); level++) {
      int sum = 0;
      for (int code = 0; code < h.codeCount(level); code++) {
        sum += h.leavesUnder(level, code);
        assertTrue(h.leavesUnder(level, code) >= 1, h + " level " + level + " code " + code);
      }
      assertEquals(h.leafCount(), sum, h + " leaves under level " + level);
    }
    assertEquals(1, h.codeCount(top), h + " has one root");
    assertEquals("*", h.label(top, 0));
    for (int leaf = 0; leaf < h.leafCount(); leaf++) {
      String value = h.label(0, leaf);
      assertEquals(leaf, h.leaf(value));
      assertEquals(leaf, h.code(leaf, 0));
      for (int from = 0; from < h.levels(); from++) {
        assertEquals(h.label(from, h.code(leaf, from)), h.generalise(value, from));
        for (int to = from; to < h.levels(); to++) {
          assertEquals(
              h.code(leaf, to),
              h.mapping(from, to)[h.code(leaf, from)],
              h + " leaf " + value + " from " + from + " to " + to);
        }
      }
    }
  }

  @Test
  void shippedHierarchies_generaliseKnownValuesAsDocumented() {
    Hierarchy age = VaHierarchies.age(100);
    assertEquals(List.of("17", "15-17", "10-17", "0-17", "child", "*"), chain(age, "17"));
    assertEquals(List.of("18", "18-19", "18-29", "18-39", "adult", "*"), chain(age, "18"));
    assertEquals(
        List.of("unknown"), chain(VaHierarchies.ageWithUnknown(80), "unknown").subList(0, 1));
    Hierarchy dates = VaHierarchies.partialDate("d", 2000, 2000);
    assertEquals(
        List.of("2000-02-29", "2000-02", "2000-Q1", "2000", "2000-2004", "*"),
        chain(dates, "2000-02-29"));
    assertEquals(List.of("2000", "2000", "2000", "2000", "2000-2004", "*"), chain(dates, "2000"));
    Hierarchy place = VaHierarchies.place("KHM", List.of("KH010203"));
    assertEquals(List.of("KH010203", "KH0102", "KH01", "KHM", "*"), chain(place, "KH010203"));
    assertEquals(List.of("KH01", "KH01", "KH01", "KHM", "*"), chain(place, "KH01"));
  }

  @Test
  void unknownValue_isRefusedWithoutNamingIt() {
    Hierarchy h = ages();
    for (String value : new String[] {"7", "", " 5", "5 ", "0-9", "*", "child", "AGE-SECRET"}) {
      assertEquals(OptionalInt.empty(), h.findLeaf(value), value);
      AnonymisationException e = assertThrows(AnonymisationException.class, () -> h.leaf(value));
      assertEquals(AnonymisationException.VALUE_OUTSIDE_HIERARCHY, e.code());
      assertTrue(e.getMessage().contains("a value of age is not a leaf"), e.getMessage());
      assertTrue(e.getMessage().contains("6 leaves"), e.getMessage());
      if (!value.isBlank()) {
        assertFalse(e.getMessage().contains("'" + value + "'"), e.getMessage());
      }
      assertFalse(e.getMessage().contains("AGE-SECRET"), e.getMessage());
      AnonymisationException g =
          assertThrows(AnonymisationException.class, () -> h.generalise(value, 1));
      assertEquals(AnonymisationException.VALUE_OUTSIDE_HIERARCHY, g.code());
    }
  }

  static Stream<Arguments> malformedCsv() {
    return Stream.of(
        Arguments.of("empty file", "", "hierarchy of age has no rows"),
        Arguments.of("blank lines only", "\n\n", "hierarchy of age has no rows"),
        Arguments.of(
            "ragged row after a blank line",
            "0;0-9;*\n5;0-9;*\n\n12;*\n",
            "hierarchy of age line 4 has 2 levels where the first leaf has 3"),
        Arguments.of(
            "trailing separator adds a level",
            "0;0-9;*\n5;0-9;*;\n",
            "line 2 has 4 levels where the first leaf has 3"),
        Arguments.of(
            "leaf repeated",
            "0;0-9;*\n5;0-9;*\n\n0;0-9;*\n",
            "hierarchy of age line 4 repeats the leaf of line 1; leaves must be unique"),
        Arguments.of(
            "value with two parents",
            "0;0-9;child;*\n\n5;0-9;adult;*\n",
            "level 1 value at line 3 has another parent at level 2 than at line 1;"
                + " levels must be functional"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedCsv")
  void malformedCsv_isRefusedNamingTheLine(String name, String csv, String message) {
    AnonymisationException e =
        assertThrows(AnonymisationException.class, () -> Hierarchy.parseCsv("age", csv, ';'));
    assertEquals(AnonymisationException.INVALID_HIERARCHY, e.code(), name);
    assertTrue(e.getMessage().contains(message), name + ": " + e.getMessage());
  }

  @Test
  void malformedRows_areRefusedNamingTheRow() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("a", "x", "*"));
    rows.add(List.of("b", "x", "*"));
    rows.add(List.of("c", "*"));
    AnonymisationException ragged =
        assertThrows(AnonymisationException.class, () -> Hierarchy.of("device", rows));
    assertEquals(AnonymisationException.INVALID_HIERARCHY, ragged.code());
    assertTrue(
        ragged.getMessage().contains("hierarchy of device row 3 has 2 levels"),
        ragged.getMessage());

    AnonymisationException twoParents =
        assertThrows(
            AnonymisationException.class,
            () -> Hierarchy.builder("device").add("a", "x", "p").add("b", "x", "q").build());
    assertTrue(
        twoParents.getMessage().contains("level 1 value at row 2 has another parent")
            && twoParents.getMessage().contains("than at row 1"),
        twoParents.getMessage());

    AnonymisationException empty =
        assertThrows(AnonymisationException.class, () -> Hierarchy.of("device", List.of()));
    assertEquals(AnonymisationException.INVALID_HIERARCHY, empty.code());
  }

  @Test
  void separator_isLiteral() {
    Hierarchy h = Hierarchy.parseCsv("v", "a.b|a|*\nc|c|*\n", '|');
    assertEquals("a", h.generalise("a.b", 1));
    assertEquals(3, h.levels());
  }

  private static List<String> labels(Hierarchy h, int level) {
    List<String> out = new ArrayList<>();
    for (int code = 0; code < h.codeCount(level); code++) {
      out.add(h.label(level, code));
    }
    return out;
  }

  private static List<String> chain(Hierarchy h, String value) {
    List<String> out = new ArrayList<>();
    for (int level = 0; level < h.levels(); level++) {
      out.add(h.generalise(value, level));
    }
    return out;
  }

  @Test
  void builderAndListAndCsv_giveTheSameHierarchy() {
    Hierarchy csv = ages();
    Hierarchy.Builder b = Hierarchy.builder("age");
    List<List<String>> rows = new ArrayList<>();
    for (String line : AGES.split("\n")) {
      if (!line.isEmpty()) {
        String[] row = line.split(";");
        b.add(row[0], java.util.Arrays.copyOfRange(row, 1, row.length));
        rows.add(List.of(row));
      }
    }
    for (Hierarchy other : List.of(b.build(), Hierarchy.of("age", rows))) {
      assertEquals(csv.leafCount(), other.leafCount());
      for (int level = 0; level < csv.levels(); level++) {
        assertEquals(labels(csv, level), labels(other, level));
      }
    }
  }
}
