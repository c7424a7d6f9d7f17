package org.vansdk.hub.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vansdk.anonymisation.profile.Release;
import org.vansdk.core.deidentified.DeidentifiedCasualty;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.exchange.sdmx.AdxWriter;
import org.vansdk.hub.submission.HubDatabases;
import org.vansdk.hub.submission.SubmissionFeature;
import org.vansdk.hub.submission.Uploads;
import org.vansdk.hub.web.HubContext;
import org.vansdk.hub.web.HubException;
import org.vansdk.hub.web.HubPaths;
import org.vansdk.indicators.engine.IndicatorEngine;
import org.vansdk.indicators.export.IndicatorCsv;
import org.vansdk.indicators.export.IndicatorJson;
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.transport.http.EndpointResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RegionalFiguresTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Release KHM = Uploads.release(CountryCode.KHM, 300, 21);
  private static final Release LAO = Uploads.release(CountryCode.LAO, 120, 22);

  private static String text(EndpointResponse r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  private static void submitAndApprove(SubmissionFeature feature, String country, Release r) {
    String id = country + "-R1";
    assertEquals(
        201,
        Uploads.call(feature, Uploads.put(Uploads.focalPoint(country), id, false, r.toNdjson()))
            .status());
    Uploads.call(feature, Uploads.approve(Uploads.focalPoint(country), id));
  }

  /** The figures as the indicators module computes them over the same records. */
  private static IndicatorTable direct(List<DeidentifiedCasualty> records) {
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;
    for (DeidentifiedCasualty c : records) {
      if (c.incidentPeriod().isPresent()) {
        first = Math.min(first, c.incidentPeriod().get().year());
        last = Math.max(last, c.incidentPeriod().get().year());
      }
    }
    return IndicatorEngine.builder()
        .period(ReportingPeriod.of(LocalDate.of(first, 1, 1), LocalDate.of(last, 12, 31)))
        .threshold(IndicatorEngine.DEFAULT_THRESHOLD)
        .build()
        .compute(new ArrayList<Object>(records), RegionalFigures.requests());
  }

  @ParameterizedTest
  @EnumSource(HubDatabases.class)
  void approvedReleases_giveTheFiguresTheIndicatorsModuleComputes(HubDatabases db) {
    HubContext context = db.context(CLOCK);
    SubmissionFeature submissions = new SubmissionFeature(context);
    FiguresFeature figures = new FiguresFeature(context);
    JsonNode none =
        JSON.readTree(text(Uploads.call(figures, Uploads.figures(HubPaths.FIGURES, ""))));
    assertTrue(none.get("observations").isEmpty(), "no figures before an approval");

    // submitted but not approved: not regional
    Uploads.call(
        submissions, Uploads.put(Uploads.focalPoint("LAO"), "LAO-R1", false, LAO.toNdjson()));
    assertTrue(
        JSON.readTree(text(Uploads.call(figures, Uploads.figures(HubPaths.FIGURES, ""))))
            .get("observations")
            .isEmpty());
    submitAndApprove(submissions, "KHM", KHM);
    Uploads.call(submissions, Uploads.approve(Uploads.focalPoint("LAO"), "LAO-R1"));

    List<DeidentifiedCasualty> all = new ArrayList<>(KHM.records());
    all.addAll(LAO.records());
    IndicatorTable expected = direct(all);
    EndpointResponse json = Uploads.call(figures, Uploads.figures(HubPaths.FIGURES, ""));
    assertEquals(200, json.status());
    assertEquals(IndicatorJson.toJson(expected), text(json));
    EndpointResponse csv = Uploads.call(figures, Uploads.figures(HubPaths.FIGURES_CSV, ""));
    assertEquals(IndicatorCsv.toCsv(expected), text(csv));
    EndpointResponse adx = Uploads.call(figures, Uploads.figures(HubPaths.FIGURES_ADX, ""));
    assertEquals(AdxWriter.MEDIA_TYPE, adx.headers().get("Content-Type"));
    assertTrue(text(adx).contains("orgUnit=\"ASEAN\""), text(adx));

    // an independent recount of CAS-01 by country and year from the records themselves
    Map<String, Long> counts = new HashMap<>();
    for (DeidentifiedCasualty c : all) {
      c.incidentPeriod()
          .ifPresent(p -> counts.merge(c.country().code() + "|" + p.year(), 1L, Long::sum));
    }
    int checked = 0;
    for (JsonNode o : JSON.readTree(text(json)).get("observations")) {
      JsonNode d = o.get("dimensions");
      if (o.get("indicator").asString().equals("CAS-01")
          && d.size() == 2
          && o.get("status").asString().equals("normal")) {
        String key = d.get("country").asString() + "|" + d.get("year").asString();
        assertEquals(counts.getOrDefault(key, 0L), o.get("value").asLong(), key);
        checked++;
      }
    }
    assertTrue(checked > 3, "published CAS-01 cells by country and year: " + checked);

    // filters
    JsonNode khm =
        JSON.readTree(
            text(Uploads.call(figures, Uploads.figures(HubPaths.FIGURES, "country=KHM"))));
    assertFalse(khm.get("observations").isEmpty());
    for (JsonNode o : khm.get("observations")) {
      assertEquals("KHM", o.get("dimensions").get("country").asString());
    }
    String year =
        all.stream().flatMap(c -> c.incidentPeriod().stream()).findFirst().orElseThrow().year()
            + "";
    JsonNode byYear =
        JSON.readTree(
            text(Uploads.call(figures, Uploads.figures(HubPaths.FIGURES, "year=" + year))));
    for (JsonNode o : byYear.get("observations")) {
      assertEquals(year, o.get("dimensions").get("year").asString());
    }
    assertTrue(
        text(Uploads.call(figures, Uploads.figures(HubPaths.FIGURES_ADX, "country=LAO")))
            .contains("orgUnit=\"LAO\""));
    HubException unknown =
        assertThrows(
            HubException.class,
            () -> Uploads.call(figures, Uploads.figures(HubPaths.FIGURES, "region=ASEAN")));
    assertEquals(400, unknown.status());
    assertEquals(FigureErrors.BAD_QUERY, unknown.code());
    assertTrue(unknown.getMessage().contains("region"), unknown.getMessage());
    assertEquals(
        400,
        assertThrows(
                HubException.class,
                () -> Uploads.call(figures, Uploads.figures(HubPaths.FIGURES_CSV, "country=khm")))
            .status());
  }

  @ParameterizedTest
  @EnumSource(HubDatabases.class)
  void noPublishedCell_isSmall_orRecoverableBySubtraction(HubDatabases db) {
    HubContext context = db.context(CLOCK);
    SubmissionFeature submissions = new SubmissionFeature(context);
    submitAndApprove(submissions, "KHM", Uploads.release(CountryCode.KHM, 90, 31));
    submitAndApprove(submissions, "LAO", Uploads.release(CountryCode.LAO, 40, 32));
    submitAndApprove(submissions, "MMR", Uploads.release(CountryCode.MMR, 25, 33));
    JsonNode served =
        JSON.readTree(
            text(Uploads.call(new FiguresFeature(context), Uploads.figures(HubPaths.FIGURES, ""))));
    // indicator|measure -> cell key ("" total, "c=KHM", "y=2020", "c=KHM|y=2020") -> value or null
    Map<String, Map<String, Long>> cells = new HashMap<>();
    int suppressed = 0;
    for (JsonNode o : served.get("observations")) {
      JsonNode d = o.get("dimensions");
      String key =
          (d.has("country") ? "c=" + d.get("country").asString() : "")
              + (d.has("country") && d.has("year") ? "|" : "")
              + (d.has("year") ? "y=" + d.get("year").asString() : "");
      boolean hidden = o.get("status").asString().equals("suppressed");
      suppressed += hidden ? 1 : 0;
      List<String> measures =
          o.get("unit").asString().equals("count")
              ? List.of("value", "unknown")
              : List.of("numerator", "denominator", "unknown");
      for (String m : measures) {
        Long v = hidden || !o.has(m) ? null : o.get(m).asLong();
        if (v != null) {
          assertFalse(v > 0 && v < 5, o + ": a small " + m + " is published");
        }
        if (hidden || o.has(m)) {
          cells
              .computeIfAbsent(o.get("indicator").asString() + "|" + m, k -> new HashMap<>())
              .put(key, v);
        }
      }
    }
    assertTrue(suppressed > 0, "small populations must have suppressed cells");
    for (Map.Entry<String, Map<String, Long>> e : cells.entrySet()) {
      Map<String, Long> table = e.getValue();
      List<String> countries = new ArrayList<>();
      List<String> years = new ArrayList<>();
      for (String k : table.keySet()) {
        if (k.startsWith("c=") && !k.contains("|")) {
          countries.add(k);
        } else if (k.startsWith("y=")) {
          years.add(k);
        }
      }
      List<List<String>> sums = new ArrayList<>();
      sums.add(withTotal("", countries));
      sums.add(withTotal("", years));
      for (String c : countries) {
        List<String> parts = new ArrayList<>();
        years.forEach(y -> parts.add(c + "|" + y));
        sums.add(withTotal(c, parts));
      }
      for (String y : years) {
        List<String> parts = new ArrayList<>();
        countries.forEach(c -> parts.add(c + "|" + y));
        sums.add(withTotal(y, parts));
      }
      for (List<String> sum : sums) {
        long hidden =
            sum.stream().filter(k -> table.containsKey(k) && table.get(k) == null).count();
        assertTrue(
            hidden != 1,
            e.getKey() + ": exactly one cell of " + sum + " is hidden, so a reader recovers it");
      }
    }
  }

  /** A sum as its total's key followed by its parts' keys (only the cells that exist). */
  private static List<String> withTotal(String total, List<String> parts) {
    List<String> all = new ArrayList<>();
    all.add(total);
    all.addAll(parts);
    return all;
  }
}
