package org.vansdk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vansdk.core.json.VanJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * A casualty's injuries and amputations from numbered columns: an item is written when the row
 * gives any of its values, its required values must then be there, an amputation's limb follows
 * from its level unless mapped, and the validator's refusals name the item's column.
 */
class InjuriesAndAmputationsTest {
  private static final VanJson JSON = VanJson.strict();
  private static final String HEADER =
      "Casualty No,Person No,Incident No,CMVIS ID,Name,Sex,Date of Birth,Age,Home Province,"
          + "Incident Date,Incident Province,Accident Type,Device Type,Activity,Status,"
          + "Victim Type,Died Later On,Mine Risk Education,Injury,Injury Side,Amputation,"
          + "Amputation Side,Amputation Limb\r\n";

  @TempDir Path dir;

  /** The CMVIS mapping with one injury and one amputation item (and the limb mapped or not). */
  private static Mapping mapping(boolean limb) {
    ObjectNode doc = (ObjectNode) JSON.readTree(ShippedMapping.CMVIS.document());
    ObjectNode casualty = (ObjectNode) doc.at("/records/casualty");
    casualty.set(
        "injuries",
        JSON.readTree(
            ("[{\"region\": {\"column\": \"Injury\", \"map\": {\"Leg\": \"lower_limb\","
                    + " \"Head\": \"head_neck\"}, \"unmapped\": \"reject\"},"
                    + " \"laterality\": {\"column\": \"Injury Side\", \"map\": {\"L\": \"left\","
                    + " \"R\": \"right\"}, \"unmapped\": \"unknown\"}}]")
                .getBytes(StandardCharsets.UTF_8)));
    casualty.set(
        "amputations",
        JSON.readTree(
            ("[{\"level\": {\"column\": \"Amputation\", \"map\": {\"BK\": \"below_knee\","
                    + " \"BE\": \"below_elbow\"}, \"unmapped\": \"reject\"},"
                    + (limb ? " \"limb\": {\"column\": \"Amputation Limb\"}," : "")
                    + " \"side\": {\"column\": \"Amputation Side\", \"map\": {\"L\": \"left\","
                    + " \"R\": \"right\"}, \"unmapped\": \"reject\"}}]")
                .getBytes(StandardCharsets.UTF_8)));
    return Mapping.parse(JSON.writeBytes(doc), "injuries.mapping.json");
  }

  private static String row(String casualty, String person, String medical) {
    return casualty
        + ","
        + person
        + ",I1,,Dara Sok,F,2/3/1980,39,Battambang,14/6/2019,Battambang,EO accident,AP Mine,"
        + "Farming,Injured,Civilian,,No,"
        + medical
        + "\r\n";
  }

  private ImporterTest.Result run(Mapping mapping, String rows) throws IOException {
    Path csv = dir.resolve("in.csv");
    Files.writeString(csv, HEADER + rows);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream rejects = new ByteArrayOutputStream();
    ImportSummary s = Importer.of(mapping).withClock(RoundTripTest.CLOCK).run(csv, out, rejects);
    assertEquals(s.read(), s.accepted() + s.rejected());
    return new ImporterTest.Result(
        s, out.toString(StandardCharsets.UTF_8), rejects.toString(StandardCharsets.UTF_8));
  }

