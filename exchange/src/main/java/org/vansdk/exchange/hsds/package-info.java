/**
 * The service directory as Open Referral HSDS 3.0: export of organisations, services and service
 * locations (with a victim-assistance taxonomy of our service types and ids as name-based UUIDs of
 * ours), and import of another network's HSDS directory.
 */
package org.vansdk.exchange.hsds;
