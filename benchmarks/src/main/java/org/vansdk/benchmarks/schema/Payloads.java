package org.vansdk.benchmarks.schema;

import java.nio.charset.StandardCharsets;

/** Casualty payloads shared by the schema benchmarks (valid, varied by a seed-free index). */
final class Payloads {
  static final String[] ACTIVITIES = {"farming", "herding", "travelling", "playing", "fishing"};
  static final String[] OUTCOMES = {"injured", "killed", "injured", "unknown"};

  private Payloads() {}

  static String casualty(int i) {
    return "{\"activityAtIncident\":\""
        + ACTIVITIES[i % ACTIVITIES.length]
        + "\",\"ageAtIncident\":"
        + age(i)
        + ",\"amputations\":[{\"level\":\"below_knee\",\"limb\":\"lower\",\"side\":\"left\"}],"
        + "\"civilianStatus\":\"civilian\",\"firstAidOnSite\":\"yes\",\"id\":\"KHM-CMAA-C"
        + i
        + "\",\"incidentId\":\"KHM-CMAA-I"
        + (i / 2)
        + "\",\"injuries\":[{\"laterality\":\"left\",\"region\":\"lower_limb\"}],"
        + "\"minutesToFacility\":90,\"outcome\":\""
        + OUTCOMES[i % OUTCOMES.length]
        + "\",\"personId\":\"KHM-CMAA-P"
        + i
        + "\",\"priorRiskEducation\":\"no\",\"sensoryLoss\":[\"hearing_partial\"],\"tampered\":false}";
  }

  static int age(int i) {
    return 10 + i % 60;
  }

  static byte[][] casualties(int n) {
    byte[][] out = new byte[n][];
    for (int i = 0; i < n; i++) {
      out[i] = casualty(i).getBytes(StandardCharsets.UTF_8);
    }
    return out;
  }
}