  @Test
  void givenItems_areWritten_limbFromLevel_blankItemsLeftOut() throws IOException {
    ImporterTest.Result r =
        run(
            mapping(false),
            row("C1", "P1", "Leg,L,BK,L,")
                + row("C2", "P2", "Head,,,,")
                + row("C3", "P3", ",,,,")
                + row("C4", "P4", "Leg,unknown,BE,R,"));
    assertEquals(4, r.summary().accepted(), r.rejects());
    assertTrue(
        r.out()
            .contains(
                "\"amputations\":[{\"level\":\"below_knee\",\"limb\":\"lower\",\"side\":\"left\"}]"
                    + ",\"civilianStatus\""),
        r.out());
    assertTrue(
        r.out().contains("\"injuries\":[{\"laterality\":\"left\",\"region\":\"lower_limb\"}]"),
        r.out());
    assertTrue(r.out().contains("\"injuries\":[{\"region\":\"head_neck\"}]"), r.out());
    assertTrue(
        r.out().contains("\"injuries\":[{\"laterality\":\"unknown\",\"region\":\"lower_limb\"}]"),
        r.out());
    assertTrue(
        r.out().contains("{\"level\":\"below_elbow\",\"limb\":\"upper\",\"side\":\"right\"}"));
    String c3 = r.out().lines().filter(l -> l.contains("C3\"")).findFirst().orElseThrow();
    assertFalse(c3.contains("injuries") || c3.contains("amputations"), c3);
    for (String line : r.out().split("\n")) {
      RoundTripTest.assertCanonical(
          line, JSON.readTree(line.getBytes(StandardCharsets.UTF_8)).get("type").asString(), "");
    }
  }

  @Test
  void incompleteOrUnknownItems_rejectTheRowAtTheirColumn() throws IOException {
    ImporterTest.Result r =
        run(
            mapping(false),
            row("C1", "P1", ",,,R,") + row("C2", "P2", "Tail,L,,,") + row("C3", "P3", ",,BK,,"));
    assertEquals(0, r.summary().accepted(), r.out());
    assertTrue(
        r.rejects()
            .contains("2,Amputation,\"casualty/amputations/0/level\",VAN-G-0102,missing_value"),
        r.rejects());
    assertTrue(
        r.rejects().contains("3,Injury,\"casualty/injuries/0/region\",VAN-G-0103,unmapped_value"),
        r.rejects());
    assertTrue(
        r.rejects()
            .contains(
                "4,\"Amputation Side\",\"casualty/amputations/0/side\",VAN-G-0102,missing_value"),
        r.rejects());
    assertFalse(r.rejects().contains("Tail"), "the reject file quotes a medical value");
  }

  @Test
  void mappedLimbDisagreeingWithTheLevel_isRefusedByTheValidatorAtItsColumn() throws IOException {
    ImporterTest.Result r =
        run(mapping(true), row("C1", "P1", ",,BK,L,upper") + row("C2", "P2", ",,BK,L,lower"));
    assertEquals(1, r.summary().accepted(), r.rejects());
    assertTrue(
        r.rejects()
            .contains(
                "2,Amputation,\"casualty/amputations/0/level\",VAN-G-0111,invalid_record,\"VAN-S-"),
        r.rejects());
  }

  @Test
  void itemsAreReadStrictly() {
    ObjectNode doc = (ObjectNode) JSON.readTree(ShippedMapping.CMVIS.document());
    ObjectNode casualty = (ObjectNode) doc.at("/records/casualty");
    casualty.set(
        "amputations",
        JSON.readTree("[{\"level\": {\"column\": \"A\"}}]".getBytes(StandardCharsets.UTF_8)));
    IngestException e =
        assertThrows(IngestException.class, () -> Mapping.parse(JSON.writeBytes(doc), "m.json"));
    assertTrue(
        e.getMessage().contains("/records/casualty/amputations/0")
            && e.getMessage().contains("'side'"),
        e.getMessage());
    casualty.set(
        "injuries",
        JSON.readTree(
            "[{\"region\": {\"constant\": \"head_neck\"}}]".getBytes(StandardCharsets.UTF_8)));
    casualty.remove("amputations");
    e = assertThrows(IngestException.class, () -> Mapping.parse(JSON.writeBytes(doc), "m.json"));
    assertTrue(e.getMessage().contains("/records/casualty/injuries/0"), e.getMessage());
    ObjectNode person = (ObjectNode) doc.at("/records/person");
    person.set("injuries", casualty.remove("injuries"));
    e = assertThrows(IngestException.class, () -> Mapping.parse(JSON.writeBytes(doc), "m.json"));
    assertTrue(e.getMessage().contains("/records/person"), e.getMessage());
  }
}
