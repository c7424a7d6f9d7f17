package org.vansdk.hub.submission;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.OptionalLong;
import org.vansdk.hub.web.HubException;

/**
 * A submission's body as it streams in: counted against the hub's limit, hashed (SHA-256, the
 * content hash that makes a resubmission recognisable) and checked against the declared length, so
 * that a body that did not arrive whole is told apart from one that did. Not thread-safe.
 */
final class Body extends FilterInputStream {
  /** Thrown from {@link #read} past the limit; turned into a problem by {@link #refusal}. */
  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("the body is over the limit");
    }
  }

  private final long maxBytes;
  private final OptionalLong declared;
  private final MessageDigest digest;
  private long count;
  private int last = -1;

  Body(InputStream in, long maxBytes, OptionalLong declared) {
    super(in);
    this.maxBytes = maxBytes;
    this.declared = declared;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      count += n;
      if (count > maxBytes) {
        throw new TooLarge();
      }
      digest.update(b, off, n);
      last = b[off + n - 1];
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[8192];
    long skipped = 0;
    while (skipped < n) {
      int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** Reads the rest of the body, hashing it. */
  void drain() throws IOException {
    byte[] buffer = new byte[1 << 16];
    while (read(buffer, 0, buffer.length) >= 0) {
      // hashed and counted by read
    }
  }

  /**
   * Checks, at the end of the stream, that every declared byte came.
   *
   * @throws HubException {@code VAN-H-0102} if fewer or more bytes came than declared
   */
  void checkComplete() {
    if (declared.isPresent() && declared.getAsLong() != count) {
      throw new HubException(
          400,
          SubmissionErrors.BODY_NOT_RECEIVED,
          "the body ended after "
              + count
              + " of the "
              + declared.getAsLong()
              + " bytes declared by Content-Length; nothing was stored, send it again");
    }
  }

  /** Whether the body is not empty and its last byte ends a line. */
  boolean endsWithNewline() {
    return last == '\n';
  }

  /** The bytes read so far. */
  long count() {
    return count;
  }

  /** The content hash of the bytes read, {@code sha256:} then lower-case hex. */
  String hash() {
    try {
      MessageDigest copy = (MessageDigest) digest.clone();
      return "sha256:" + HexFormat.of().formatHex(copy.digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digests can be cloned", e);
    }
  }

  /** The problem for a failure to read the body. */
  HubException refusal(IOException e) {
    if (e instanceof TooLarge) {
      return new HubException(
          413,
          SubmissionErrors.TOO_LARGE,
          "the body is larger than the " + maxBytes + " bytes the hub accepts; nothing was stored");
    }
    return new HubException(
        400,
        SubmissionErrors.BODY_NOT_RECEIVED,
        "the body could not be read to its end after "
            + count
            + " bytes ("
            + e.getClass().getSimpleName()
            + "); nothing was stored, send it again");
  }
}
