/** Load figures of the regional hub: messages relayed per second and mailbox read latency. */
package org.vansdk.benchmarks.hub;
