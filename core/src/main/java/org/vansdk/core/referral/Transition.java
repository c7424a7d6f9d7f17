package org.vansdk.core.referral;

import java.util.Optional;
import java.util.Set;

/**
 * One row of the attempt state table: an attempt may move from any of {@code from} to {@code to}
 * when one of {@code by} does it and the {@code requirement} is met.
 *
 * @param from the states the move starts from; empty for the creation of a draft
 * @param to the state reached
 * @param by the roles allowed to make the move
 * @param requirement what the move needs
 * @since 1.0
 */
public record Transition(
    Set<AttemptStatus> from, AttemptStatus to, Set<Role> by, Requirement requirement) {

  /** Defensive copies of the sets. */
  public Transition {
    from = Set.copyOf(from);
    by = Set.copyOf(by);
  }

  /** True if this row moves {@code state} to {@code target} when {@code role} does it. */
  public boolean permits(Optional<AttemptStatus> state, AttemptStatus target, Role role) {
    boolean fromMatches = state.map(from::contains).orElse(from.isEmpty());
    return fromMatches && to == target && by.contains(role);
  }
}
