package org.vansdk.examples;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import org.vansdk.anonymisation.policy.AnonymisationPolicy;
import org.vansdk.anonymisation.profile.RegionalSharingProfile;
import org.vansdk.anonymisation.profile.Release;
import org.vansdk.anonymisation.pseudonym.InMemoryKeyProvider;
import org.vansdk.anonymisation.pseudonym.PseudonymKey;
import org.vansdk.anonymisation.risk.RiskReport;
import org.vansdk.core.deidentified.DeidentifiedCasualty;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.submission.Submission;
import org.vansdk.testkit.population.PopulationGenerator;
import org.vansdk.testkit.population.PopulationSpec;

/**
 * Anonymise a dataset for regional sharing: turn a national submission into de-identified casualty
 * records (keyed pseudonyms, generalised quasi-identifiers, k-anonymity) under the regional default
 * policy, and compare the re-identification risk before and after.
 */
public final class AnonymiseDataset {
  private AnonymiseDataset() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  static Release run(PrintStream out) {
    // A synthetic national dataset stands in for your own Submission.
    Submission national =
        PopulationGenerator.of(
                PopulationSpec.builder().country(CountryCode.KHM).casualties(500).seed(1).build())
            .toSubmission();

    // The policy says who receives the data, for what, and how much protection it needs;
    // AnonymisationPolicy.parse(json) reads your own (see policy-example.json).
    AnonymisationPolicy policy = AnonymisationPolicy.regionalDefault();

    // Pseudonyms are keyed: the same person gets the same pseudonym in every release to this
    // recipient, and nobody without the key can link them back. Keep the secret (32 bytes or
    // more) in a secret store; a random one is fine for an example.
    byte[] secret = new byte[PseudonymKey.MINIMUM_BYTES];
    new SecureRandom().nextBytes(secret);
    InMemoryKeyProvider keys =
        InMemoryKeyProvider.empty()
            .add(PseudonymKey.of(policy.purpose(), policy.recipient(), 1, secret));

    Release release = RegionalSharingProfile.of(policy, keys, Clock.systemUTC()).apply(national);

    // The audit records what was done and the risk before and after; release.auditJson()
    // is the same as JSON, to keep beside the shared file (release.toNdjson()).
    out.printf("policy %s, k = %d%n", release.audit().policyName(), policy.k());
    print(out, "before", release.audit().before());
    print(out, "after", release.audit().after());
    out.println("A few de-identified records:");
    for (DeidentifiedCasualty record : release.records().subList(0, 3)) {
      out.println("  " + VanJson.strict().write(record));
    }
    return release;
  }

  private static void print(PrintStream out, String when, RiskReport risk) {
    out.printf(
        Locale.ROOT,
        "%-6s %,d records, %,d suppressed, %,d below k, highest risk %.3f, average %.3f%n",
        when,
        risk.records(),
        risk.suppressedRecords(),
        risk.recordsBelowK(),
        risk.highestRisk(),
        risk.averageRisk());
  }
}
