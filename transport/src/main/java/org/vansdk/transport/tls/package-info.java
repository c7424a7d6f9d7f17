/**
 * TLS for the HTTP binding: {@link org.vansdk.transport.tls.TlsFiles} builds the TLS context of a
 * node from PKCS #12 files, and {@link org.vansdk.transport.tls.EphemeralCertificates} makes a
 * throw-away certificate authority at run time for demos and tests.
 */
package org.vansdk.transport.tls;
