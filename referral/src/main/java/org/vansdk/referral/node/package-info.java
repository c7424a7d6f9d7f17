/**
 * The referral node: one organisation's end of the protocol, as referrer and receiver. Local
 * commands check the state table and the consent gate; received messages are validated, verified,
 * de-duplicated, ordered and applied; every change is committed with its audit entries and outbox
 * messages in one store transaction.
 */
package org.vansdk.referral.node;
