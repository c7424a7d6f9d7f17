package org.vansdk.hub.relay;

/**
 * Where a relayed message went: the recipient's mailbox cursor it was stored at, and whether it was
 * already there (a resend of the same message id by the same sender stores nothing new).
 */
record Deposit(long cursor, boolean duplicate) {}
