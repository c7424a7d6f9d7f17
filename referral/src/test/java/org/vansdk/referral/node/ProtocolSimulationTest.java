package org.vansdk.referral.node;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link ProtocolSimulation} over many seeds: {@code van.sim.seeds} (default 1,000) with
 * in-memory stores that survive node crashes, and {@code van.sim.h2Seeds} (default 3) with H2 file
 * stores closed on crash and reopened on restart. A failure names the seed; replay it with {@code
 * -Dvan.sim.first=<seed> -Dvan.sim.seeds=1}. Every seed signs with real Ed25519 (BouncyCastle's
 * engine makes that affordable); {@code van.sim.ed25519Seeds} can limit it to the first seeds, the
 * rest then signing with a SHA-256 stand-in. The {@code nightly} Maven profile of this module runs
 * 20,000 seeds and 100 with H2 files.
 */
class ProtocolSimulationTest {

  private static final int STEPS = 100;

  /** The first seeds sign with Ed25519 (default: all); the rest with a SHA-256 stand-in. */
  private static final int ED25519_SEEDS =
      Integer.getInteger("van.sim.ed25519Seeds", Integer.MAX_VALUE);

  private static long first() {
    return Long.getLong("van.sim.first", 1L);
  }

  @TestFactory
  Stream<DynamicTest> simulation_inMemoryStores_invariantsHold() {
    int seeds = Integer.getInteger("van.sim.seeds", 1000);
    return LongStream.range(first(), first() + seeds)
        .mapToObj(
            seed ->
                DynamicTest.dynamicTest(
                    "seed " + seed,
                    () -> {
                      List<String> violations =
                          new ProtocolSimulation(
                                  seed, Optional.empty(), seed - first() < ED25519_SEEDS)
                              .run(STEPS);
                      assertTrue(
                          violations.isEmpty(),
                          "seed "
                              + seed
                              + " (replay: -Dvan.sim.first="
                              + seed
                              + " -Dvan.sim.seeds=1): "
                              + violations);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> simulation_h2FileStoresWithRestarts_invariantsHold(@TempDir Path dir) {
    int seeds = Integer.getInteger("van.sim.h2Seeds", 3);
    return LongStream.range(first(), first() + seeds)
        .mapToObj(
            seed ->
                DynamicTest.dynamicTest(
                    "seed " + seed,
                    () -> {
                      List<String> violations =
                          new ProtocolSimulation(
                                  seed, Optional.of(dir.resolve("seed-" + seed)), true)
                              .run(STEPS);
                      assertTrue(
                          violations.isEmpty(),
                          "seed "
                              + seed
                              + " (H2; replay: -Dvan.sim.first="
                              + seed
                              + " -Dvan.sim.h2Seeds=1): "
                              + violations);
                    }));
  }
}
