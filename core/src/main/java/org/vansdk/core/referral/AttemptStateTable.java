package org.vansdk.core.referral;

import static org.vansdk.core.referral.AttemptStatus.ACCEPTED;
import static org.vansdk.core.referral.AttemptStatus.CANCELLED;
import static org.vansdk.core.referral.AttemptStatus.COMPLETED;
import static org.vansdk.core.referral.AttemptStatus.DECLINED;
import static org.vansdk.core.referral.AttemptStatus.DRAFT;
import static org.vansdk.core.referral.AttemptStatus.ENTERED_IN_ERROR;
import static org.vansdk.core.referral.AttemptStatus.IN_PROGRESS;
import static org.vansdk.core.referral.AttemptStatus.NOT_COMPLETED;
import static org.vansdk.core.referral.AttemptStatus.ON_HOLD;
import static org.vansdk.core.referral.AttemptStatus.RECEIVED;
import static org.vansdk.core.referral.AttemptStatus.SENT;

import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The attempt state machine of the referral protocol as data: which role may move an attempt from
 * which state to which, and what the move requires. It is the one statement of the rule: both sides
 * of an exchange consult it (the side that makes a move, and the side that mirrors it on receipt),
 * {@link AttemptStatus#isFinal()} reads its final states, the testkit draws its synthetic histories
 * from it and the indicators derive from it which states an attempt can only reach by being
 * accepted. Immutable, thread-safe.
 *
 * @since 1.0
 */
public final class AttemptStateTable {

  /** The final states: nothing moves an attempt out of them (except entered-in-error). */
  public static final Set<AttemptStatus> FINAL =
      Set.copyOf(EnumSet.of(DECLINED, COMPLETED, NOT_COMPLETED, CANCELLED, ENTERED_IN_ERROR));

  private static final Set<AttemptStatus> NON_FINAL =
      Set.copyOf(EnumSet.complementOf(EnumSet.copyOf(FINAL)));

  private static final Set<AttemptStatus> ANY_BUT_ERROR =
      Set.copyOf(EnumSet.complementOf(EnumSet.of(ENTERED_IN_ERROR)));

  /** The rows, in the order {@code docs/protocol.md} lists them. */
  public static final List<Transition> ROWS =
      List.of(
          row(Set.of(), DRAFT, Role.REFERRER, Requirement.NONE),
          row(Set.of(DRAFT), SENT, Role.REFERRER, Requirement.CONSENT_AND_DIRECTORY),
          row(Set.of(SENT), RECEIVED, Role.RECEIVER, Requirement.SEEN_BY_PERSON),
          row(Set.of(SENT, RECEIVED), ACCEPTED, Role.RECEIVER, Requirement.NONE),
          row(Set.of(SENT, RECEIVED), DECLINED, Role.RECEIVER, Requirement.DECLINE_REASON),
          row(Set.of(ACCEPTED), IN_PROGRESS, Role.RECEIVER, Requirement.NONE),
          row(Set.of(ACCEPTED, IN_PROGRESS), ON_HOLD, Role.RECEIVER, Requirement.HOLD_REASON),
          row(Set.of(ON_HOLD), IN_PROGRESS, Role.RECEIVER, Requirement.NONE),
          row(
              Set.of(ACCEPTED, IN_PROGRESS, ON_HOLD),
              COMPLETED,
              Role.RECEIVER,
              Requirement.OUTCOME),
          row(
              Set.of(ACCEPTED, IN_PROGRESS, ON_HOLD),
              NOT_COMPLETED,
              Role.RECEIVER,
              Requirement.NOT_COMPLETED_REASON),
          new Transition(
              NON_FINAL, CANCELLED, Set.of(Role.RECEIVER, Role.SYSTEM), Requirement.CANCEL_REQUEST),
          row(ANY_BUT_ERROR, ENTERED_IN_ERROR, Role.REFERRER, Requirement.PURGE));

  private AttemptStateTable() {}

  private static Transition row(
      Set<AttemptStatus> from, AttemptStatus to, Role by, Requirement requirement) {
    return new Transition(from, to, Set.of(by), requirement);
  }

  /** True for the final states. */
  public static boolean isFinal(AttemptStatus status) {
    return FINAL.contains(status);
  }

  /**
   * The states any role may move an attempt in {@code state} to in one move; empty for none.
   *
   * @param state the current state
   * @return the next states, in {@link AttemptStatus} order
   */
  public static Set<AttemptStatus> next(AttemptStatus state) {
    EnumSet<AttemptStatus> to = EnumSet.noneOf(AttemptStatus.class);
    for (Transition t : ROWS) {
      if (t.from().contains(state)) {
        to.add(t.to());
      }
    }
    return to;
  }

  /**
   * Whether every path through the table from the creation of an attempt to {@code state} passes
   * through {@code via}: an attempt in {@code state} has necessarily been in {@code via} (or is in
   * it). For example every attempt in progress, on hold, completed or not completed has been
   * accepted; a cancelled one may not have been.
   *
   * @param state the state reached
   * @param via the state that may have to be passed
   * @return true when {@code state} cannot be reached without passing {@code via}
   */
  public static boolean mustPass(AttemptStatus state, AttemptStatus via) {
    if (state == via) {
      return true;
    }
    EnumSet<AttemptStatus> reached = EnumSet.noneOf(AttemptStatus.class);
    ArrayDeque<AttemptStatus> frontier = new ArrayDeque<>();
    for (Transition t : ROWS) {
      if (t.from().isEmpty() && t.to() != via && reached.add(t.to())) {
        frontier.add(t.to());
      }
    }
    while (!frontier.isEmpty()) {
      for (AttemptStatus s : next(frontier.poll())) {
        if (s != via && reached.add(s)) {
          frontier.add(s);
        }
      }
    }
    return !reached.contains(state);
  }

  /** The states {@code role} may move an attempt in {@code state} to; empty if none. */
  public static Set<AttemptStatus> allowedTransitions(AttemptStatus state, Role role) {
    EnumSet<AttemptStatus> to = EnumSet.noneOf(AttemptStatus.class);
    for (Transition t : ROWS) {
      if (t.from().contains(state) && t.by().contains(role)) {
        to.add(t.to());
      }
    }
    return to;
  }

  /** The row that permits the move, if any. */
  public static Optional<Transition> find(
      Optional<AttemptStatus> state, AttemptStatus target, Role role) {
    for (Transition t : ROWS) {
      if (t.permits(state, target, role)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /**
   * Checks a move and says why it is refused: not in the table at all, or in the table but for
   * another role.
   *
   * @param attempt the attempt id, used in the message only
   */
  public static TransitionCheck check(
      String attempt, AttemptStatus state, AttemptStatus target, Role role) {
    Optional<Transition> row = find(Optional.of(state), target, role);
    if (row.isPresent()) {
      return TransitionCheck.allowed(row.get());
    }
    boolean otherRole = ROWS.stream().anyMatch(t -> t.from().contains(state) && t.to() == target);
    String allowed =
        allowedTransitions(state, role).stream()
            .map(AttemptStatus::code)
            .sorted()
            .collect(Collectors.joining(", "));
    if (allowed.isEmpty()) {
      allowed = isFinal(state) ? "none (final)" : "none for the " + role.code();
    }
    if (otherRole) {
      String who =
          ROWS.stream()
              .filter(t -> t.from().contains(state) && t.to() == target)
              .flatMap(t -> t.by().stream())
              .map(Role::code)
              .sorted()
              .collect(Collectors.joining(" or "));
      return TransitionCheck.wrongParty(
          "attempt "
              + attempt
              + " cannot be moved from "
              + state.code()
              + " to "
              + target.code()
              + " by the "
              + role.code()
              + "; only the "
              + who
              + " may; allowed for the "
              + role.code()
              + ": "
              + allowed);
    }
    return TransitionCheck.notInTable(
        "attempt "
            + attempt
            + " cannot move from "
            + state.code()
            + " to "
            + target.code()
            + "; allowed: "
            + allowed);
  }
}
