package org.vansdk.transport.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Base64;
import org.vansdk.referral.signature.SigningKey;

/** Reads the node's Ed25519 signing key from the file its configuration names. */
final class KeyFiles {

  private KeyFiles() {}

  /**
   * The configuration's signing key.
   *
   * @throws NodeConfigurationException if the file is missing, unreadable or not a key
   */
  static SigningKey signingKey(NodeConfiguration c) {
    String text;
    try {
      text = Files.readString(c.signingKeyFile(), StandardCharsets.US_ASCII).strip();
    } catch (NoSuchFileException e) {
      throw new NodeConfigurationException(
          NodeConfigurationException.FILE,
          "/signingKey/file: " + c.signingKeyFile() + " does not exist");
    } catch (IOException e) {
      throw new NodeConfigurationException(
          NodeConfigurationException.FILE,
          "/signingKey/file: " + c.signingKeyFile() + " cannot be read");
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      raw = new byte[0];
    }
    if (raw.length != 32) {
      throw new NodeConfigurationException(
          NodeConfigurationException.FILE,
          "/signingKey/file: "
              + c.signingKeyFile()
              + " does not hold the base64 of a 32-byte Ed25519 private key");
    }
    return SigningKey.fromRaw(c.signingKeyId(), raw);
  }
}
