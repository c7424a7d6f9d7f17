package org.vansdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vansdk.cli.VanCommandTest.van;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.transport.trust.TrustList;
import org.vansdk.transport.trust.TrustListJson;

/** {@code van trust-list}: the operator's whole cycle, and every refusal with its exit code. */
class TrustListCommandTest {

  @TempDir Path dir;

  private String keygen(String name) {
    VanCommandTest.Run run = van("trust-list", "keygen", "--out", dir.resolve(name).toString());
    assertEquals(0, run.code(), run.err());
    return run.out().strip();
  }

  private String list() {
    return dir.resolve("trust-list.json").toString();
  }

  private TrustList read() throws IOException {
    return TrustListJson.read(Files.readAllBytes(Path.of(list())));
  }

  private VanCommandTest.Run verify(String operatorPublic, String... more) {
    String[] base = {
      "trust-list",
      "verify",
      list(),
      "--network",
      "ASEAN-VAN",
      "--operator-key",
      "operator-2026=" + operatorPublic
    };
    String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return van(args);
  }

  private void ok(String... args) {
    VanCommandTest.Run run = van(args);
    assertEquals(0, run.code(), run.err());
  }

  @Test
  void operatorCycle_newAddSignVerify_thenRevokeStartsTheNextVersion() throws IOException {
    String operator = keygen("operator.key");
    String khm = keygen("khm.key");
    ok("trust-list", "new", "--network", "ASEAN-VAN", "--out", list());
    ok(
        "trust-list",
        "add",
        list(),
        "--organisation",
        "KHM-CMAA-HQ",
        "--name",
        "CMAA",
        "--endpoint",
        "https://van.cmaa.example/",
        "--kid",
        "KHM-CMAA-2026-01",
        "--public-key",
        khm,
        "--not-before",
        "2026-01-01T00:00:00Z",
        "--not-after",
        "2027-01-01T00:00:00Z");
    ok(
        "trust-list",
        "add",
        list(),
        "--organisation",
        "LAO-NRA-HQ",
        "--name",
        "NRA",
        "--mailbox-only");
    VanCommandTest.Run unsigned = verify(operator);
    assertEquals(1, unsigned.code(), unsigned.out());
    assertTrue(unsigned.err().contains("VAN-N-0102"), unsigned.err());

    ok(
        "trust-list",
        "sign",
        list(),
        "--kid",
        "operator-2026",
        "--key",
        dir.resolve("operator.key").toString());
    VanCommandTest.Run valid = verify(operator);
    assertEquals(0, valid.code(), valid.err());
    assertTrue(
        valid.out().contains("version 1, 2 organisations, 1 keys, 1 signatures"), valid.out());

    ok("trust-list", "revoke", list(), "--kid", "KHM-CMAA-2026-01", "--at", "2026-06-01T00:00:00Z");
    TrustList revoked = read();
    assertEquals(2, revoked.version());
    assertTrue(revoked.signatures().isEmpty(), "the edit drops the old signatures");
    assertEquals(
        "2026-06-01T00:00:00Z",
        revoked
            .key(KeyId.of("KHM-CMAA-2026-01"))
            .orElseThrow()
            .getValue()
            .revokedAt()
            .orElseThrow()
            .toString());
    ok(
        "trust-list",
        "sign",
        list(),
        "--kid",
        "operator-2026",
        "--key",
        dir.resolve("operator.key").toString());
    assertEquals(0, verify(operator, "--held-version", "2").code());
    VanCommandTest.Run rollback = verify(operator, "--held-version", "3");
    assertEquals(1, rollback.code());
    assertTrue(rollback.err().contains("VAN-N-0105"), rollback.err());
  }

  @Test
  void tamperedList_refused_exit1() throws IOException {
    String operator = keygen("operator.key");
    ok("trust-list", "new", "--network", "ASEAN-VAN", "--out", list());
    ok(
        "trust-list",
        "add",
        list(),
        "--organisation",
        "LAO-NRA-HQ",
        "--name",
        "NRA",
        "--mailbox-only");
    ok(
        "trust-list",
        "sign",
        list(),
        "--kid",
        "operator-2026",
        "--key",
        dir.resolve("operator.key").toString());
    Path file = Path.of(list());
    Files.writeString(file, Files.readString(file).replace("\"NRA\"", "\"Evil\""));
    VanCommandTest.Run run = verify(operator);
    assertEquals(1, run.code());
    assertTrue(run.err().contains("VAN-N-0103"), run.err());
    VanCommandTest.Run otherNetwork =
        van(
            "trust-list",
            "verify",
            list(),
            "--network",
            "OTHER",
            "--operator-key",
            "operator-2026=" + operator);
    assertEquals(1, otherNetwork.code());
    assertTrue(otherNetwork.err().contains("VAN-N-0104"), otherNetwork.err());
  }

  @Test
  void badInput_refused_listUnchanged() throws IOException {
    ok("trust-list", "new", "--network", "ASEAN-VAN", "--out", list());
    String before = Files.readString(Path.of(list()));

    VanCommandTest.Run again = van("trust-list", "new", "--network", "ASEAN-VAN", "--out", list());
    assertEquals(2, again.code(), "never overwritten");
    VanCommandTest.Run httpEndpoint =
        van(
            "trust-list",
            "add",
            list(),
            "--organisation",
            "KHM-CMAA-HQ",
            "--name",
            "CMAA",
            "--endpoint",
            "http://van.cmaa.example/");
    assertEquals(2, httpEndpoint.code(), httpEndpoint.err());
    assertTrue(httpEndpoint.err().contains("https"), httpEndpoint.err());
    VanCommandTest.Run badKey =
        van(
            "trust-list",
            "add",
            list(),
            "--organisation",
            "KHM-CMAA-HQ",
            "--name",
            "CMAA",
            "--mailbox-only",
            "--kid",
            "K1",
            "--public-key",
            "short",
            "--not-before",
            "2026-01-01T00:00:00Z",
            "--not-after",
            "2027-01-01T00:00:00Z");
    assertEquals(2, badKey.code(), badKey.err());
    assertTrue(badKey.err().contains("--public-key"), badKey.err());
    VanCommandTest.Run both =
        van(
            "trust-list",
            "add",
            list(),
            "--organisation",
            "KHM-CMAA-HQ",
            "--name",
            "CMAA",
            "--mailbox-only",
            "--endpoint",
            "https://x.example/");
    assertEquals(2, both.code(), both.err());
    VanCommandTest.Run unknown = van("trust-list", "revoke", list(), "--kid", "nobody");
    assertEquals(1, unknown.code(), unknown.err());
    assertTrue(unknown.err().contains("VAN-N-0108"), unknown.err());
    assertEquals(before, Files.readString(Path.of(list())), "nothing changed by refused edits");

    Files.writeString(Path.of(list()), before.replace("\"version\"", "\"colour\": 1, \"version\""));
    VanCommandTest.Run strict = van("trust-list", "revoke", list(), "--kid", "K1");
    assertEquals(1, strict.code());
    assertTrue(strict.err().contains("VAN-N-0101"), strict.err());
    assertTrue(strict.err().contains("line"), strict.err());
    assertFalse(strict.err().contains("Exception"), strict.err());
  }
}
