/**
 * The network trust list: who is in the network, how each organisation is reached, and the keys
 * each signs with (validity period, revocation with its effective time, uses), versioned and signed
 * by the network operator. Read strictly ({@link org.vansdk.transport.trust.TrustListJson}),
 * verified against the operator keys a node pins ({@link org.vansdk.transport.trust.OperatorKeys}),
 * held and refreshed with the last good list kept ({@link
 * org.vansdk.transport.trust.TrustListRegistry}, {@link
 * org.vansdk.transport.trust.TrustListRefresh}), and used by the node as its {@code
 * OrganisationKeyRegistry}.
 */
package org.vansdk.transport.trust;
