package org.vansdk.transport;

import javax.net.ssl.SSLContext;
import org.vansdk.transport.tls.EphemeralCertificates;

/**
 * The tests' certificate authority: an {@link EphemeralCertificates} made fresh for each test, so
 * nothing secret is committed and every run makes new keys.
 */
public final class TestCertificates {

  private final EphemeralCertificates ca = new EphemeralCertificates();

  /** A TLS context presenting a certificate for {@code cn} on 127.0.0.1, trusting the CA. */
  public SSLContext context(String cn) {
    return ca.context(cn);
  }

  /** A TLS context that trusts the CA and presents no certificate (a plain client). */
  public SSLContext clientOnly() {
    return ca.clientOnly();
  }
}
