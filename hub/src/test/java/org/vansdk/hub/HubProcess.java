package org.vansdk.hub;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A hub in a process of its own, for the fault test: {@code HubProcess <dir> <jdbcUrl>} starts the
 * fixtures' hub on a free loopback port, prints {@code ready <uri>}, and stops gracefully when its
 * standard input says {@code quit} (or ends). The test kills it with SIGKILL instead.
 */
public final class HubProcess {
  private HubProcess() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    try (Hub hub = HubFixtures.hub(dir, args[1], new ConcurrentLinkedQueue<>()).start()) {
      System.out.println("ready " + hub.uri());
      System.out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line; (line = in.readLine()) != null && !line.equals("quit"); ) {
        // only quit is understood
      }
    }
  }
}
