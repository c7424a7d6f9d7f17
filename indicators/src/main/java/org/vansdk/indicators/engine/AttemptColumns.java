package org.vansdk.indicators.engine;

import java.util.Arrays;
import java.util.List;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.ReferralAttempt;
import org.vansdk.core.referral.StatusChange;

/**
 * The referral attempts as read, one row each in stream order: when they were first sent, accepted
 * and completed (epoch seconds, {@link #NEVER} if not), their status, the reason of their last
 * change and their destination country. Not thread-safe.
 */
final class AttemptColumns {
  /** The time of a status an attempt never reached. */
  static final long NEVER = Long.MIN_VALUE;

  private final OpenDimensions codes;
  long[] sent = new long[256];
  long[] accepted = new long[256];
  long[] completed = new long[256];
  byte[] status = new byte[256];
  int[] reason = new int[256];
  int[] country = new int[256];
  int size;

  AttemptColumns(OpenDimensions codes) {
    this.codes = codes;
  }

  /** Adds an attempt. */
  void add(ReferralAttempt a) {
    int i = size++;
    if (i == sent.length) {
      int n = i * 2;
      sent = Arrays.copyOf(sent, n);
      accepted = Arrays.copyOf(accepted, n);
      completed = Arrays.copyOf(completed, n);
      status = Arrays.copyOf(status, n);
      reason = Arrays.copyOf(reason, n);
      country = Arrays.copyOf(country, n);
    }
    List<StatusChange> h = a.history();
    sent[i] = firstAt(h, AttemptStatus.SENT);
    accepted[i] = firstAt(h, AttemptStatus.ACCEPTED);
    completed[i] = firstAt(h, AttemptStatus.COMPLETED);
    status[i] = (byte) a.status().ordinal();
    reason[i] =
        h.isEmpty() ? 0 : h.get(h.size() - 1).reasonCode().map(codes.reason::code).orElse(0);
    country[i] = codes.country.code(a.destinationCountry().code());
  }

  private static long firstAt(List<StatusChange> history, AttemptStatus s) {
    for (StatusChange c : history) {
      if (c.status() == s) {
        return c.at().getEpochSecond();
      }
    }
    return NEVER;
  }
}
