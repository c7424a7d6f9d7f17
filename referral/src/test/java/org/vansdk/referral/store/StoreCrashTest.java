package org.vansdk.referral.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: a separate JVM commits to an H2 file store and is killed (SIGKILL) while writing;
 * every change whose commit had returned must be in the database when it is opened again.
 */
class StoreCrashTest {

  private static final int COMMITS_BEFORE_KILL = 300;

  @TempDir Path dir;

  @Test
  void h2File_processKilledWhileWriting_everyReturnedCommitSurvives()
      throws IOException, InterruptedException {
    Path db = dir.resolve("killed");
    String classPath =
        System.getProperty("java.class.path")
            + File.pathSeparator
            + System.getProperty("jdk.module.path", "");
    Process writer =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath,
                KilledWriter.class.getName(),
                db.toString())
            .redirectErrorStream(true)
            .start();
    List<String> committed = new ArrayList<>();
    List<String> other = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (committed.size() < COMMITS_BEFORE_KILL && (line = out.readLine()) != null) {
        if (line.startsWith("committed ")) {
          committed.add(line.substring("committed ".length()));
        } else {
          other.add(line);
        }
      }
      writer.destroyForcibly();
      assertTrue(writer.waitFor(30, TimeUnit.SECONDS), "the writer did not die");
    }
    assertEquals(COMMITS_BEFORE_KILL, committed.size(), "writer output: " + other);
    try (JdbcReferralStore store = JdbcReferralStore.h2File(db)) {
      Set<String> outbox =
          store.outbox().stream()
              .map(e -> e.message().envelope().messageId())
              .collect(Collectors.toSet());
      List<String> lost =
          committed.stream().filter(id -> !outbox.contains(id)).collect(Collectors.toList());
      assertEquals(List.of(), lost, "committed before the kill but not in the database");
      for (String id : committed) {
        assertTrue(store.processed("in-" + id.substring(2)).isPresent(), id);
      }
    }
  }
}
