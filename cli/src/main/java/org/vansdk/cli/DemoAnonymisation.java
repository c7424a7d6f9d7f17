package org.vansdk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vansdk.anonymisation.policy.AnonymisationPolicy;
import org.vansdk.anonymisation.profile.Release;
import org.vansdk.core.submission.Submission;

/** The demo's anonymisation step: the regional default policy with a fresh in-memory key. */
final class DemoAnonymisation {
  private DemoAnonymisation() {}

  static boolean run(PrintWriter out, Path population, Path target) throws IOException {
    Submission submission = SubmissionInput.read(Input.file(population));
    AnonymisationPolicy policy = AnonymisationPolicy.regionalDefault();
    Release release =
        AnonymiseCommand.anonymise(policy, AnonymiseCommand.randomKey(), 1, submission);
    Files.writeString(target, release.toNdjson(), StandardCharsets.UTF_8);
    AnonymiseCommand.printRisk(out, release.audit());
    out.printf("   %,d de-identified casualties written to %s%n", release.records().size(), target);
    return release.audit().after().recordsBelowK() == 0;
  }
}
