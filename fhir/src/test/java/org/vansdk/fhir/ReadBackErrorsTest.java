package org.vansdk.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.testkit.gen.SampleRecords;

/** Bad FHIR input: a stable code, the place, and never the value. */
class ReadBackErrorsTest {
  private static final FhirReferral R = Populations.referrals(7).get(0);
  private static final String JSON =
      ReferralBundles.of(Clock.fixed(R.referral().createdAt(), ZoneOffset.UTC)).toJson(R);

  private static FhirException refused(String json, ErrorCode code, String place) {
    FhirException e = assertThrows(FhirException.class, () -> ReferralBundleReader.read(json));
    assertEquals(code, e.code(), e.getMessage());
    assertTrue(e.getMessage().contains(place), e.getMessage());
    assertFalse(e.getMessage().contains(SampleRecords.SECRET_NAME), e.getMessage());
    return e;
  }

  @Test
  void notJson_lineAndColumn() {
    refused("{\n  \"resourceType\": \"Bundle\",\n  oops", FhirException.NOT_FHIR, "line 3");
  }

  @Test
  void unknownElement_namesIt() {
    refused(
        JSON.replaceFirst("\"intent\"", "\"intnet\""),
        FhirException.NOT_FHIR,
        "unknown element intnet");
  }

  @Test
  void invalidPrimitive_withPersonalValue_notRepeated() {
    refused(
        JSON.replaceFirst(
            "\"authoredOn\": \"[^\"]*\"", "\"authoredOn\": \"" + SampleRecords.SECRET_NAME + "\""),
        FhirException.NOT_FHIR,
        "not valid");
  }

  @Test
  void noTask_missing() {
    String noTask = JSON.replace("\"resourceType\": \"Task\"", "\"resourceType\": \"Basic\"");
    assertThrows(FhirException.class, () -> ReferralBundleReader.read(noTask));
  }

  @Test
  void taskStatusReady_hasNoEquivalent_pathNamed() {
    String status = "\"status\": \"" + TaskStatuses.toTask(R.attempt().status()).toCode() + "\"";
    int task = JSON.indexOf(status, JSON.indexOf("\"resourceType\": \"Task\""));
    String ready =
        JSON.substring(0, task) + "\"status\": \"ready\"" + JSON.substring(task + status.length());
    refused(ready, FhirException.INVALID_VALUE, "Bundle.entry[3].resource.status");
  }

  @Test
  void badIdentifier_pathNamed_valueNotRepeated() {
    String bad = JSON.replace(R.attempt().id().value(), SampleRecords.SECRET_NAME);
    refused(bad, FhirException.INVALID_VALUE, "Bundle.entry[3].resource.identifier");
  }

  @Test
  void illegalMove_refusedByStateTable() {
    String completedJson = TaskUpdates.toJson(R.referral(), R.attempt());
    FhirException e =
        assertThrows(
            FhirException.class,
            () ->
                TaskUpdates.apply(
                    org.vansdk.core.referral.ReferralAttempt.builder()
                        .from(R.attempt())
                        .status(AttemptStatus.CANCELLED)
                        .history(java.util.List.of())
                        .outcome(java.util.Optional.empty())
                        .build(),
                    completedJson.replace(
                        "\"valueCode\": \"draft\"", "\"valueCode\": \"completed\"")));
    assertEquals(FhirException.TRANSITION_REFUSED, e.code(), e.getMessage());
  }
}
