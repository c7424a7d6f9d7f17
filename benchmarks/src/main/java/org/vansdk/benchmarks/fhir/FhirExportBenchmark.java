package org.vansdk.benchmarks.fhir;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vansdk.core.place.CountryCode;
import org.vansdk.fhir.FhirReferral;
import org.vansdk.fhir.FhirReferrals;
import org.vansdk.fhir.ReferralBundles;
import org.vansdk.testkit.population.PopulationGenerator;
import org.vansdk.testkit.population.PopulationSpec;

/**
 * Time to export 100,000 referral attempts as FHIR R4 Bundles (JSON text, pretty-printed), one shot
 * (milliseconds for all 100,000). The attempts are those of a synthetic Cambodian population,
 * cycled to reach the count; each Bundle holds the Patient (consent judged at export), Consent,
 * ServiceRequest, Task, Organizations, HealthcareService and Location. Validation is not included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g"})
public class FhirExportBenchmark {
  @Param({"100000"})
  int referrals;

  private List<FhirReferral> input;
  private ReferralBundles bundles;

  @Setup(Level.Trial)
  public void setUp() {
    List<Object> records = new ArrayList<>();
    PopulationGenerator.of(
            PopulationSpec.builder().country(CountryCode.KHM).casualties(5_000).seed(42).build())
        .forEach(records::add);
    List<FhirReferral> distinct = FhirReferrals.of(records);
    if (distinct.isEmpty()) {
      throw new IllegalStateException("the population has no referral attempts");
    }
    input = new ArrayList<>(referrals);
    for (int i = 0; i < referrals; i++) {
      input.add(distinct.get(i % distinct.size()));
    }
    bundles =
        ReferralBundles.of(Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC));
  }

  /** Exports every referral attempt; returns the total length so nothing is optimised away. */
  @Benchmark
  public long exportAsFhirJson() {
    long chars = 0;
    for (FhirReferral r : input) {
      chars += bundles.toJson(r).length();
    }
    return chars;
  }
}
