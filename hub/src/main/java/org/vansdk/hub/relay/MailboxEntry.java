package org.vansdk.hub.relay;

import java.time.Instant;
import org.vansdk.core.id.OrganisationId;

/**
 * One message waiting in a mailbox: its cursor (the mailbox's position, rising by one per message),
 * the sender, the message id, when the hub received it, and the signed bytes as received.
 * Immutable.
 */
record MailboxEntry(
    long cursor, OrganisationId sender, String messageId, Instant receivedAt, byte[] bytes) {

  MailboxEntry {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public String toString() {
    return "MailboxEntry[" + cursor + " " + messageId + "]";
  }
}
