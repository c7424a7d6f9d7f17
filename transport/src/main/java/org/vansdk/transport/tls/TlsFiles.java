package org.vansdk.transport.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds a node's TLS context from PKCS #12 files: a key store with the node's key and certificate
 * chain (what it presents as a server, and as a client under mutual TLS) and a trust store with the
 * certificate authorities it accepts. Errors name the file and what is wrong with it, never a
 * password.
 */
public final class TlsFiles {

  private TlsFiles() {}

  /**
   * Reads both stores and builds the context.
   *
   * @param keyStore the PKCS #12 file with the node's key, or {@code null} for a client that
   *     presents no certificate
   * @param keyStorePassword its password
   * @param trustStore the PKCS #12 file with the trusted CAs
   * @param trustStorePassword its password
   * @throws IllegalArgumentException naming the file if a store is missing, unreadable or holds no
   *     usable entry
   */
  public static SSLContext read(
      Path keyStore, char[] keyStorePassword, Path trustStore, char[] trustStorePassword) {
    KeyStore keys = keyStore == null ? null : load(keyStore, keyStorePassword, "key store");
    KeyStore trust = load(trustStore, trustStorePassword, "trust store");
    try {
      return context(keys, keyStorePassword, trust);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "the key store " + keyStore + " holds no key usable with its password", e);
    }
  }

  /** A context from loaded stores ({@code keys} may be {@code null}: no client certificate). */
  static SSLContext context(KeyStore keys, char[] keyPassword, KeyStore trust)
      throws GeneralSecurityException {
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    KeyManagerFactory kmf = null;
    if (keys != null) {
      kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, keyPassword);
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(
        kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
    return context;
  }

  private static KeyStore load(Path file, char[] password, String what) {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      if (store.size() == 0) {
        throw new IllegalArgumentException("the " + what + " " + file + " is empty");
      }
      return store;
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("the " + what + " " + file + " does not exist");
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "the "
              + what
              + " "
              + file
              + " cannot be read as PKCS #12 with the password given (wrong password or not a"
              + " PKCS #12 file)");
    }
  }
}
