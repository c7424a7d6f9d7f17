package org.vansdk.referral.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vansdk.core.consent.Consent;
import org.vansdk.core.consent.ConsentMethod;
import org.vansdk.core.consent.ConsentStatus;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.consent.Purpose;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.ConsentId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.id.ServiceId;
import org.vansdk.core.need.Priority;
import org.vansdk.core.need.ServiceType;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.Referral;
import org.vansdk.core.referral.ReferralStatus;
import org.vansdk.referral.audit.AuditVerification;
import org.vansdk.referral.message.AckStatus;
import org.vansdk.referral.message.MessageCodec;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.node.Decision;
import org.vansdk.referral.node.DirectoryEntry;
import org.vansdk.referral.node.InMemoryServiceDirectory;
import org.vansdk.referral.node.Receipt;
import org.vansdk.referral.node.ReferralDraft;
import org.vansdk.referral.node.ReferralNode;
import org.vansdk.referral.node.Transmission;
import org.vansdk.referral.signature.InMemoryOrganisationKeyRegistry;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.referral.signature.SigningKey;
import org.vansdk.referral.store.InMemoryReferralStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One closed-loop referral between a Java node and the independent Python implementation in {@code
 * interop/python/}, over files: the Java referrer writes its signed request, the Python receiver
 * verifies it and answers with signed accept and complete messages, the Java node takes them in,
 * acknowledges the outcome, its audit verifies, and Python verifies what Java sent back.
 *
 * <p>Needs Debian's {@code python3} with {@code python3-nacl}; skipped with the reason when they
 * are absent, unless {@code -Dvan.interop.required=true} (set by {@code interop/python/run.sh}),
 * which turns the skip into a failure.
 */
class PythonInteropTest {
  private static final Path PEER = Path.of("..", "interop", "python", "peer.py");
  private static final Party REFERRER =
      new Party(OrganisationId.parse("KHM-CMAA-HQ"), "hq", CountryCode.KHM);
  private static final Party RECEIVER =
      new Party(OrganisationId.parse("THA-SIRINDHORN-REHAB"), "main", CountryCode.THA);
  private static final ServiceId SERVICE = ServiceId.parse("THA-SIRINDHORN-PROSTHESIS");

