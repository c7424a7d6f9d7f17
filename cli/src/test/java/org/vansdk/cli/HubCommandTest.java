package org.vansdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vansdk.cli.VanCommandTest.van;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vansdk.cli.VanCommandTest.Run;
import org.vansdk.hub.HubConfiguration;
import org.vansdk.transport.trust.TrustListJson;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code van hub}: its help, its demo network, and a bad configuration named by its pointer. */
class HubCommandTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  @TempDir Path dir;

  @Test
  void help_documentsTheOptionsAndTheEnvironment() {
    Run run = van("hub", "--help");
    assertEquals(0, run.code(), run.err());
    for (String word :
        new String[] {
          "--config", "--dir", "--db", "--tls", "--port", "VAN_HUB_DB_URL", "VAN_HUB_DB_PASSWORD"
        }) {
      assertTrue(run.out().contains(word), word + " is not documented: " + run.out());
    }
  }

  @Test
  void demo_makesAReadableConfigurationAndASignedTrustList_once() throws Exception {
    Path config = HubDemo.ensure(dir, Clock.systemUTC());
    byte[] first = Files.readAllBytes(dir.resolve("trust-list.json"));
    assertEquals(config, HubDemo.ensure(dir, Clock.systemUTC()));
    assertEquals(new String(first), new String(Files.readAllBytes(dir.resolve("trust-list.json"))));
    assertEquals(
        1 + HubDemo.FOCAL_POINTS.size() + HubDemo.ORGANISATIONS.size(),
        TrustListJson.read(first).organisations().size());
    HubConfiguration.read(config, name -> null); // strict reader accepts what the demo wrote
  }

  @Test
  void badConfiguration_exitsWithItsPointer() throws Exception {
    Path config = HubDemo.ensure(dir, Clock.systemUTC());
    ObjectNode c = (ObjectNode) MAPPER.readTree(config.toFile());
    c.putObject("listen").put("prot", 8080);
    Files.writeString(config, MAPPER.writeValueAsString(c));
    Run run = van("hub", "--config", config.toString());
    assertEquals(Van.INPUT_PROBLEMS, run.code(), run.err());
    assertTrue(run.err().contains("/listen/prot is not a known key"), run.err());
  }
}
