package org.vansdk.transport.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority made in memory at run time, for demos and tests only: one CA
 * and, for each organisation asked for, a P-256 key and a certificate for {@code localhost} and the
 * loopback address, signed by the CA and valid for a day. Nothing is ever written unless asked
 * ({@link #writeKeyStore}, {@link #writeTrustStore}), and every instance makes new keys, so nothing
 * secret needs to be committed. Production nodes use certificates from the network's own CA through
 * {@link TlsFiles}.
 *
 * <p>Needs BouncyCastle's {@code bcpkix-jdk18on} on the class path (an optional dependency of this
 * module).
 */
public final class EphemeralCertificates {

  private static final char[] PASSWORD = "ephemeral".toCharArray();
  private static final X500Name CA_NAME = new X500Name("CN=VAN ephemeral CA");
  private final KeyPair caKeys;
  private final X509Certificate ca;
  private long serial = 1;

  /** Makes a fresh CA, valid from an hour ago for two days. */
  public EphemeralCertificates() {
    try {
      caKeys = ecKeys();
      JcaX509v3CertificateBuilder b = builder(CA_NAME, caKeys, Duration.ofDays(2));
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      ca = sign(b);
    } catch (GeneralSecurityException | CertIOException | OperatorCreationException e) {
      throw new IllegalStateException("cannot make the ephemeral CA", e);
    }
  }

  /** A TLS context presenting a new certificate for {@code cn} and trusting this CA only. */
  public SSLContext context(String cn) {
    try {
      return TlsFiles.context(keyStore(cn), PASSWORD, trustStore());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make an ephemeral TLS context", e);
    }
  }

  /** A TLS context that trusts this CA and presents no certificate (a plain client). */
  public SSLContext clientOnly() {
    try {
      return TlsFiles.context(null, null, trustStore());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make an ephemeral TLS context", e);
    }
  }

  /**
   * Writes a PKCS #12 key store holding a new key and certificate for {@code cn} (with the CA's
   * certificate in its chain).
   */
  public void writeKeyStore(String cn, Path file, char[] password) throws IOException {
    try {
      write(keyStore(cn), file, PASSWORD, password);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot write an ephemeral key store", e);
    }
  }

  /** Writes a PKCS #12 trust store holding this CA's certificate. */
  public void writeTrustStore(Path file, char[] password) throws IOException {
    try {
      write(trustStore(), file, null, password);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot write an ephemeral trust store", e);
    }
  }

  private static void write(KeyStore source, Path file, char[] keyPassword, char[] password)
      throws IOException, GeneralSecurityException {
    KeyStore target = emptyStore();
    for (String alias : java.util.Collections.list(source.aliases())) {
      if (source.isKeyEntry(alias)) {
        target.setKeyEntry(
            alias, source.getKey(alias, keyPassword), password, source.getCertificateChain(alias));
      } else {
        target.setCertificateEntry(alias, source.getCertificate(alias));
      }
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      target.store(out, password);
    }
  }

  private KeyStore keyStore(String cn) throws GeneralSecurityException {
    try {
      KeyPair keys = ecKeys();
      JcaX509v3CertificateBuilder b = builder(new X500Name("CN=" + cn), keys, Duration.ofDays(1));
      b.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(
              new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(
                    GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress())
              }));
      X509Certificate cert = sign(b);
      KeyStore keyStore = emptyStore();
      keyStore.setKeyEntry("key", keys.getPrivate(), PASSWORD, new X509Certificate[] {cert, ca});
      return keyStore;
    } catch (CertIOException | OperatorCreationException e) {
      throw new GeneralSecurityException("cannot make an ephemeral certificate", e);
    }
  }

  private KeyStore trustStore() throws GeneralSecurityException {
    KeyStore trustStore = emptyStore();
    trustStore.setCertificateEntry("ca", ca);
    return trustStore;
  }

  private static KeyStore emptyStore() throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
    return store;
  }

  private JcaX509v3CertificateBuilder builder(X500Name subject, KeyPair keys, Duration validity) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        CA_NAME,
        BigInteger.valueOf(serial++),
        Date.from(now.minus(Duration.ofHours(1))),
        Date.from(now.plus(validity)),
        subject,
        keys.getPublic());
  }

  private static KeyPair ecKeys() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    return g.generateKeyPair();
  }

  private X509Certificate sign(JcaX509v3CertificateBuilder b)
      throws GeneralSecurityException, OperatorCreationException {
    return new JcaX509CertificateConverter()
        .getCertificate(
            b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
  }
}
