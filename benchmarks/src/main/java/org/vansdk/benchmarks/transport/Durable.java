package org.vansdk.benchmarks.transport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.vansdk.referral.store.JdbcReferralStore;
import org.vansdk.referral.store.ReferralStore;
import org.vansdk.testkit.jdbc.RoundTripCounter;

/**
 * Where the two nodes keep their state: an H2 file each (the store sets {@code WRITE_DELAY 0}:
 * every commit is written before it returns), or a database each on one embedded PostgreSQL server
 * run with {@code fsync=on} and {@code synchronous_commit=on} (the embedded server's own default
 * turns synchronous commit off, which would not be durable).
 */
abstract class Durable implements AutoCloseable {

  /**
   * The requests each node's store made to its database server since the counters were last reset,
   * by node: counted where they are round trips (PostgreSQL), empty otherwise.
   */
  final Map<String, RoundTripCounter> roundTrips = new TreeMap<>();

  /** A fresh, empty store for the named node. */
  abstract ReferralStore open(String node);

  /** What the stores are, for the report. */
  abstract String describe();

  /**
   * The CPU time the database server's processes have used (nanoseconds), or -1 where the stores
   * run in the benchmark's own process or the server's processes cannot be read.
   */
  long serverCpuNanos() {
    return -1;
  }

  /** The store kind named on the command line: {@code h2}, {@code pg} or {@code pg-async}. */
  static Durable named(String kind) throws IOException {
    if (kind.startsWith("h2;")) {
      return new H2File(kind.substring(2)); // extra URL settings, for experiments
    }
    if (kind.startsWith("pg;")) {
      return new Postgres(true, kind.substring(3)); // extra server settings, for experiments
    }
    return switch (kind) {
      case "h2" -> new H2File("");
      case "pg" -> new Postgres(true, "");
      case "pg-async" -> new Postgres(false, "");
      default ->
          throw new IllegalArgumentException("unknown store kind (h2, pg or pg-async): " + kind);
    };
  }

  /** H2 files in a temporary directory, deleted on close. */
  static final class H2File extends Durable {
    private final Path dir;
    private final String settings;

    H2File(String settings) throws IOException {
      dir = Files.createTempDirectory("van-e2e-h2");
      this.settings = settings;
    }

    @Override
    ReferralStore open(String node) {
      return settings.isEmpty()
          ? JdbcReferralStore.h2File(dir.resolve(node))
          : JdbcReferralStore.open("jdbc:h2:file:" + dir.resolve(node).toAbsolutePath() + settings);
    }

    @Override
    String describe() {
      return "H2 file (" + dir + ")" + settings;
    }

    @Override
    public void close() throws IOException {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
  }

  /**
   * One embedded PostgreSQL server, a database per node; with synchronous commit (survives a power
   * cut), or without ({@code pg-async}: a commit returns before its WAL is flushed, so like H2 it
   * survives a killed process but a power cut can lose the last commits).
   */
  static final class Postgres extends Durable {
    private final EmbeddedPostgres server;
    private final boolean synchronous;

    /** The server's main process id, or -1 if unknown. */
    private final long postmaster;

    private final String settings;

    /** {@code settings}: server settings {@code name=value;…} added to the defaults. */
    Postgres(boolean synchronous, String settings) throws IOException {
      this.synchronous = synchronous;
      this.settings = settings;
      EmbeddedPostgres.Builder b =
          EmbeddedPostgres.builder()
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", synchronous ? "on" : "off")
              .setServerConfig("full_page_writes", "on");
      for (String setting : settings.split(";")) {
        if (!setting.isBlank()) {
          String[] nv = setting.split("=", 2);
          if (nv.length != 2) {
            throw new IllegalArgumentException("a server setting is name=value: " + setting);
          }
          b.setServerConfig(nv[0].trim(), nv[1].trim());
        }
      }
      server = b.start();
      postmaster = postmasterPid(server);
    }

    /** The server's main process: the parent of a backend's. */
    private static long postmasterPid(EmbeddedPostgres server) throws IOException {
      try (Connection c = server.getPostgresDatabase().getConnection();
          Statement s = c.createStatement();
          java.sql.ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
        rs.next();
        long[] backend = stat(Path.of("/proc", String.valueOf(rs.getLong(1))));
        return backend.length > 0 ? backend[1] : -1;
      } catch (SQLException e) {
        throw new IOException("cannot ask the embedded server for a backend's process id", e);
      }
    }

    @Override
    ReferralStore open(String node) {
      String database = node.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "_");
      try (Connection c = server.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + database);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot create the database of " + node, e);
      }
      RoundTripCounter trips = new RoundTripCounter();
      roundTrips.put(node, trips);
      try {
        return JdbcReferralStore.using(
            trips.wrap(
                java.sql.DriverManager.getConnection(server.getJdbcUrl("postgres", database))));
      } catch (SQLException e) {
        throw new IllegalStateException("cannot connect to the database of " + node, e);
      }
    }

    /**
     * {@inheritDoc} On Linux: the server's main process and its children (the connections'
     * backends, the writers, autovacuum), from {@code /proc} in clock ticks of 10 ms; -1 elsewhere.
     */
    @Override
    long serverCpuNanos() {
      Path proc = Path.of("/proc");
      if (postmaster < 0 || !Files.isDirectory(proc)) {
        return -1;
      }
      long ticks = 0;
      try (DirectoryStream<Path> all = Files.newDirectoryStream(proc, "[0-9]*")) {
        for (Path p : all) {
          long[] stat = stat(p);
          if (stat.length > 0 && (stat[0] == postmaster || stat[1] == postmaster)) {
            ticks += stat[2];
          }
        }
      } catch (IOException e) {
        return -1;
      }
      return ticks * 10_000_000L;
    }

    /**
     * A process's id, parent's id and CPU ticks (user and system) from its {@code stat} file; empty
     * if it ended meanwhile.
     */
    private static long[] stat(Path process) {
      try {
        String line = Files.readString(process.resolve("stat"));
        // "pid (name) state ppid …": the name may hold spaces, so split after its closing bracket.
        String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return new long[] {
          Long.parseLong(process.getFileName().toString()),
          Long.parseLong(f[1]),
          Long.parseLong(f[11]) + Long.parseLong(f[12])
        };
      } catch (IOException | RuntimeException e) {
        return new long[0];
      }
    }

    @Override
    String describe() {
      return "PostgreSQL (embedded, fsync=on, synchronous_commit="
          + (synchronous ? "on" : "off")
          + (settings.isEmpty() ? "" : "; " + settings)
          + ")";
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
