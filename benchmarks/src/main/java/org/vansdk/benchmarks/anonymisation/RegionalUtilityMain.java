package org.vansdk.benchmarks.anonymisation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.vansdk.anonymisation.policy.AnonymisationPolicy;
import org.vansdk.anonymisation.profile.RegionalSharingProfile;
import org.vansdk.anonymisation.profile.Release;
import org.vansdk.anonymisation.pseudonym.InMemoryKeyProvider;
import org.vansdk.anonymisation.pseudonym.PseudonymKey;
import org.vansdk.anonymisation.search.Dataset;
import org.vansdk.anonymisation.search.LocalRecoding;
import org.vansdk.anonymisation.search.LocalRecodingResult;
import org.vansdk.anonymisation.search.LossModel;
import org.vansdk.anonymisation.search.PrivacyModel;
import org.vansdk.core.place.CountryCode;
import org.vansdk.testkit.population.PopulationGenerator;
import org.vansdk.testkit.population.PopulationSpec;

/**
 * The utility figures of issue 16: the regional profile under the default policy (k = 5, local
 * recoding) on testkit populations of national size (KHM 65,000 casualties, LAO 50,000, VNM
 * 100,000; seed 1), printing the utility report, suppression and the loss beside the global
 * optimum's; then local against global loss on the VA-shaped dataset (100,000 records).
 *
 * <p>{@code java -cp ... org.vansdk.benchmarks.anonymisation.RegionalUtilityMain}
 */
public final class RegionalUtilityMain {
  private RegionalUtilityMain() {}

  /**
   * Runs the three populations.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    byte[] secret = new byte[32];
    AnonymisationPolicy policy = AnonymisationPolicy.regionalDefault();
    InMemoryKeyProvider keys =
        InMemoryKeyProvider.empty()
            .add(PseudonymKey.of(policy.purpose(), policy.recipient(), 1, secret));
    Clock clock = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
    Object[][] populations = {
      {CountryCode.KHM, 65_000}, {CountryCode.LAO, 50_000}, {CountryCode.VNM, 100_000}
    };
    for (Object[] p : populations) {
      RegionalSharingProfile.Collector collector =
          RegionalSharingProfile.of(policy, keys, clock).collector();
      PopulationGenerator.of(
              PopulationSpec.builder()
                  .country((CountryCode) p[0])
                  .casualties((Integer) p[1])
                  .seed(1)
                  .build())
          .forEach(collector);
      long t0 = System.nanoTime();
      Release release = collector.release();
      long t1 = System.nanoTime();
      System.out.printf(
          Locale.ROOT,
          "%s %,d casualties: %s recoding, loss %.4f, global optimum %.4f, %,d suppressed,"
              + " profile %.2f s%n",
          p[0],
          release.size(),
          release.audit().recoding(),
          release.audit().loss(),
          release.audit().globalLoss().orElse(Double.NaN),
          release.audit().suppressedRecords(),
          (t1 - t0) / 1e9);
      System.out.print(release.utility().toText());
    }
    Dataset data = VaShapedData.generate(100_000, 42);
    LocalRecodingResult r =
        LocalRecoding.builder(data)
            .privacy(PrivacyModel.kAnonymity(5))
            .suppressionLimit(0.05)
            .loss(LossModel.loss())
            .build()
            .run();
    System.out.println("VA-shaped 100,000 records, 6 quasi-identifiers, k = 5: " + r);
  }
}
