package org.vansdk.hub.submission;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vansdk.anonymisation.profile.Release;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.hub.web.Caller;
import org.vansdk.hub.web.HubContext;
import org.vansdk.hub.web.HubException;
import org.vansdk.hub.web.HubRequest;
import org.vansdk.hub.web.Route;
import org.vansdk.indicators.catalogue.Dimension;
import org.vansdk.indicators.engine.IndicatorEngine;
import org.vansdk.indicators.engine.IndicatorRequest;
import org.vansdk.indicators.export.IndicatorCsv;
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.transport.http.EndpointResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SubmissionFeatureTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Release KHM = Uploads.release(CountryCode.KHM, 200, 11);
  private static final String KHM_NDJSON = KHM.toNdjson();

  static EndpointResponse call(SubmissionFeature feature, HubRequest request) {
    for (Route r : feature.routes()) {
      if (r.method().equals(request.request().method())) {
        return r.handler().handle(request);
      }
    }
    throw new AssertionError("no route for " + request.request().method());
  }

  static JsonNode body(EndpointResponse r) {
    return JSON.readTree(new String(r.body(), StandardCharsets.UTF_8));
  }

  private static long rows(DataSource ds, String table) {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertNothingStored(HubContext context) {
    assertEquals(0, rows(context.dataSource(), "hub_submission"), "submissions stored");
    assertEquals(0, rows(context.dataSource(), "hub_submission_line"), "lines stored");
  }

  @ParameterizedTest
  @EnumSource(HubDatabases.class)
  void dryRun_thenSubmit_thenReplay_thenApprove(HubDatabases db) {
    HubContext context = db.context(CLOCK);
    SubmissionFeature feature = new SubmissionFeature(context);
    Caller khm = Uploads.focalPoint("KHM");

    EndpointResponse dry = call(feature, Uploads.put(khm, "KHM-2025-R1", true, KHM_NDJSON));
    assertEquals(200, dry.status());
    JsonNode receipt = body(dry);
    assertTrue(receipt.get("dryRun").asBoolean());
    assertEquals("OK", receipt.get("status").asString());
    assertEquals(KHM.size(), receipt.get("importCount").get("imported").asLong());
    assertNothingStored(context);
    assertThrows(HubException.class, () -> call(feature, Uploads.get(khm, "KHM-2025-R1")));

    EndpointResponse stored = call(feature, Uploads.put(khm, "KHM-2025-R1", false, KHM_NDJSON));
    assertEquals(201, stored.status());
    JsonNode first = body(stored);
    assertFalse(first.get("dryRun").asBoolean());
    assertEquals(KHM.size(), first.get("importCount").get("imported").asLong());
    assertEquals(0, first.get("importCount").get("rejected").asLong());
    assertEquals(KHM.size(), rows(context.dataSource(), "hub_submission_line"));

    EndpointResponse again = call(feature, Uploads.put(khm, "KHM-2025-R1", false, KHM_NDJSON));
    assertEquals(200, again.status());
    assertArrayEquals(stored.body(), again.body(), "the same content gives the same receipt");
    assertEquals(KHM.size(), rows(context.dataSource(), "hub_submission_line"));

    assertArrayEquals(stored.body(), call(feature, Uploads.get(khm, "KHM-2025-R1")).body());
    assertArrayEquals(
        stored.body(), call(feature, Uploads.get(Uploads.operator(), "KHM-2025-R1")).body());
    assertEquals(0, rows(context.dataSource(), "hub_regional_release"), "regional before approval");

    EndpointResponse approved = call(feature, Uploads.approve(khm, "KHM-2025-R1"));
    assertEquals(200, approved.status());
    assertEquals("2026-03-01T00:00:00Z", body(approved).get("approvedAt").asString());
    assertEquals(1, rows(context.dataSource(), "hub_regional_release"));
    assertEquals(1, rows(context.dataSource(), "hub_regional_figures"));
    assertEquals(
        1.0, context.meters().counter(SubmissionFeature.METER, "outcome", "approved").count());
    assertEquals(
        1.0, context.meters().counter(SubmissionFeature.METER, "outcome", "replayed").count());

    // a second release of the same people: updated, not imported; approving it replaces the first
    EndpointResponse second =
        call(feature, Uploads.put(khm, "KHM-2025-R2", false, KHM_NDJSON + "\n"));
    assertEquals(201, second.status());
    assertEquals(KHM.size(), body(second).get("importCount").get("updated").asLong());
    assertEquals(1, body(second).get("importCount").get("ignored").asLong());
    call(feature, Uploads.approve(khm, "KHM-2025-R2"));
    assertEquals(1, rows(context.dataSource(), "hub_regional_release"));
  }

  @ParameterizedTest
  @EnumSource(HubDatabases.class)
  void sameIdOtherContent_isAConflict(HubDatabases db) {
    HubContext context = db.context(CLOCK);
    SubmissionFeature feature = new SubmissionFeature(context);
    Caller khm = Uploads.focalPoint("KHM");
    call(feature, Uploads.put(khm, "KHM-1", false, KHM_NDJSON));
    String other = KHM_NDJSON.substring(0, KHM_NDJSON.indexOf('\n') + 1);
    HubException e =
        assertThrows(
            HubException.class, () -> call(feature, Uploads.put(khm, "KHM-1", false, other)));
    assertEquals(409, e.status());
    assertEquals(SubmissionErrors.CONFLICT, e.code());
    HubException lao =
        assertThrows(
            HubException.class,
            () -> call(feature, Uploads.put(Uploads.focalPoint("LAO"), "KHM-1", false, other)));
    assertEquals(409, lao.status());
    assertEquals(KHM.size(), rows(context.dataSource(), "hub_submission_line"));
  }

  @ParameterizedTest
  @EnumSource(HubDatabases.class)
  void recordsOfAnotherCountry_areRejected_andNothingIsStored(HubDatabases db) {
    HubContext context = db.context(CLOCK);
    SubmissionFeature feature = new SubmissionFeature(context);
    EndpointResponse r =
        call(feature, Uploads.put(Uploads.focalPoint("LAO"), "LAO-1", false, KHM_NDJSON));
    assertEquals(422, r.status());
    JsonNode receipt = body(r);
    assertEquals("ERROR", receipt.get("status").asString());
    assertEquals(KHM.size(), receipt.get("importCount").get("rejected").asLong());
    JsonNode issue = receipt.get("issues").get(0);
    assertEquals(1, issue.get("line").asLong());
    assertEquals("/country", issue.get("pointer").asString());
    assertEquals(SubmissionErrors.OTHER_COUNTRY.value(), issue.get("code").asString());
    assertNothingStored(context);
    // the same content again gives the same receipt, still storing nothing
    assertArrayEquals(
        r.body(),
        call(feature, Uploads.put(Uploads.focalPoint("LAO"), "LAO-1", false, KHM_NDJSON)).body());
    assertNothingStored(context);
  }

  @ParameterizedTest
  @EnumSource(HubDatabases.class)
  void onlyTheCountrysFocalPoint_submitsReadsAndApproves(HubDatabases db) {
    HubContext context = db.context(CLOCK);
    SubmissionFeature feature = new SubmissionFeature(context);
    call(feature, Uploads.put(Uploads.focalPoint("KHM"), "KHM-1", false, KHM_NDJSON));
    Caller lao = Uploads.focalPoint("LAO");
    assertEquals(
        403,
        assertThrows(HubException.class, () -> call(feature, Uploads.get(lao, "KHM-1"))).status());
    assertEquals(
        403,
        assertThrows(HubException.class, () -> call(feature, Uploads.approve(lao, "KHM-1")))
            .status());
    assertEquals(
        403,
        assertThrows(
                HubException.class,
                () -> call(feature, Uploads.approve(Uploads.operator(), "KHM-1")))
            .status());
    assertEquals(
        403,
        assertThrows(
                HubException.class,
                () -> call(feature, Uploads.put(Caller.anonymous(), "X-1", false, KHM_NDJSON)))
            .status());
    assertEquals(0, rows(context.dataSource(), "hub_approval"));
  }

  @ParameterizedTest
  @EnumSource(HubDatabases.class)
  void malformedLine_isLocated_andNothingIsStored(HubDatabases db) {
    HubContext context = db.context(CLOCK);
    SubmissionFeature feature = new SubmissionFeature(context);
    String[] lines = KHM_NDJSON.split("\n");
    lines[2] = lines[2].replace("\"sex\":\"", "\"sex\":\"x");
    lines[4] = "{\"type\": \"deidentifiedCasualty\", \"record\": {";
    String body = String.join("\n", lines) + "\n";
    EndpointResponse r =
        call(feature, Uploads.put(Uploads.focalPoint("KHM"), "KHM-1", false, body));
    assertEquals(422, r.status());
    JsonNode receipt = body(r);
    assertEquals(2, receipt.get("importCount").get("rejected").asLong());
    assertEquals(3, receipt.get("issues").get(0).get("line").asLong());
    assertEquals("/sex", receipt.get("issues").get(0).get("pointer").asString());
    assertEquals(5, receipt.get("issues").get(1).get("line").asLong());
    assertFalse(new String(r.body(), StandardCharsets.UTF_8).contains("xfemale"), "no input text");
    assertNothingStored(context);
  }

  @ParameterizedTest
  @EnumSource(HubDatabases.class)
  void oversizeBody_isRefused_andNothingIsStored(HubDatabases db) {
    HubContext context = db.context(CLOCK);
    SubmissionFeature feature = new SubmissionFeature(context, 10_000);
    HubException e =
        assertThrows(
            HubException.class,
            () ->
                call(feature, Uploads.put(Uploads.focalPoint("KHM"), "KHM-1", false, KHM_NDJSON)));
    assertEquals(413, e.status());
    assertEquals(SubmissionErrors.TOO_LARGE, e.code());
    assertNothingStored(context);
  }

  @ParameterizedTest
  @EnumSource(HubDatabases.class)
  void halfUploadedBodies_areRefused_andNothingIsStored(HubDatabases db) {
    HubContext context = db.context(CLOCK);
    SubmissionFeature feature = new SubmissionFeature(context);
    Caller khm = Uploads.focalPoint("KHM");
    int cut = KHM_NDJSON.length() / 2;
    // the connection breaks mid-stream
    HubRequest broken =
        Uploads.request(
            khm,
            "PUT",
            "KHM-1",
            "",
            SubmissionFeature.NDJSON,
            Uploads.breaking(KHM_NDJSON, cut),
            Map.of());
    HubException e = assertThrows(HubException.class, () -> call(feature, broken));
    assertEquals(400, e.status());
    assertEquals(SubmissionErrors.BODY_NOT_RECEIVED, e.code());
    // fewer bytes than declared
    byte[] half =
        KHM_NDJSON
            .substring(0, KHM_NDJSON.lastIndexOf('\n', cut) + 1)
            .getBytes(StandardCharsets.UTF_8);
    HubRequest shortBody =
        Uploads.request(
            khm,
            "PUT",
            "KHM-1",
            "",
            SubmissionFeature.NDJSON,
            new ByteArrayInputStream(half),
            Map.of("Content-Length", List.of(String.valueOf(KHM_NDJSON.length()))));
    assertEquals(
        SubmissionErrors.BODY_NOT_RECEIVED,
        assertThrows(HubException.class, () -> call(feature, shortBody)).code());
    // a cut-off last line
    HubException tail =
        assertThrows(
            HubException.class,
            () -> call(feature, Uploads.put(khm, "KHM-1", false, KHM_NDJSON.substring(0, cut))));
    assertEquals(SubmissionErrors.BODY_NOT_RECEIVED, tail.code());
    assertNothingStored(context);
    assertEquals(
        3.0, context.meters().counter(SubmissionFeature.METER, "outcome", "refused").count());
  }

  @ParameterizedTest
  @EnumSource(HubDatabases.class)
  void badRequests_areRefusedWithTheirProblem(HubDatabases db) {
    HubContext context = db.context(CLOCK);
    SubmissionFeature feature = new SubmissionFeature(context);
    Caller khm = Uploads.focalPoint("KHM");
    HubRequest unknownParameter =
        Uploads.request(
            khm,
            "PUT",
            "KHM-1",
            "dryrun=true",
            SubmissionFeature.NDJSON,
            new ByteArrayInputStream(new byte[0]),
            Map.of());
    HubException e = assertThrows(HubException.class, () -> call(feature, unknownParameter));
    assertEquals(SubmissionErrors.BAD_QUERY, e.code());
    assertTrue(e.getMessage().contains("dryrun"), e.getMessage());
    HubRequest badValue =
        Uploads.request(
            khm,
            "PUT",
            "KHM-1",
            "dryRun=yes",
            SubmissionFeature.NDJSON,
            new ByteArrayInputStream(new byte[0]),
            Map.of());
    assertEquals(
        SubmissionErrors.BAD_QUERY,
        assertThrows(HubException.class, () -> call(feature, badValue)).code());
    HubRequest xml =
        Uploads.request(
            khm,
            "PUT",
            "KHM-1",
            "",
            "application/xml",
            new ByteArrayInputStream(new byte[0]),
            Map.of());
    assertEquals(415, assertThrows(HubException.class, () -> call(feature, xml)).status());
    assertEquals(
        SubmissionErrors.MALFORMED_ID,
        assertThrows(
                HubException.class, () -> call(feature, Uploads.put(khm, "..", false, KHM_NDJSON)))
            .code());
    EndpointResponse empty = call(feature, Uploads.put(khm, "KHM-1", false, ""));
    assertEquals(422, empty.status());
    assertEquals(
        SubmissionErrors.EMPTY.value(), body(empty).get("issues").get(0).get("code").asString());
    HubRequest unknownAction =
        Uploads.request(
            khm,
            "POST",
            "KHM-1:publish",
            "",
            "application/json",
            new ByteArrayInputStream(new byte[0]),
            Map.of());
    assertEquals(
        404, assertThrows(HubException.class, () -> call(feature, unknownAction)).status());
    assertNothingStored(context);
  }

  private static HubRequest table(Caller caller, String id, String csv) {
    return Uploads.request(
        caller,
        "PUT",
        id,
        "",
        "text/csv",
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
        Map.of());
  }

  @ParameterizedTest
  @EnumSource(HubDatabases.class)
  void indicatorTable_isReadStrictly_storedAndApprovable(HubDatabases db) {
    HubContext context = db.context(CLOCK);
    SubmissionFeature feature = new SubmissionFeature(context);
    IndicatorTable table =
        IndicatorEngine.builder()
            .period(ReportingPeriod.of(LocalDate.of(2000, 1, 1), LocalDate.of(2025, 12, 31)))
            .build()
            .compute(
                new java.util.ArrayList<Object>(KHM.records()),
                List.of(IndicatorRequest.of("CAS-01", Dimension.SEX)));
    Caller khm = Uploads.focalPoint("KHM");
    String csv = IndicatorCsv.toCsv(table, CountryCode.KHM);
    EndpointResponse stored = call(feature, table(khm, "KHM-T1", csv));
    assertEquals(201, stored.status());
    assertEquals("indicatorTable", body(stored).get("kind").asString());
    assertEquals(
        table.observations().size(), body(stored).get("importCount").get("imported").asLong());
    assertEquals(1, rows(context.dataSource(), "hub_submission_line"));
    assertEquals(200, call(feature, table(khm, "KHM-T1", csv)).status());
    assertEquals(200, call(feature, Uploads.approve(khm, "KHM-T1")).status());
    assertEquals(
        0, rows(context.dataSource(), "hub_regional_release"), "figures come from releases");

    EndpointResponse other =
        call(feature, table(khm, "KHM-T2", IndicatorCsv.toCsv(table, CountryCode.LAO)));
    assertEquals(422, other.status());
    JsonNode issue = body(other).get("issues").get(0);
    assertEquals(2, issue.get("line").asLong());
    assertEquals(SubmissionErrors.OTHER_COUNTRY.value(), issue.get("code").asString());
    EndpointResponse broken = call(feature, table(khm, "KHM-T3", csv.replace("CAS-01", "CAS-99")));
    assertEquals(422, broken.status());
    assertEquals("VAN-E-0001", body(broken).get("issues").get(0).get("code").asString());
    assertEquals(2, body(broken).get("issues").get(0).get("line").asLong());
    assertEquals(1, rows(context.dataSource(), "hub_submission"));
  }
}
