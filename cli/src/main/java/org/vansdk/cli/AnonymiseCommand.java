package org.vansdk.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vansdk.anonymisation.policy.AnonymisationPolicy;
import org.vansdk.anonymisation.policy.AuditRecord;
import org.vansdk.anonymisation.profile.RegionalSharingProfile;
import org.vansdk.anonymisation.profile.Release;
import org.vansdk.anonymisation.pseudonym.InMemoryKeyProvider;
import org.vansdk.anonymisation.pseudonym.PseudonymKey;
import org.vansdk.anonymisation.risk.RiskReport;
import org.vansdk.core.json.Ndjson;
import org.vansdk.core.json.NdjsonReader;
import org.vansdk.core.json.VanJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code van anonymise}: produces the de-identified regional sharing profile under a policy. */
@Command(
    name = "anonymise",
    aliases = "anonymize",
    mixinStandardHelpOptions = true,
    description = {
      "De-identify casualties for regional sharing (DeidentifiedCasualty records) under a policy:",
      "keyed pseudonyms, local recoding to k-anonymity (and l-diversity if the policy asks; the",
      "policy may ask for global recoding instead), record suppression within the limit. Prints the",
      "risk report before and after and the utility report (records kept at each level, questions",
      "the release still answers), and writes an audit JSON beside the output (OUT.audit.json).",
      "NDJSON input is read one line at a time, with progress on a terminal.",
      "The pseudonym key (32 bytes or more, Base64) comes from --key-file or VAN_PSEUDONYM_KEY;",
      "it never appears in output. The policy format is documented in the example policy",
      "(van anonymise --example-policy)."
    },
    footer = {
      "",
      "Examples:",
      "  van anonymise --example-policy > policy.json",
      "  VAN_PSEUDONYM_KEY=$(head -c 32 /dev/urandom | base64) van anonymise --policy policy.json khm.ndjson regional.ndjson"
    })
final class AnonymiseCommand implements Callable<Integer> {
  static final String EXAMPLE_POLICY = "/org/vansdk/anonymisation/policy/policy-example.json";

  @Option(
      names = "--policy",
      description = "The policy JSON (default: the regional default policy); - for standard input.")
  Path policy;

  @Option(names = "--key-file", description = "File holding the Base64 pseudonym key.")
  Path keyFile;

  @Option(
      names = "--key-version",
      defaultValue = "1",
      description = "Version of the key, written into every pseudonym (default 1).")
  int keyVersion;

  @Option(names = "--example-policy", description = "Print the documented example policy and exit.")
  boolean examplePolicy;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "IN",
      description = "Submission JSON or NDJSON input; - for standard input.")
  Path in;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "OUT",
      description = "NDJSON output of DeidentifiedCasualty records.")
  Path out;

  @Spec CommandSpec spec;

  @ParentCommand Van van;

  @Override
  public Integer call() throws IOException {
    PrintWriter console = spec.commandLine().getOut();
    if (examplePolicy) {
      try (var stream = AnonymisationPolicy.class.getResourceAsStream(EXAMPLE_POLICY)) {
        console.print(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
      }
      return Van.OK;
    }
    if (in == null || out == null) {
      throw new ParameterException(spec.commandLine(), "IN and OUT are required");
    }
    Input.requireStdinOnce(spec.commandLine(), in, policy, keyFile);
    Input input = Input.of(spec.commandLine(), in, van.stdin());
    AnonymisationPolicy p;
    if (policy == null) {
      p = AnonymisationPolicy.regionalDefault();
    } else {
      try (var text = Input.of(spec.commandLine(), policy, van.stdin()).open()) {
        p = AnonymisationPolicy.parse(new String(text.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    byte[] secret = key();
    Release release = anonymise(p, secret, keyVersion, input);
    Path audit = out.resolveSibling(out.getFileName() + ".audit.json");
    write(release, out);
    Files.writeString(audit, release.auditJson(), StandardCharsets.UTF_8);
    printRisk(console, release.audit());
    console.print(release.utility().toText());
    console.printf(
        "wrote %,d de-identified casualties to %s and the audit to %s%n",
        release.size(), out, audit);
    return Van.OK;
  }

  /**
   * De-identifies a Submission JSON file or an NDJSON stream. NDJSON is read one line at a time
   * (memory grows with the casualties kept as codes, not with the file), with progress on a
   * terminal.
   */
  static Release anonymise(AnonymisationPolicy policy, byte[] secret, int version, Input input)
      throws IOException {
    InMemoryKeyProvider keys =
        InMemoryKeyProvider.empty()
            .add(PseudonymKey.of(policy.purpose(), policy.recipient(), version, secret));
    RegionalSharingProfile profile = RegionalSharingProfile.of(policy, keys, Clock.systemUTC());
    try (InputStream buffered = input.open()) {
      if (!input.namedNdjson() && !Sniff.isNdjson(buffered)) {
        return profile.apply(VanJson.strict().readSubmission(buffered.readAllBytes()));
      }
      try (Progress progress = Progress.start("records read", input.size());
          NdjsonReader reader = Ndjson.reader(VanJson.strict(), progress.watch(buffered))) {
        return profile.apply(reader);
      }
    }
  }

  /** Writes the release as NDJSON one record at a time, with progress on a terminal. */
  static void write(Release release, Path target) throws IOException {
    try (Progress progress = Progress.start("records written", 0);
        OutputStream out =
            progress.watch(new BufferedOutputStream(Files.newOutputStream(target), 1 << 16))) {
      release.writeNdjson(out, n -> {});
    }
  }

  static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  private byte[] key() throws IOException {
    String text;
    if (keyFile != null) {
      try (var key = Input.of(spec.commandLine(), keyFile, van.stdin()).open()) {
        text = new String(key.readNBytes(4096), StandardCharsets.US_ASCII);
      }
    } else {
      text = System.getenv("VAN_PSEUDONYM_KEY");
      if (text == null) {
        throw new ParameterException(
            spec.commandLine(),
            "a pseudonym key is required: --key-file FILE or VAN_PSEUDONYM_KEY (Base64, 32 bytes or more)");
      }
    }
    try {
      return Base64.getDecoder().decode(text.trim());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "the pseudonym key is not valid Base64");
    }
  }

  static void printRisk(PrintWriter out, AuditRecord audit) {
    out.printf(
        Locale.ROOT,
        "policy %s: k=%d, %s recoding, loss (%s) %.4f%s%n",
        audit.policyName(),
        audit.before().k(),
        audit.recoding(),
        audit.lossModel(),
        audit.loss(),
        audit.recoding().equals("local") && audit.globalLoss().isPresent()
            ? String.format(Locale.ROOT, " (global optimum %.4f)", audit.globalLoss().getAsDouble())
            : "");
    out.printf(
        "%-8s %10s %12s %10s %16s %13s %13s%n",
        "", "records", "suppressed", "classes", "records below k", "highest risk", "average risk");
    row(out, "before", audit.before());
    row(out, "after", audit.after());
  }

  private static void row(PrintWriter out, String label, RiskReport r) {
    out.printf(
        Locale.ROOT,
        "%-8s %,10d %,12d %,10d %,16d %13.4f %13.4f%n",
        label,
        r.records(),
        r.suppressedRecords(),
        r.equivalenceClasses(),
        r.recordsBelowK(),
        r.highestRisk(),
        r.averageRisk());
  }
}
