package org.vansdk.examples;

import java.io.PrintStream;
import org.vansdk.core.casualty.Activity;
import org.vansdk.core.casualty.Amputation;
import org.vansdk.core.casualty.AmputationLevel;
import org.vansdk.core.casualty.Casualty;
import org.vansdk.core.casualty.CivilianStatus;
import org.vansdk.core.casualty.Limb;
import org.vansdk.core.casualty.Outcome;
import org.vansdk.core.casualty.Side;
import org.vansdk.core.code.LabelLanguage;
import org.vansdk.core.id.CasualtyId;
import org.vansdk.core.id.IncidentId;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.json.VanJson;

/**
 * Quick start: build a casualty record, print it as JSON, read it back and show that the round trip
 * is exact and that labels exist in the network's languages.
 */
public final class QuickStart {
  private QuickStart() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  static Casualty run(PrintStream out) {
    Casualty casualty =
        Casualty.builder()
            .id(CasualtyId.parse("KHM-CMAA-C000077"))
            .personId(PersonId.parse("KHM-CMAA-P000123"))
            .incidentId(IncidentId.parse("KHM-CMAA-I000045"))
            .outcome(Outcome.INJURED)
            .civilianStatus(CivilianStatus.CIVILIAN)
            .ageAtIncident(34)
            .activityAtIncident(Activity.FARMING)
            .addAmputations(
                Amputation.builder()
                    .limb(Limb.LOWER)
                    .side(Side.LEFT)
                    .level(AmputationLevel.BELOW_KNEE)
                    .build())
            .build();

    String json = VanJson.strict().writePretty(casualty);
    out.println("A casualty record as JSON:");
    out.println(json);

    Casualty back = VanJson.strict().read(json, Casualty.class);
    out.println("Round trip equal: " + back.equals(casualty));
    out.println("toString (medical details redacted): " + back);
    out.println(
        "Survivor: "
            + back.isSurvivor()
            + "; age group: "
            + back.ageGroup().code()
            + "; outcome in Khmer (machine-drafted): "
            + back.outcome().label(LabelLanguage.KM));
    return back;
  }
}
