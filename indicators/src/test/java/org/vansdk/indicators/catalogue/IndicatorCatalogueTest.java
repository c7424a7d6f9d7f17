package org.vansdk.indicators.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class IndicatorCatalogueTest {
  /** The one committed copy, in the repository's docs/ (also written by {@code van docs}). */
  private static final Path DOC = Path.of("..", "docs", "indicators.md");

  @Test
  void catalogue_hasEveryIndicatorOfTheDesign() {
    List<String> codes =
        IndicatorCatalogue.all().stream().map(Indicator::code).collect(Collectors.toList());
    assertEquals(
        List.of(
            "CAS-01", "CAS-02", "CAS-03", "CAS-04", "CAS-05", "CAS-06", "CAS-07", "CAS-08",
            "CAS-09", "CAS-10", "SUR-01", "SUR-02", "NEED-01", "NEED-02", "SRV-01", "REF-01",
            "REF-02", "REF-03", "REF-04", "DQ-01"),
        codes);
  }

  @Test
  void everyIndicator_isFullyDescribed() {
    for (Indicator i : IndicatorCatalogue.all()) {
      assertFalse(i.name().isBlank(), i.code());
      assertFalse(i.definition().isBlank(), i.code());
      assertFalse(i.numerator().isBlank(), i.code());
      assertEquals(i.isQuotient(), !i.denominator().isEmpty(), i.code() + " denominator");
      assertFalse(i.sources().isEmpty(), i.code());
      assertFalse(i.unknownRule().isBlank(), i.code());
      assertTrue(i.defaultDisaggregations().contains(List.of()), i.code() + " has a total");
      for (Dimension d : i.intrinsicDimensions()) {
        assertFalse(i.allowedDimensions().contains(d), i.code() + " intrinsic " + d);
      }
    }
  }

  @Test
  void get_unknownCode_listsAllowedCodes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> IndicatorCatalogue.get("CAS-99"));
    assertTrue(e.getMessage().contains("CAS-01"));
  }

  @Test
  void markdown_statesTheRulesWhereDefinitionsAreSilent() {
    String md = IndicatorCatalogue.markdown();
    for (String rule :
        List.of(
            "`month=unknown`",
            "year of injury",
            "province where the incident happened",
            "latest WG-SS assessment dated on or before the period end",
            "who died on the period end is not a survivor",
            "from the day after the period end minus one year to the period end, both included",
            "00:00 UTC",
            "cancelled by the referrer or entered in error")) {
      assertTrue(md.contains(rule), rule);
    }
  }

  @Test
  void ageBand_followsFiveYearBands() {
    assertEquals("0_4", Dimension.ageBandOf(0));
    assertEquals("15_19", Dimension.ageBandOf(17));
    assertEquals("85_plus", Dimension.ageBandOf(120));
    assertEquals(19, Dimension.AGE_BAND.codes().size());
  }

  /**
   * The Markdown catalogue in the repository's docs/ is generated from {@link IndicatorCatalogue}:
   * this test writes it when run with -Dvan.docs.update=true, and otherwise fails if it is stale.
   */
  @Test
  void markdown_matchesCommittedDoc() throws IOException {
    String md = IndicatorCatalogue.markdown();
    if (Boolean.getBoolean("van.docs.update")) {
      Files.writeString(DOC, md, StandardCharsets.UTF_8);
    }
    assertEquals(
        md,
        Files.readString(DOC, StandardCharsets.UTF_8),
        "docs/indicators.md is stale; rerun with -Dvan.docs.update=true (or van docs --out docs)");
    for (Indicator i : IndicatorCatalogue.all()) {
      assertTrue(md.contains("`" + i.code() + "`"), i.code());
    }
  }
}
