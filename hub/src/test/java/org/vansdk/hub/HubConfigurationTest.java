package org.vansdk.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vansdk.hub.web.HubException;

class HubConfigurationTest {
  @TempDir Path dir;

  private String valid() {
    HubFixtures.writeTrustList(dir);
    return """
        {"listen": {"host": "127.0.0.1", "port": 0},
         "database": {"url": "jdbc:h2:file:%s"},
         "trustList": {"file": "trust-list.json", "network": "ASEAN-VAN", "refreshSeconds": 60,
                       "operatorKeys": [{"keyId": "%s", "publicKey": "%s"}]},
         "operators": ["IDN-ASEC-HQ"], "focalPoints": ["KHM-CMAA-HQ"], "maxBodyBytes": 100000}
        """
        .formatted(
            dir.resolve("hub").toAbsolutePath(),
            HubFixtures.OPERATOR_LIST_KEY.keyId().value(),
            Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(HubFixtures.OPERATOR_LIST_KEY.rawPublicKey()));
  }

  private Path write(String json) throws Exception {
    Path file = dir.resolve("hub.json");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void validFile_startsAHub_withItsRoles() throws Exception {
    HubConfiguration c = HubConfiguration.read(write(valid()), Map.<String, String>of()::get);
    try (Hub hub = c.applyTo(Hub.builder()).log(new ConcurrentLinkedQueue<String>()::add).start()) {
      HubFixtures.Client client = new HubFixtures.Client(hub.uri());
      assertEquals(200, client.send("GET", "/health", "", new byte[0]).statusCode());
      assertEquals(
          200, client.as(HubFixtures.KHM, "GET", "/van/v1/mailbox", "", new byte[0]).statusCode());
    }
    assertFalse(c.toString().contains("password"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"listen\": {|\"listen\": {\"hots\": 1, |/listen/hots is not a known key",
        "\"maxBodyBytes\": 100000|\"maxBodyBytes\": 1|/maxBodyBytes must be a whole number",
        "\"operators\": [\"IDN-ASEC-HQ\"]|\"operators\": [\"nobody\"]|/operators/0 is not an"
            + " organisation id",
        "\"network\": \"ASEAN-VAN\",|\"network\": \"ASEAN-VAN\", \"x\": 1,|/trustList/x is not a"
            + " known key",
        "\"refreshSeconds\": 60|\"refreshSeconds\": 0|/trustList/refreshSeconds must be",
        "\"publicKey\": \"|\"publicKey\": \"AA|/trustList/operatorKeys/0/publicKey must be 32 bytes"
      })
  void badFile_isRefusedWithItsPointer(String from, String to, String expected) throws Exception {
    String json = valid();
    assertTrue(json.contains(from), from);
    Path file = write(json.replace(from, to));
    HubException e =
        assertThrows(
            HubException.class, () -> HubConfiguration.read(file, Map.<String, String>of()::get));
    assertEquals("VAN-H-0030", e.code().value());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void unknownTopLevelKey_andMissingTrustList_areRefused() throws Exception {
    HubException unknown =
        assertThrows(
            HubException.class,
            () ->
                HubConfiguration.read(write("{\"trustlist\": {}}"), Map.<String, String>of()::get));
    assertTrue(
        unknown.getMessage().contains("/trustlist is not a known key"), unknown.getMessage());
    HubException missing =
        assertThrows(
            HubException.class,
            () -> HubConfiguration.read(write("{}"), Map.<String, String>of()::get));
    assertTrue(missing.getMessage().contains("/trustList is required"), missing.getMessage());
    HubException notJson =
        assertThrows(
            HubException.class,
            () -> HubConfiguration.read(write("{\"a\": "), Map.<String, String>of()::get));
    assertTrue(notJson.getMessage().contains("is not JSON"), notJson.getMessage());
  }
}
