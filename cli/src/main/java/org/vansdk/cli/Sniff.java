package org.vansdk.cli;

import java.io.IOException;
import java.io.InputStream;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.json.VanJsonException;
import tools.jackson.databind.JsonNode;

/**
 * Tells what an unnamed input (standard input, or a file whose name does not say) holds, by looking
 * at its start without consuming it: an NDJSON stream when the first line is a whole JSON object
 * with {@code type} and {@code record}; otherwise one document.
 */
final class Sniff {
  /** How far to look for the end of the first line. */
  private static final int LOOK_AHEAD = 1 << 20;

  private Sniff() {}

  /**
   * Returns whether the stream starts like NDJSON; the stream is reset to where it was.
   *
   * @param in a stream that supports mark and reset
   * @return true for NDJSON
   */
  static boolean isNdjson(InputStream in) throws IOException {
    in.mark(LOOK_AHEAD + 1);
    byte[] head = in.readNBytes(LOOK_AHEAD);
    in.reset();
    int end = 0;
    while (end < head.length && head[end] != '\n') {
      end++;
    }
    if (end == head.length) {
      return false;
    }
    byte[] first = java.util.Arrays.copyOf(head, end);
    JsonNode line = tree(first);
    return line != null && line.isObject() && line.has("type") && line.has("record");
  }

  /**
   * Returns whether a document is a referral protocol message: an object with the envelope's {@code
   * messageId} and {@code type}.
   *
   * @param document the document
   * @return true for a message
   */
  static boolean isMessage(byte[] document) {
    JsonNode root = tree(document);
    return root != null && root.isObject() && root.has("messageId") && root.has("type");
  }

  private static JsonNode tree(byte[] json) {
    try {
      return VanJson.strict().readTree(json);
    } catch (VanJsonException | NumberFormatException e) {
      return null; // not JSON: the validator reports it, located
    }
  }
}
