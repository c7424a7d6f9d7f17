package org.vansdk.fhir;

import java.util.ArrayList;
import java.util.List;
import org.vansdk.testkit.gen.VanGen;
import org.vansdk.testkit.population.PopulationGenerator;

/** Every referral attempt of a testkit population, with the records its Bundle draws on. */
final class Populations {
  private Populations() {}

  static List<FhirReferral> referrals(long seed) {
    List<Object> records = new ArrayList<>();
    PopulationGenerator.of(VanGen.spec(seed)).forEach(records::add);
    return FhirReferrals.of(records);
  }
}
