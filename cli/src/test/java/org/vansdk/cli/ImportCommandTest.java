package org.vansdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vansdk.testkit.legacy.LegacyExport;
import org.vansdk.testkit.legacy.LegacyLayout;
import org.vansdk.testkit.population.PopulationGenerator;
import org.vansdk.testkit.population.PopulationSpec;

class ImportCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run van(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Van.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path cmvisFile(String extraRow) throws IOException {
    Path csv = dir.resolve("casualties.csv");
    try (OutputStream out = Files.newOutputStream(csv)) {
      LegacyExport.of(LegacyLayout.CMVIS)
          .writeCsv(
              PopulationGenerator.of(
                  PopulationSpec.builder()
                      .country(LegacyLayout.CMVIS.country())
                      .casualties(50)
                      .seed(5)
                      .build()),
              out);
      out.write(extraRow.getBytes(StandardCharsets.UTF_8));
    }
    return csv;
  }

  @Test
  void exampleMapping_importsItsLayout() throws IOException {
    Run example = van("import", "--example-mapping", "cmvis");
    assertEquals(0, example.code(), example.err());
    Path mapping = dir.resolve("cmvis.mapping.json");
    Files.writeString(mapping, example.out());
    Path csv = cmvisFile("");
    Path out = dir.resolve("khm.ndjson");

    Run run =
        van("import", "--mapping", mapping.toString(), csv.toString(), "--out", out.toString());

    assertEquals(0, run.code(), run.err() + run.out());
    assertTrue(run.out().contains("read 50 rows: 50 accepted, 0 rejected"), run.out());
    assertTrue(Files.size(out) > 0);
    assertFalse(Files.exists(dir.resolve("khm.rejects.csv")));
    Run validate = van("validate", out.toString());
    assertEquals(0, validate.code(), validate.out());
  }

  @Test
  void rejectedRow_exitsOneListsItAndPrintsNoPersonalData() throws IOException {
    Path mapping = dir.resolve("cmvis.mapping.json");
    Files.writeString(mapping, van("import", "--example-mapping", "cmvis").out());
    String secretName = "Zzyzx Secretname";
    Path csv =
        cmvisFile(
            "X1,PX1,IX1,,"
                + secretName
                + ",Q,1/1/1990,30,Battambang,1/1/2020,Battambang,EO accident,AP Mine,Farming,"
                + "Injured,Civilian,,No\r\n");
    Path out = dir.resolve("khm.ndjson");
    Path rejects = dir.resolve("rejects.csv");

    Run run =
        van(
            "import",
            "--mapping",
            mapping.toString(),
            csv.toString(),
            "--out",
            out.toString(),
            "--rejects",
            rejects.toString());

    assertEquals(1, run.code(), run.err() + run.out());
    assertTrue(run.out().contains("read 51 rows: 50 accepted, 1 rejected"), run.out());
    assertFalse((run.out() + run.err()).contains("Zzyzx"), "no personal data on the console");
    List<String> lines = Files.readAllLines(rejects);
    assertEquals("row,column,field,code,reason,detail", lines.get(0));
    assertTrue(
        lines.get(1).startsWith("52,Sex,person/sex,VAN-G-0103,unmapped_value"), lines.get(1));
    assertFalse(String.join("\n", lines).contains("Zzyzx"), "the reject file quotes no value");
  }

  @Test
  void badMapping_exitsOneWithPointerAndKeepsExistingOutput() throws IOException {
    Path mapping = dir.resolve("bad.mapping.json");
    Files.writeString(
        mapping,
        van("import", "--example-mapping", "cmvis").out().replace("\"headerRow\"", "\"headrRow\""));
    Path out = dir.resolve("keep.ndjson");
    Files.writeString(out, "precious\n");

    Run run =
        van(
            "import",
            "--mapping",
            mapping.toString(),
            cmvisFile("").toString(),
            "--out",
            out.toString());

    assertEquals(1, run.code(), "an input problem, as everywhere in van");
    assertTrue(run.err().contains("VAN-G-0001"), run.err());
    assertTrue(run.err().contains("/source/headrRow"), run.err());
    assertTrue(run.err().contains("did you mean 'headerRow'"), run.err());
    assertEquals("precious\n", Files.readString(out));
  }

  @Test
  void unreadableInput_exitsOneAndLeavesNoPartialFiles() throws IOException {
    Path mapping = dir.resolve("cmvis.mapping.json");
    Files.writeString(mapping, van("import", "--example-mapping", "cmvis").out());
    Path utf16 = dir.resolve("utf16.csv");
    Files.write(utf16, "Casualty No,Person No\r\n".getBytes(StandardCharsets.UTF_16));
    Path out = dir.resolve("sub/out.ndjson");

    Run run =
        van("import", "--mapping", mapping.toString(), utf16.toString(), "--out", out.toString());

    assertEquals(1, run.code(), "an input problem, as everywhere in van");
    assertTrue(run.err().contains("VAN-G-0002"), run.err());
    try (var files = Files.list(dir.resolve("sub"))) {
      assertEquals(0, files.count(), "no output and no partial files");
    }
  }

  @Test
  void unknownExample_isAUsageError() {
    Run run = van("import", "--example-mapping", "cmviz");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("allowed: cmvis, imsma, dmis"), run.err());
  }
}
