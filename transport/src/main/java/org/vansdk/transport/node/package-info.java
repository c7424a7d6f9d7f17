/**
 * One organisation's referral node on the network, run from a configuration file: {@link
 * org.vansdk.transport.node.NodeConfiguration} reads the file strictly, {@link
 * org.vansdk.transport.node.NetworkNode} serves the node's endpoint over HTTPS and drains its
 * outbox to its peers until closed.
 */
package org.vansdk.transport.node;
