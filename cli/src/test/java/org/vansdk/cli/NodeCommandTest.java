package org.vansdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vansdk.cli.VanCommandTest.van;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vansdk.cli.VanCommandTest.Run;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code van node keygen} and {@code van node check}, as an operator uses them. */
class NodeCommandTest {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  @TempDir Path dir;

  @Test
  void keygen_writesAPrivateFileForItsOwnerOnly_andPrintsThePublicHalf() throws Exception {
    Path key = dir.resolve("centre.key");
    Run run = van("node", "keygen", "--key-id", "KHM-PRC-BTB-K1", "--out", key.toString());
    assertEquals(0, run.code(), run.err());
    JsonNode printed = MAPPER.readTree(run.out());
    assertEquals("KHM-PRC-BTB-K1", printed.get("keyId").asString());
    assertEquals(32, Base64.getUrlDecoder().decode(printed.get("publicKey").asString()).length);
    String secret = Files.readString(key).strip();
    assertEquals(32, Base64.getDecoder().decode(secret).length);
    assertFalse(run.out().contains(secret), "the private key is never printed");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));

    Run again = van("node", "keygen", "--key-id", "KHM-PRC-BTB-K2", "--out", key.toString());
    assertEquals(Van.ERROR, again.code(), "an existing key file is never overwritten");
    assertEquals(secret, Files.readString(key).strip());

    Run badId =
        van("node", "keygen", "--key-id", "not a key id", "--out", dir.resolve("x").toString());
    assertEquals(Van.ERROR, badId.code());
    assertTrue(badId.err().contains("--key-id"), badId.err());
  }

  @Test
  void check_acceptsAGoodFile_andNamesThePointerOfABadOne() throws Exception {
    Run operator = van("trust-list", "keygen", "--out", dir.resolve("op.key").toString());
    assertEquals(0, operator.code(), operator.err());
    String operatorKey = operator.out().strip();
    ObjectNode c = NodeFiles.config("KHM-PRC-BTB", "prc", "centre", operatorKey);
    Path file = dir.resolve("centre.node.json");
    Files.writeString(file, MAPPER.writeValueAsString(c));

    Run ok = van("node", "check", "--config", file.toString());
    assertEquals(0, ok.code(), ok.err());
    assertTrue(ok.out().contains("organisation KHM-PRC-BTB, trust list file:"), ok.out());
    assertTrue(ok.out().contains("(network ASEAN-VAN, 1 pinned operator key(s))"), ok.out());

    ((ObjectNode) c.get("tls")).put("passwordVar", "X");
    Files.writeString(file, MAPPER.writeValueAsString(c));
    Run bad = van("node", "check", "--config", file.toString());
    assertEquals(Van.INPUT_PROBLEMS, bad.code());
    assertTrue(
        bad.err().contains("VAN-N-0301") && bad.err().contains("/tls/passwordVar"), bad.err());
  }
}
