package org.vansdk.referral.node;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.referral.message.Message;

/**
 * Out-of-order messages held in memory until the gap before them is filled, per attempt and sender
 * system, bounded per sender organisation and in total so that a peer with a valid key cannot grow
 * a node's memory without limit. Lost on restart (the senders resend: the messages were not
 * acknowledged). Not thread-safe: used under the node's lock.
 */
final class HeldMessages {

  private final int perSender;
  private final int total;
  private final Map<String, TreeMap<Long, Message>> queues = new HashMap<>();
  private final Map<OrganisationId, Integer> bySender = new HashMap<>();
  private int size;

  HeldMessages(int perSender, int total) {
    this.perSender = perSender;
    this.total = total;
  }

  /**
   * Holds a message under a key (attempt and sender system); a message already held at the same
   * sequence is replaced.
   *
   * @return false, holding nothing, if that would pass the bound of its sender or the total
   */
  boolean hold(String key, Message m) {
    long seq = m.envelope().senderSeq();
    TreeMap<Long, Message> queue = queues.get(key);
    if (queue != null && queue.containsKey(seq)) {
      queue.put(seq, m);
      return true;
    }
    OrganisationId sender = m.envelope().sender().organisation();
    if (size >= total || bySender.getOrDefault(sender, 0) >= perSender) {
      return false;
    }
    queues.computeIfAbsent(key, k -> new TreeMap<>()).put(seq, m);
    bySender.merge(sender, 1, Integer::sum);
    size++;
    return true;
  }

  /**
   * Removes and returns the message held under the key at the sequence, dropping those held before
   * it (they were processed or passed).
   */
  Optional<Message> take(String key, long seq) {
    TreeMap<Long, Message> queue = queues.get(key);
    if (queue == null) {
      return Optional.empty();
    }
    Map<Long, Message> before = queue.headMap(seq);
    before.values().forEach(this::released);
    before.clear();
    Message m = queue.remove(seq);
    if (m != null) {
      released(m);
    }
    if (queue.isEmpty()) {
      queues.remove(key);
    }
    return Optional.ofNullable(m);
  }

  /** True if anything is held under the key. */
  boolean holds(String key) {
    return queues.containsKey(key);
  }

  /** How many messages are held. */
  int size() {
    return size;
  }

  private void released(Message m) {
    bySender.computeIfPresent(
        m.envelope().sender().organisation(), (k, n) -> n == 1 ? null : n - 1);
    size--;
  }
}
