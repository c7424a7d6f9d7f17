package org.vansdk.anonymisation.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.vansdk.anonymisation.policy.AnonymisationPolicy;
import org.vansdk.core.json.Ndjson;
import org.vansdk.core.json.NdjsonReader;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.place.CountryCode;
import org.vansdk.testkit.junit.SeedSource;
import org.vansdk.testkit.population.PopulationGenerator;
import org.vansdk.testkit.population.PopulationSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The independent check: every release of generated populations, read back from its NDJSON text
 * alone with a plain JSON parser, is k-anonymous and l-diverse. Nothing here is shared with the
 * search: classes are the records with equal released quasi-identifier fields.
 */
class ReleaseRecountTest {
  private static final List<CountryCode> COUNTRIES =
      List.of(CountryCode.KHM, CountryCode.LAO, CountryCode.VNM);

  /**
   * The policies checked, all with the default priorities (so the prioritised cascade is recounted
   * too): default, l-diversity variants, and global recoding.
   */
  private static final List<String> POLICIES =
      List.of(
          policy(5, "null", "local"),
          policy(3, "{\"variant\": \"distinct\", \"l\": 2, \"attribute\": \"outcome\"}", "local"),
          policy(4, "{\"variant\": \"entropy\", \"l\": 1.5, \"attribute\": \"outcome\"}", "local"),
          policy(5, "{\"variant\": \"distinct\", \"l\": 2, \"attribute\": \"outcome\"}", "global"));

  private static String policy(int k, String diversity, String recoding) {
    return "{\"schemaVersion\": \"1.0\", \"name\": \"recount\", \"privacy\": {\"k\": "
        + k
        + ", \"suppressionLimit\": 0.05, \"lDiversity\": "
        + diversity
        + "}, \"recoding\": \""
        + recoding
        + "\", \"priorities\": [{\"levels\": {\"place\": 2, \"incidentDate\": 3}, \"share\":"
        + " 0.9}, {\"levels\": {\"sex\": 0, \"age\": 1}, \"share\": 0.8}],"
        + " \"lossModel\": \"loss\", \"quasiIdentifiers\": {\"place\": {\"minLevel\": 2,"
        + " \"maxLevel\": 4}}, \"pseudonym\": {\"purpose\": \"regional_dashboard\","
        + " \"recipient\": \"regional\"}}";
  }

  @ParameterizedTest(name = "seed {0}")
  @SeedSource(16)
  void release_recountedFromItsOutput_isKAnonymousAndDiverse(long seed) {
    CountryCode country = COUNTRIES.get((int) Math.floorMod(seed, COUNTRIES.size()));
    int casualties = 800 + (int) Math.floorMod(seed, 2200L);
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    PopulationGenerator.of(
            PopulationSpec.builder().country(country).casualties(casualties).seed(seed).build())
        .writeNdjson(input);
    String where = "seed " + seed + " (" + country + ", " + casualties + " casualties)";
    for (String json : POLICIES) {
      AnonymisationPolicy policy = AnonymisationPolicy.parse(json);
      Release release;
      try (NdjsonReader reader =
          Ndjson.reader(VanJson.strict(), new ByteArrayInputStream(input.toByteArray()))) {
        release =
            RegionalSharingProfile.of(
                    policy, RegionalSharingProfileTest.keys(), RegionalSharingProfileTest.CLOCK)
                .apply(reader);
      }
      String context = where + ", policy " + json;
      assertEquals(casualties, release.size(), context);
      Recount.check(release.toNdjson(), policy, context);
    }
  }

  /** Recounts classes from the output text only. */
  static final class Recount {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static void check(String ndjson, AnonymisationPolicy policy, String context) {
      String sensitive = policy.sensitiveAttribute().orElse("");
      Map<String, Map<String, Integer>> classes = new HashMap<>();
      int records = 0;
      for (String line : ndjson.split("\n")) {
        if (line.isEmpty()) {
          continue;
        }
        records++;
        JsonNode r = JSON.readTree(line);
        String key =
            String.join(
                "|",
                r.path("country").asString(""),
                r.path("sex").asString(""),
                r.path("ageBand").asString("-"),
                r.path("adminArea").path("pCode").asString("-"),
                r.path("incidentPeriod").asString("-"),
                r.path("deviceCategory").asString("-"),
                r.path("activityGroup").asString("-"));
        String value = sensitive.isEmpty() ? "" : r.path(sensitive).asString("(absent)");
        classes.computeIfAbsent(key, k -> new HashMap<>()).merge(value, 1, Integer::sum);
      }
      long limit =
          new BigDecimal(Double.toString(policy.suppressionLimit()))
              .multiply(BigDecimal.valueOf(records))
              .setScale(0, RoundingMode.FLOOR)
              .longValueExact();
      for (Map.Entry<String, Map<String, Integer>> e : classes.entrySet()) {
        int size = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
        boolean withheld = e.getKey().matches("[A-Z]{3}\\|unknown\\|-\\|-\\|-\\|-\\|-");
        boolean passes = size >= policy.k() && diverse(e.getValue(), size, policy);
        assertTrue(
            passes || (withheld && size <= limit),
            context + ": class " + e.getKey() + " of " + size + " records " + e.getValue());
      }
    }

    private static boolean diverse(Map<String, Integer> values, int size, AnonymisationPolicy p) {
      if (p.sensitiveAttribute().isEmpty()) {
        return true;
      }
      String model = p.privacyModels().get(1).toString();
      double l = Double.parseDouble(model.replaceAll(".*l=([0-9.]+)\\).*", "$1"));
      if (model.startsWith("distinct")) {
        return values.size() >= l;
      }
      double entropy = 0;
      for (int f : values.values()) {
        double share = f / (double) size;
        entropy -= share * Math.log(share);
      }
      return entropy >= Math.log(l) - 1e-9;
    }
  }
}
