package org.vansdk.referral.store.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.vansdk.referral.store.ReferralStore;
import org.vansdk.referral.store.contract.ContractCases.Case;

/**
 * Holds a {@link ReferralStore} implementation to the contract a referral node relies on, in the
 * manner of Guava's testlib: give it a factory of fresh, empty stores and it runs every case, each
 * on its own store, closing the store afterwards.
 *
 * <p>The cases cover every method of the interface: attempts read back whole and listed by id; the
 * audit log appended in order, its head and verification, and a change whose audit entries do not
 * extend the chain refused whole (nothing of it applied, no stored content in the message);
 * processed messages with their replies; inbound sequences per attempt and sender (1 when unseen);
 * the outbox oldest first, one entry per message id (re-adding an id makes it the newest, removing
 * an absent id does nothing), its retry state (attempts, next due) kept, a parked entry ({@link
 * org.vansdk.referral.store.OutboxEntry#NEVER} due) read back parked; consent states; the same
 * change without audit entries or a processed message committed twice leaving the same state;
 * records of {@value #LARGE_RECORD_CHARS} characters of mixed-script text (audit details of {@value
 * #LARGE_AUDIT_CHARS}); {@link ReferralStore#atomically} with reads that see the work's commits
 * and, on failure, either everything undone ({@link #rollingBack()}) or the commits made before the
 * failure kept; and commits from several threads at once.
 *
 * <p>Two ways to run it. Without JUnit: {@link #test()} runs every case and throws one {@link
 * AssertionError} naming each failed case and what differed, with each failure attached as a
 * suppressed exception. With JUnit 5 (not a dependency of this module: the vendor's test classpath
 * has it): {@link #dynamicTests()} gives one test per case.
 *
 * <pre>{@code
 * class MyStoreContractTest {
 *   @TestFactory
 *   Stream<DynamicTest> myStoreHonoursTheContract() {
 *     return ReferralStoreTester.of("my-store", () -> MyStore.connect(freshDatabase()))
 *         .rollingBack() // MyStore undoes atomically() work that fails
 *         .dynamicTests();
 *   }
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe; the cases themselves run one at a time on the calling thread (the
 * concurrency case starts its own threads).
 */
public final class ReferralStoreTester {
  /** The length in characters of the large attempt records and messages the contract stores. */
  public static final int LARGE_RECORD_CHARS = 256 * 1024;

  /** The length in characters of the detail of the large audit entry the contract stores. */
  public static final int LARGE_AUDIT_CHARS = 16 * 1024;

  private final String name;
  private final Supplier<? extends ReferralStore> factory;
  private final boolean rollsBack;

  private ReferralStoreTester(
      String name, Supplier<? extends ReferralStore> factory, boolean rollsBack) {
    this.name = name;
    this.factory = factory;
    this.rollsBack = rollsBack;
  }

  /**
   * Returns a tester of stores made by a factory. The tester expects a store that does not roll
   * back (like the interface's default {@link ReferralStore#atomically}) unless {@link
   * #rollingBack()} says otherwise.
   *
   * @param name the store's name, shown in failure messages and test names
   * @param factory makes a fresh, empty store on each call; called once per case
   * @return the tester
   * @throws NullPointerException if an argument is null
   */
  public static ReferralStoreTester of(String name, Supplier<? extends ReferralStore> factory) {
    return new ReferralStoreTester(
        Objects.requireNonNull(name, "name"), Objects.requireNonNull(factory, "factory"), false);
  }

  /**
   * Returns a tester that expects {@link ReferralStore#atomically} to undo every commit of a work
   * that fails, as a transactional store does.
   *
   * @return a new tester
   */
  public ReferralStoreTester rollingBack() {
    return new ReferralStoreTester(name, factory, true);
  }

  /**
   * Returns the names of the cases, in the order they run.
   *
   * @return the names
   */
  public List<String> caseNames() {
    return cases().stream().map(Case::name).toList();
  }

  /**
   * Runs every case on a fresh store each.
   *
   * @throws AssertionError naming every failed case and what differed, each failure attached as a
   *     suppressed exception
   */
  public void test() {
    List<AssertionError> failures = new ArrayList<>();
    for (Case c : cases()) {
      try {
        run(c);
      } catch (AssertionError e) {
        failures.add(e);
      }
    }
    if (!failures.isEmpty()) {
      StringBuilder message =
          new StringBuilder()
              .append(failures.size())
              .append(" of ")
              .append(cases().size())
              .append(" ReferralStore contract cases failed for ")
              .append(name)
              .append(':');
      failures.forEach(f -> message.append("\n  - ").append(f.getMessage()));
      AssertionError error = new AssertionError(message.toString());
      failures.forEach(error::addSuppressed);
      throw error;
    }
  }

  /**
   * Returns one JUnit 5 dynamic test per case, named {@code <store>: <case>}. Needs JUnit Jupiter's
   * API on the class path or module path of the caller.
   *
   * @return the tests, in the order of {@link #caseNames()}
   */
  public Stream<DynamicTest> dynamicTests() {
    return JupiterCases.of(name, cases(), this::run);
  }

  /** Runs one case on a fresh store, closing it; failures name the store and the case. */
  void run(Case c) {
    ReferralStore store;
    try {
      store = Objects.requireNonNull(factory.get(), "the factory returned null");
    } catch (RuntimeException e) {
      throw failure(c, "the factory could not make a store: " + e, e);
    }
    try (store) {
      c.body().accept(store);
    } catch (AssertionError e) {
      throw failure(c, e.getMessage(), e);
    } catch (RuntimeException e) {
      throw failure(c, "unexpected " + e, e);
    }
  }

  private AssertionError failure(Case c, String what, Throwable cause) {
    return new AssertionError(name + ": " + c.name() + ": " + what, cause);
  }

  private List<Case> cases() {
    List<Case> all = new ArrayList<>(ContractCases.reads());
    all.addAll(TransactionCases.cases(rollsBack));
    return all;
  }

  @Override
  public String toString() {
    return "ReferralStoreTester[" + name + (rollsBack ? ", rolling back]" : "]");
  }
}
