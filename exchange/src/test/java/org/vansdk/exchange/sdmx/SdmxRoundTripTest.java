package org.vansdk.exchange.sdmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.core.submission.Submission;
import org.vansdk.exchange.ExchangeException;
import org.vansdk.exchange.Golden;
import org.vansdk.indicators.engine.IndicatorEngine;
import org.vansdk.indicators.engine.IndicatorRequest;
import org.vansdk.indicators.export.IndicatorCsv;
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.indicators.table.Observation;
import org.vansdk.testkit.gen.VanGen;
import org.vansdk.testkit.junit.SeedSource;

class SdmxRoundTripTest {
  static final Instant EXPORTED = Instant.parse("2026-01-15T00:00:00Z");

  static IndicatorTable table(long seed, ReportingPeriod period, int threshold) {
    Submission s = VanGen.submission(seed);
    return IndicatorEngine.builder()
        .period(period)
        .threshold(threshold)
        .build()
        .compute(s, IndicatorRequest.defaults());
  }

  static ReportingPeriod period(long seed) {
    return seed % 2 == 0
        ? ReportingPeriod.of(LocalDate.of(1990, 1, 1), LocalDate.of(2025, 12, 31))
        : ReportingPeriod.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
  }

  /** Every field of every cell, values to the six decimals both formats carry. */
  static List<String> cells(IndicatorTable t) {
    return t.observations().stream()
        .map(
            o ->
                o.indicator()
                    + o.dimensions()
                    + " "
                    + o.status()
                    + " "
                    + (o.value().isPresent()
                        ? String.format(java.util.Locale.ROOT, "%.6f", o.value().getAsDouble())
                        : "-")
                    + " "
                    + o.numerator()
                    + " "
                    + o.denominator()
                    + " "
                    + o.unknown())
        .collect(Collectors.toList());
  }

  @ParameterizedTest(name = "seed {0}")
  @SeedSource(40)
  void sdmxCsv_readsBackToTheSameTable(long seed) {
    IndicatorTable t = table(seed, period(seed), seed % 3 == 0 ? 1 : 5);
    String csv = IndicatorCsv.toCsv(t);
    IndicatorTable back = SdmxCsvReader.read(new StringReader(csv));
    assertEquals(t.period(), back.period(), "seed " + seed);
    assertEquals(cells(t), cells(back), "seed " + seed);
    assertEquals(csv, IndicatorCsv.toCsv(back), "seed " + seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @SeedSource(40)
  void adx_readsBackToTheSamePublishedCells(long seed) {
    IndicatorTable t = table(seed, period(seed), seed % 3 == 0 ? 1 : 5);
    String adx = adx(t);
    IndicatorTable back = AdxReader.read(new StringReader(adx));
    List<Observation> published =
        t.observations().stream().filter(o -> !o.status().isSuppressed()).toList();
    assertEquals(t.period(), back.period(), "seed " + seed);
    assertEquals(cells(IndicatorTable.of(t.period(), published)), cells(back), "seed " + seed);
    assertEquals(adx, adx(back), "seed " + seed);
  }

  static String adx(IndicatorTable t) {
    StringWriter w = new StringWriter();
    AdxWriter.of("KHM", EXPORTED).write(t, w);
    return w.toString();
  }

  @Test
  void goldenFiles() throws Exception {
    IndicatorTable t =
        table(7, ReportingPeriod.of(LocalDate.of(2000, 1, 1), LocalDate.of(2025, 12, 31)), 5);
    Golden.assertMatches("sdmx/indicators.csv", IndicatorCsv.toCsv(t));
    Golden.assertMatches("adx/indicators.adx.xml", adx(t));
  }

  @Test
  void sdmxCsv_unknownColumn_isAnErrorNamingIt() {
    String csv =
        "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,COLOUR,TIME_PERIOD,OBS_VALUE,"
            + "UNIT_MEASURE,OBS_STATUS,CONF_STATUS,NUMERATOR,DENOMINATOR,UNKNOWN_COUNT\n";
    ExchangeException e =
        assertThrows(ExchangeException.class, () -> SdmxCsvReader.read(new StringReader(csv)));
    assertEquals(ExchangeException.INVALID_INPUT, e.code());
    assertTrue(e.getMessage().contains("row 1, COLOUR"), e.getMessage());
  }

  @Test
  void sdmxCsv_badStatusOrCode_isAnErrorAtItsRowAndColumn() {
    String head =
        "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,SEX,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,"
            + "OBS_STATUS,CONF_STATUS,NUMERATOR,DENOMINATOR,UNKNOWN_COUNT\n";
    String ok = "dataflow,VANSDK:VA_INDICATORS(1.0),I,CAS-01,_T,_T,2024,3,COUNT,A,F,3,,0\n";
    String badStatus = "dataflow,VANSDK:VA_INDICATORS(1.0),I,CAS-01,_T,male,2024,,COUNT,C,C,,,\n";
    String badSex = "dataflow,VANSDK:VA_INDICATORS(1.0),I,CAS-01,_T,mal,2024,3,COUNT,A,F,3,,0\n";
    String badUnit = "dataflow,VANSDK:VA_INDICATORS(1.0),I,CAS-01,_T,male,2024,3,DAYS,A,F,3,,0\n";
    assertEquals(1, SdmxCsvReader.read(new StringReader(head + ok)).observations().size());
    assertMessage(head + ok + badStatus, "row 3, OBS_STATUS");
    assertMessage(head + ok + badSex, "row 3, SEX");
    assertMessage(head + badUnit, "row 2, UNIT_MEASURE");
  }

  private static void assertMessage(String csv, String where) {
    ExchangeException e =
        assertThrows(ExchangeException.class, () -> SdmxCsvReader.read(new StringReader(csv)));
    assertTrue(e.getMessage().contains(where), e.getMessage());
  }

  @Test
  void adx_foreignCategoryOrEntity_isAnError() {
    String doc =
        "<adx xmlns=\"urn:ihe:qrph:adx:2015\" exported=\"2026-01-01T00:00:00Z\">"
            + "<group orgUnit=\"KHM\" period=\"2024-01-01/P1Y\" dataSet=\"VA_INDICATORS\">"
            + "<dataValue dataElement=\"CAS-01\" COLOUR=\"red\" value=\"3\"/></group></adx>";
    ExchangeException e =
        assertThrows(ExchangeException.class, () -> AdxReader.read(new StringReader(doc)));
    assertTrue(e.getMessage().contains("COLOUR"), e.getMessage());
    String dtd = "<!DOCTYPE adx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + doc;
    assertThrows(ExchangeException.class, () -> AdxReader.read(new StringReader(dtd)));
  }
}
