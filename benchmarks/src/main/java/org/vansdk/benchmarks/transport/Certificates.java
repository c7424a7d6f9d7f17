package org.vansdk.benchmarks.transport;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority made at run time (BouncyCastle's bcpkix): one CA, and for each
 * organisation a key and a certificate for 127.0.0.1 and localhost signed by it. Nothing secret is
 * committed; every run makes new keys. A copy of the transport tests' {@code TestCertificates}
 * (test code is not published).
 */
final class Certificates {

  private static final char[] PASSWORD = "test-only".toCharArray();
  private final KeyPair caKeys;
  private final X509Certificate ca;
  private long serial = 1;

  /** Makes a fresh CA. */
  Certificates() {
    try {
      caKeys = ecKeys();
      Instant now = Instant.now();
      X500Name name = new X500Name("CN=VAN test CA");
      JcaX509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              name,
              BigInteger.valueOf(serial++),
              Date.from(now.minus(Duration.ofHours(1))),
              Date.from(now.plus(Duration.ofDays(2))),
              name,
              caKeys.getPublic());
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      ca = sign(b, caKeys);
    } catch (Exception e) {
      throw new IllegalStateException("cannot make the test CA", e);
    }
  }

  /** A TLS context presenting a certificate for {@code cn} on 127.0.0.1, trusting the CA. */
  public SSLContext context(String cn) {
    try {
      KeyPair keys = ecKeys();
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              new X500Name("CN=VAN test CA"),
              BigInteger.valueOf(serial++),
              Date.from(now.minus(Duration.ofHours(1))),
              Date.from(now.plus(Duration.ofDays(1))),
              new X500Name("CN=" + cn),
              keys.getPublic());
      b.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(
              new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(
                    GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress())
              }));
      X509Certificate cert = sign(b, caKeys);
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      keyStore.setKeyEntry("key", keys.getPrivate(), PASSWORD, new X509Certificate[] {cert, ca});
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keyStore, PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), trust().getTrustManagers(), new SecureRandom());
      return context;
    } catch (Exception e) {
      throw new IllegalStateException("cannot make a test certificate", e);
    }
  }

  /** A TLS context that trusts the CA and presents no certificate (a plain client). */
  public SSLContext clientOnly() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust().getTrustManagers(), new SecureRandom());
      return context;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private TrustManagerFactory trust() throws Exception {
    KeyStore trustStore = KeyStore.getInstance("PKCS12");
    trustStore.load(null, null);
    trustStore.setCertificateEntry("ca", ca);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trustStore);
    return tmf;
  }

  private static KeyPair ecKeys() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  private static X509Certificate sign(JcaX509v3CertificateBuilder b, KeyPair signer)
      throws Exception {
    return new JcaX509CertificateConverter()
        .getCertificate(
            b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
  }
}
