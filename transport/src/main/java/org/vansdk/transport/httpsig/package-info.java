/**
 * HTTP Message Signatures (RFC 9421) with {@code ed25519} for requests that carry no signed message
 * (mailbox pulls, submissions, directory writes): a client-side {@link
 * org.vansdk.transport.httpsig.HttpSigner} for the JDK {@code HttpClient}, and a server-side {@link
 * org.vansdk.transport.httpsig.HttpSignatureVerifier} that resolves keys through the trust list,
 * checks the time window, the body's {@code Content-Digest} (RFC 9530, sha-256) and a nonce cache
 * against replay.
 */
package org.vansdk.transport.httpsig;
