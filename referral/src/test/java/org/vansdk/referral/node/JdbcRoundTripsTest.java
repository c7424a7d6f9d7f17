package org.vansdk.referral.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vansdk.referral.message.AckStatus;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.store.JdbcReferralStore;
import org.vansdk.referral.store.TestPostgres;
import org.vansdk.testkit.jdbc.RoundTripCounter;

/**
 * How many requests a node makes to its database for one referral, on each side: on PostgreSQL each
 * is a round trip made under the node's lock, and with the flush of the write-ahead log they bound
 * how many referrals a node commits per second. The counts are of requests, not of time: a change
 * that adds one fails here before any benchmark shows it.
 */
class JdbcRoundTripsTest {

  /**
   * The most requests for a referral at the referrer (draft and send in one transaction), by
   * database: reads of the new attempt, its audit head and the consent; for each of the two commits
   * one statement on PostgreSQL, one a table written on H2 (in-process: a statement costs no round
   * trip); and the commit. Reads of what the transaction itself wrote are answered without the
   * database. It was 23 on both before the store wrote a change in fewer statements.
   */
  static final Map<String, Integer> REFER_TRIPS = Map.of("h2", 12, "postgresql", 6);

  /**
   * The most requests for receiving the referral request (its acknowledgement waits in the outbox):
   * reads of the processed record, the sequence, the attempt and the audit head, the change, the
   * commit. It was 18 on both.
   */
  static final Map<String, Integer> RECEIVE_TRIPS = Map.of("h2", 11, "postgresql", 6);

  @TempDir static Path dir;

  static Stream<Arguments> databases() {
    return Stream.of(Arguments.of("h2"), Arguments.of("postgresql"));
  }

  private static Connection connect(String database, Party p) throws SQLException {
    String name = p.organisation().organisationCode().toLowerCase(Locale.ROOT);
    if (database.equals("h2")) {
      return DriverManager.getConnection(
          "jdbc:h2:file:" + dir.resolve("trips-" + name + "-" + System.nanoTime()));
    }
    return DriverManager.getConnection(TestPostgres.freshSchema("van_trips_" + name));
  }

  /** A referrer and a receiver of a world, each on its own database, their requests counted. */
  private record Counted(
      TestWorld world,
      ReferralNode khm,
      ReferralNode tha,
      RoundTripCounter khmTrips,
      RoundTripCounter thaTrips)
      implements AutoCloseable {

    static Counted open(String database, long seed) throws SQLException {
      TestWorld world = new TestWorld(seed);
      RoundTripCounter khmTrips = new RoundTripCounter();
      RoundTripCounter thaTrips = new RoundTripCounter();
      ReferralNode khm =
          world.add(
              TestWorld.KHM_CMAA,
              JdbcReferralStore.using(khmTrips.wrap(connect(database, TestWorld.KHM_CMAA))));
      ReferralNode tha =
          world.add(
              TestWorld.THA_REHAB,
              JdbcReferralStore.using(thaTrips.wrap(connect(database, TestWorld.THA_REHAB))));
      return new Counted(world, khm, tha, khmTrips, thaTrips);
    }

    @Override
    public void close() {
      khm.store().close();
      tha.store().close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void referral_referAndReceive_fewRoundTrips(String database) throws SQLException {
    try (Counted n = Counted.open(database, 7)) {
      TestWorld world = n.world();
      ReferralNode khm = n.khm();
      RoundTripCounter khmTrips = n.khmTrips();
      RoundTripCounter thaTrips = n.thaTrips();
      for (int i = 1; i <= 3; i++) {
        khmTrips.reset();
        assertTrue(TestWorld.referToTha(khm, String.valueOf(i)).done());
        List<String> refer = khmTrips.trips();
        assertTrue(
            refer.size() <= REFER_TRIPS.get(database),
            database + " refer " + i + ": " + trace(refer));
        List<Transmission> out = world.take(khm);
        assertEquals(1, out.size());
        thaTrips.reset();
        Receipt r = world.deliver(out.get(0));
        List<String> receive = thaTrips.trips();
        assertEquals(AckStatus.OK, r.status(), database + ": the request is accepted");
        assertTrue(
            receive.size() <= RECEIVE_TRIPS.get(database),
            database + " receive " + i + ": " + trace(receive));
      }
    }
  }

  /** Referral requests received in one batch, and their acknowledgements fed back in one. */
  static final int BATCH = 50;

  /**
   * The most requests for receiving a batch of {@link #BATCH} referral requests: the reads of each
   * of the four tables once for all ({@link org.vansdk.referral.store.ReferralStore#prefetch}),
   * then the messages' changes (on PostgreSQL all in one batch; on H2 one statement a table and
   * message), and the commit. The reads were four a message, and on PostgreSQL the changes one
   * statement a message.
   */
  static final Map<String, Integer> BATCH_RECEIVE_TRIPS =
      Map.of("h2", 4 + 5 * BATCH + 1, "postgresql", 4 + 1 + 1);

  /**
   * The most requests for the referrer's transaction feeding back the acknowledgements of the
   * batch: the outbox removals of all of them in one statement, and the commit; it was one a
   * message.
   */
  static final int ACK_FEED_TRIPS = 2;

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void batch_receiveAndAcks_fewRoundTripsForAll(String database) throws SQLException {
    try (Counted n = Counted.open(database, 11)) {
      ReferralNode khm = n.khm();
      RoundTripCounter khmTrips = n.khmTrips();
      RoundTripCounter thaTrips = n.thaTrips();
      for (int i = 1; i <= BATCH; i++) {
        assertTrue(TestWorld.referToTha(khm, "b" + i).done());
      }
      List<Transmission> out = n.world().take(khm);
      assertEquals(BATCH, out.size());
      thaTrips.reset();
      List<Reply> replies =
          n.tha().receiveAllAndReply(out.stream().map(Transmission::bytes).toList());
      List<String> receive = thaTrips.trips();
      assertTrue(
          receive.size() <= BATCH_RECEIVE_TRIPS.get(database),
          database + " receive batch: " + trace(receive));
      List<byte[]> acks = new ArrayList<>();
      for (Reply r : replies) {
        assertEquals(AckStatus.OK, r.receipt().status(), database + ": each request is accepted");
        acks.add(r.acknowledgement().orElseThrow().bytes());
      }
      khmTrips.reset();
      khm.receiveAll(acks);
      List<String> feed = khmTrips.trips();
      assertTrue(feed.size() <= ACK_FEED_TRIPS, database + " ack feed: " + trace(feed));
      assertEquals(List.of(), khm.store().outbox(), database + ": every request acknowledged");
    }
  }

  private static String trace(List<String> trips) {
    return trips.size() + " round trips:\n  " + String.join("\n  ", trips);
  }
}
