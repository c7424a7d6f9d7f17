package org.vansdk.core.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
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

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The attempt state table against the protocol's table written out independently here, move by
 * move: every legal move is allowed for its party only, every other one is refused with a message
 * that says what is allowed, and the final states are final.
 */
class AttemptStateTableTest {
  private static final Set<AttemptStatus> NON_FINAL =
      EnumSet.of(DRAFT, SENT, RECEIVED, ACCEPTED, IN_PROGRESS, ON_HOLD);

  /** (from, to, role) of every legal move, as the protocol specification lists them. */
  private static final Set<List<Object>> LEGAL = legal();

  private static Set<List<Object>> legal() {
    Set<List<Object>> m = new HashSet<>();
    add(m, Role.REFERRER, SENT, DRAFT);
    add(m, Role.RECEIVER, RECEIVED, SENT);
    add(m, Role.RECEIVER, ACCEPTED, SENT, RECEIVED);
    add(m, Role.RECEIVER, DECLINED, SENT, RECEIVED);
    add(m, Role.RECEIVER, IN_PROGRESS, ACCEPTED, ON_HOLD);
    add(m, Role.RECEIVER, ON_HOLD, ACCEPTED, IN_PROGRESS);
    add(m, Role.RECEIVER, COMPLETED, ACCEPTED, IN_PROGRESS, ON_HOLD);
    add(m, Role.RECEIVER, NOT_COMPLETED, ACCEPTED, IN_PROGRESS, ON_HOLD);
    for (AttemptStatus from : NON_FINAL) {
      add(m, Role.RECEIVER, CANCELLED, from);
      add(m, Role.SYSTEM, CANCELLED, from);
    }
    for (AttemptStatus from : AttemptStatus.values()) {
      if (from != ENTERED_IN_ERROR) {
        add(m, Role.REFERRER, ENTERED_IN_ERROR, from);
      }
    }
    return m;
  }

  private static void add(Set<List<Object>> m, Role by, AttemptStatus to, AttemptStatus... from) {
    for (AttemptStatus f : from) {
      m.add(List.of(f, to, by));
    }
  }

  @Test
  void everyLegalMove_isAllowedWithTheRowThatPermitsIt() {
    for (List<Object> move : LEGAL) {
      AttemptStatus from = (AttemptStatus) move.get(0);
      AttemptStatus to = (AttemptStatus) move.get(1);
      Role by = (Role) move.get(2);
      TransitionCheck check = AttemptStateTable.check("KHM-HI-A-1", from, to, by);
      assertTrue(check.isAllowed(), move + ": " + check.message());
      assertEquals(Optional.of(to), check.row().map(Transition::to), move.toString());
      assertTrue(AttemptStateTable.allowedTransitions(from, by).contains(to), move.toString());
      assertTrue(AttemptStateTable.next(from).contains(to), move.toString());
    }
  }

  @Test
  void everyOtherMove_isRefused_asNotInTheTableOrByTheWrongParty() {
    int refused = 0;
    for (AttemptStatus from : AttemptStatus.values()) {
      for (AttemptStatus to : AttemptStatus.values()) {
        boolean anyRole = false;
        for (Role by : Role.values()) {
          anyRole |= LEGAL.contains(List.of(from, to, by));
        }
        for (Role by : Role.values()) {
          if (LEGAL.contains(List.of(from, to, by))) {
            continue;
          }
          TransitionCheck check = AttemptStateTable.check("KHM-HI-A-1", from, to, by);
          String move = from.code() + " -> " + to.code() + " by " + by.code();
          assertFalse(check.isAllowed(), move);
          assertEquals(
              anyRole ? TransitionCheck.Verdict.WRONG_PARTY : TransitionCheck.Verdict.NOT_IN_TABLE,
              check.verdict(),
              move);
          assertTrue(check.message().startsWith("attempt KHM-HI-A-1 cannot "), check.message());
          assertFalse(AttemptStateTable.allowedTransitions(from, by).contains(to), move);
          refused++;
        }
        assertEquals(anyRole, AttemptStateTable.next(from).contains(to), from + " -> " + to);
      }
    }
    int all = AttemptStatus.values().length * AttemptStatus.values().length * Role.values().length;
    assertEquals(all - LEGAL.size(), refused);
  }

  @Test
  void creation_isTheReferrersDraftOnly() {
    for (AttemptStatus to : AttemptStatus.values()) {
      for (Role by : Role.values()) {
        assertEquals(
            to == DRAFT && by == Role.REFERRER,
            AttemptStateTable.find(Optional.empty(), to, by).isPresent(),
            to + " by " + by);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(AttemptStatus.class)
  void finalStates_areFinal_exceptForTheCorrectionOfAnError(AttemptStatus s) {
    boolean expected = !NON_FINAL.contains(s);
    assertEquals(expected, s.isFinal(), s.code());
    assertEquals(expected, AttemptStateTable.isFinal(s), s.code());
    assertEquals(expected, AttemptStateTable.FINAL.contains(s), s.code());
    if (expected) {
      Set<AttemptStatus> out = s == ENTERED_IN_ERROR ? Set.of() : Set.of(ENTERED_IN_ERROR);
      assertEquals(out, AttemptStateTable.next(s), s.code());
      assertEquals(Set.of(), AttemptStateTable.allowedTransitions(s, Role.RECEIVER), s.code());
      assertEquals(Set.of(), AttemptStateTable.allowedTransitions(s, Role.SYSTEM), s.code());
    } else {
      assertTrue(AttemptStateTable.next(s).contains(CANCELLED), s.code());
    }
  }

  @Test
  void refusal_fromAFinalState_saysNoneFinal() {
    TransitionCheck check =
        AttemptStateTable.check("KHM-HI-A-19", COMPLETED, ACCEPTED, Role.RECEIVER);
    assertEquals(
        "attempt KHM-HI-A-19 cannot move from completed to accepted; allowed: none (final)",
        check.message());
  }

  @Test
  void refusal_byTheWrongParty_namesWhoMay() {
    TransitionCheck check = AttemptStateTable.check("KHM-HI-A-19", SENT, ACCEPTED, Role.REFERRER);
    assertEquals(TransitionCheck.Verdict.WRONG_PARTY, check.verdict());
    assertTrue(check.message().contains("only the receiver may"), check.message());
    assertTrue(
        check.message().endsWith("allowed for the referrer: entered_in_error"), check.message());
  }

  @Test
  void mustPass_acceptance_isTheAcceptedOrLaterStates() {
    Set<AttemptStatus> through = EnumSet.noneOf(AttemptStatus.class);
    for (AttemptStatus s : AttemptStatus.values()) {
      if (AttemptStateTable.mustPass(s, ACCEPTED)) {
        through.add(s);
      }
    }
    assertEquals(EnumSet.of(ACCEPTED, IN_PROGRESS, ON_HOLD, COMPLETED, NOT_COMPLETED), through);
  }

  @ParameterizedTest
  @EnumSource(AttemptStatus.class)
  void mustPass_draft_forEveryState_butSentOnlyForSomeOfThem(AttemptStatus s) {
    assertTrue(AttemptStateTable.mustPass(s, DRAFT), s.code());
    boolean viaSent = s != DRAFT && s != CANCELLED && s != ENTERED_IN_ERROR;
    assertEquals(viaSent, AttemptStateTable.mustPass(s, SENT), s.code());
  }
}
