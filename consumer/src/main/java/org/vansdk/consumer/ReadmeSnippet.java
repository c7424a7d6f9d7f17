package org.vansdk.consumer;

import org.vansdk.core.casualty.Activity;
import org.vansdk.core.casualty.Casualty;
import org.vansdk.core.casualty.CivilianStatus;
import org.vansdk.core.casualty.Outcome;
import org.vansdk.core.id.CasualtyId;
import org.vansdk.core.id.IncidentId;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.json.VanJson;
import org.vansdk.schema.validation.PayloadValidator;
import org.vansdk.schema.validation.ValidationReport;

/**
 * The README's example, compiled against the SDK as a user gets it from van-bom. {@code
 * ReadmeSnippetTest} checks that the README shows these imports and statements.
 */
public final class ReadmeSnippet {
  private ReadmeSnippet() {}

  /** What the snippet produced. */
  public record Result(String json, Casualty casualty, Casualty back, ValidationReport report) {}

  /** Runs the snippet. */
  public static Result run() {
    // README:BEGIN
    Casualty casualty = Casualty.builder()
        .id(CasualtyId.parse("KHM-CMAA-C000077"))
        .personId(PersonId.parse("KHM-CMAA-P000123"))
        .incidentId(IncidentId.parse("KHM-CMAA-I000045"))
        .outcome(Outcome.INJURED).civilianStatus(CivilianStatus.CIVILIAN)
        .ageAtIncident(34).activityAtIncident(Activity.FARMING)
        .build();
    String json = VanJson.strict().write(casualty);               // deterministic, absent values omitted
    Casualty back = VanJson.strict().read(json, Casualty.class);  // strict: unknown fields, bad codes are errors
    ValidationReport report = PayloadValidator.create().validate(json);  // located issues with stable codes
    // README:END
    return new Result(json, casualty, back, report);
  }

  /**
   * Prints the snippet's JSON and validation report.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Result r = run();
    System.out.println(r.json());
    System.out.println(r.report());
  }
}
