package org.vansdk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.vansdk.anonymisation.policy.AnonymisationPolicy;
import org.vansdk.anonymisation.profile.Release;

/**
 * The demo's anonymisation step: the regional default policy (local recoding) with a fresh
 * in-memory key, streaming the population; prints the risk and utility reports.
 */
final class DemoAnonymisation {
  private DemoAnonymisation() {}

  static boolean run(PrintWriter out, Path population, Path target) throws IOException {
    AnonymisationPolicy policy = AnonymisationPolicy.regionalDefault();
    Release release =
        AnonymiseCommand.anonymise(policy, AnonymiseCommand.randomKey(), 1, Input.file(population));
    AnonymiseCommand.write(release, target);
    AnonymiseCommand.printRisk(out, release.audit());
    for (String line : release.utility().toText().split("\n")) {
      out.println("   " + line);
    }
    out.printf("   %,d de-identified casualties written to %s%n", release.size(), target);
    return release.audit().after().recordsBelowK() == 0;
  }
}