  @Test
  void closedLoopReferral_withThePythonPeer_completesAndAuditVerifies(@TempDir Path dir)
      throws Exception {
    String python = pythonWithNacl();
    Clock clock = Clock.systemUTC();
    Instant now = clock.instant();
    InMemoryOrganisationKeyRegistry registry = new InMemoryOrganisationKeyRegistry();
    SigningKey key = SigningKey.generate(KeyId.of("KHM-CMAA-HQ:interop-1"), new SecureRandom());
    registry.register(REFERRER.organisation(), key);
    InMemoryServiceDirectory directory = new InMemoryServiceDirectory();
    directory.add(new DirectoryEntry(SERVICE, RECEIVER, Duration.ofDays(14)));
    ReferralNode node =
        ReferralNode.builder()
            .party(REFERRER)
            .signingKey(key)
            .keyRegistry(registry)
            .store(new InMemoryReferralStore())
            .clock(clock)
            .directory(directory)
            .build();

    PersonId person = PersonId.parse("KHM-CMAA-P000123");
    Consent consent =
        Consent.builder()
            .id(ConsentId.parse("KHM-CMAA-K000001"))
            .personId(person)
            .addGrantees(RECEIVER.organisation())
            .addPurposes(Purpose.REFERRAL)
            .addDataCategories(DataCategory.IDENTITY)
            .addCountries(CountryCode.THA)
            .givenAt(now.minus(Duration.ofDays(1)))
            .method(ConsentMethod.WRITTEN)
            .language("km")
            .status(ConsentStatus.ACTIVE)
            .build();
    ReferralId referralId = ReferralId.parse("KHM-CMAA-R000001");
    AttemptId attempt = AttemptId.parse("KHM-CMAA-A000001");
    Referral referral =
        Referral.builder()
            .id(referralId)
            .personId(person)
            .addServiceTypes(ServiceType.PROSTHESIS)
            .priority(Priority.HIGH)
            .referringOrganisation(REFERRER.organisation())
            .createdAt(now)
            .consentId(consent.id())
            .status(ReferralStatus.ACTIVE)
            .build();
    ObjectNode identity = JsonNodeFactory.instance.objectNode().put("name", "Test Person");
    ReferralDraft draft =
        ReferralDraft.builder()
            .referral(referral)
            .attemptId(attempt)
            .targetService(SERVICE)
            .requestedCategories(EnumSet.of(DataCategory.IDENTITY))
            .personalData(Map.of(DataCategory.IDENTITY, identity))
            .build();
    Decision referred = node.refer(draft, consent);
    assertTrue(referred.done(), referred.message());

    Files.writeString(
        dir.resolve("java-key.json"),
        "{\"organisation\":\"KHM-CMAA-HQ\",\"keyId\":\"KHM-CMAA-HQ:interop-1\",\"publicKeyHex\":\""
            + HexFormat.of().formatHex(raw(key))
            + "\"}",
        StandardCharsets.UTF_8);
    assertEquals(1, writeOutgoing(node, dir.resolve("to-python")), "the referral_request");
    run(python, "answer", dir);

    JsonNode pythonKey = MessageCodec.parse(Files.readAllBytes(dir.resolve("python-key.json")));
    registry.register(
        OrganisationId.parse(pythonKey.get("organisation").asString()),
        KeyId.of(pythonKey.get("keyId").asString()),
        TestKeys.publicKey(HexFormat.of().parseHex(pythonKey.get("publicKeyHex").asString())));
    List<Path> answers;
    try (Stream<Path> files = Files.list(dir.resolve("to-java"))) {
      answers = files.sorted().toList();
    }
    assertEquals(2, answers.size(), "accept and complete");
    for (Path answer : answers) {
      Receipt r = node.receive(Files.readAllBytes(answer));
      assertEquals(AckStatus.OK, r.status(), answer.getFileName() + ": " + r.detail());
    }
    assertEquals(AttemptStatus.COMPLETED, node.status(attempt).orElseThrow());
    Decision acknowledged = node.acknowledgeOutcome(attempt);
    assertTrue(acknowledged.done(), acknowledged.message());
    AuditVerification audit = node.verifyAudit(referralId);
    assertTrue(audit.valid(), audit.toString());

    Path back = dir.resolve("back");
    int sent = writeOutgoing(node, back.resolve("to-python"));
    assertTrue(sent >= 3, "two acks and the outcome_ack, was " + sent);
    Files.copy(dir.resolve("java-key.json"), back.resolve("java-key.json"));
    String checked = run(python, "check", back);
    assertTrue(checked.contains("outcome_ack"), checked);
  }

  private static byte[] raw(SigningKey key) {
    byte[] x509 = key.publicKey().getEncoded();
    return java.util.Arrays.copyOfRange(x509, x509.length - 32, x509.length);
  }

  private static int writeOutgoing(ReferralNode node, Path folder) throws IOException {
    Files.createDirectories(folder);
    int n = 0;
    for (Transmission t : node.outgoing()) {
      n++;
      Files.write(folder.resolve(String.format("%03d.json", n)), t.bytes());
    }
    return n;
  }

  private static String run(String python, String command, Path dir) throws Exception {
    Process p =
        new ProcessBuilder(python, PEER.toString(), command, dir.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("python peer did not finish: " + output);
    }
    assertEquals(0, p.exitValue(), "python peer " + command + " failed:\n" + output);
    return output;
  }

  /** Debian's python3 (where python3-nacl installs), or the one on the path, if it has PyNaCl. */
  private static String pythonWithNacl() {
    List<String> tried = new ArrayList<>();
    for (String candidate : List.of("/usr/bin/python3", "python3")) {
      tried.add(candidate);
      try {
        Process p =
            new ProcessBuilder(candidate, "-c", "import nacl.signing")
                .redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
          return candidate;
        }
      } catch (IOException | InterruptedException e) {
        // not installed here: try the next one
      }
    }
    String reason =
        "no python3 with PyNaCl (tried "
            + tried
            + "); install Debian's python3-nacl or run interop/python/run.sh";
    if (Boolean.getBoolean("van.interop.required")) {
      fail(reason);
    }
    Assumptions.assumeTrue(false, reason);
    return null;
  }
}
