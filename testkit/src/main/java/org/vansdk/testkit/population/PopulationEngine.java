package org.vansdk.testkit.population;

import java.util.function.Consumer;
import org.vansdk.testkit.profile.Attribute;
import org.vansdk.testkit.profile.Shares;
import org.vansdk.testkit.random.Prng;

/**
 * Generates one population as a stream of records pushed to a consumer: the directory first, then
 * incident by incident, each from its own seeded stream. Wires the emitters of each record family
 * ({@link Directory}, {@link IncidentEmitter}, {@link PersonEmitter}, {@link AssessmentEmitter},
 * {@link ReferralEmitter}, {@link DeliveryEmitter}). Holds only the directory and counters, so
 * memory does not grow with the count. Not thread-safe.
 */
final class PopulationEngine {
  private final Generation g;
  private final Directory directory;
  private final IncidentEmitter incidents;

  PopulationEngine(PopulationSpec spec, Consumer<Object> sink) {
    this.g = new Generation(spec, sink);
    this.directory = new Directory(g);
    DeliveryEmitter deliveries = new DeliveryEmitter(g, directory);
    ReferralEmitter referrals = new ReferralEmitter(g, directory, deliveries);
    AssessmentEmitter assessments = new AssessmentEmitter(g, directory, referrals, deliveries);
    this.incidents =
        new IncidentEmitter(g, directory, new PersonEmitter(g, directory), assessments);
  }

  void run() {
    directory.emit();
    long remaining = g.spec.casualties();
    long index = 0;
    while (remaining > 0) {
      Prng r = Prng.of(Prng.mix(g.spec.seed(), index));
      int year = incidents.incidentYear(r);
      Shares perIncident = g.profile.distribution(Attribute.CASUALTIES_PER_INCIDENT).in(year);
      int k = Integer.parseInt(perIncident.code(perIncident.pick(r.nextDouble())));
      if (g.edge > 0 && r.chance(g.edge)) {
        k = r.between(1, 9);
      }
      k = (int) Math.min(k, remaining);
      incidents.incident(r, year, k);
      remaining -= k;
      index++;
    }
  }
}
