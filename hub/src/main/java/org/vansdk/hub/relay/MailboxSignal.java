package org.vansdk.hub.relay;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes long-polling readers when their mailbox receives a message: a version per mailbox, raised
 * after each committed deposit. A reader takes the version before it looks, and waits only while
 * the version is unchanged, so a deposit between its look and its wait is never missed. Closing
 * wakes every reader at once (the hub is stopping). Thread-safe.
 */
final class MailboxSignal {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Map<String, Long> versions = new HashMap<>();
  private int waiting;
  private boolean closed;

  /** The mailbox's version now. */
  long version(String mailbox) {
    lock.lock();
    try {
      return versions.getOrDefault(mailbox, 0L);
    } finally {
      lock.unlock();
    }
  }

  /** Raises the mailbox's version and wakes its readers. */
  void raise(String mailbox) {
    lock.lock();
    try {
      versions.merge(mailbox, 1L, Long::sum);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until the mailbox's version differs from {@code seen}, the time is up or the signal is
   * closed.
   *
   * @return true if the version changed
   */
  boolean await(String mailbox, long seen, Duration timeout) throws InterruptedException {
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      waiting++;
      try {
        while (!closed && versions.getOrDefault(mailbox, 0L) == seen && nanos > 0) {
          nanos = changed.awaitNanos(nanos);
        }
        return versions.getOrDefault(mailbox, 0L) != seen;
      } finally {
        waiting--;
      }
    } finally {
      lock.unlock();
    }
  }

  /** How many readers wait now. */
  int waiting() {
    lock.lock();
    try {
      return waiting;
    } finally {
      lock.unlock();
    }
  }

  /** Wakes every reader; later waits return at once. */
  void close() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
