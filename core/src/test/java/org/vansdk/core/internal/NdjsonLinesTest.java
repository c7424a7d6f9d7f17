package org.vansdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NdjsonLinesTest {
  /** The lines of a text as the static split gives them. */
  private static List<String> split(byte[] b) {
    List<String> out = new ArrayList<>();
    for (int start = 0; start < b.length; ) {
      int nl = NdjsonLines.lineEnd(b, start, b.length);
      int end = NdjsonLines.contentEnd(b, start, nl);
      out.add(new String(b, start, end - start, StandardCharsets.UTF_8));
      start = nl + 1;
    }
    return out;
  }

  /** The lines of a text as the streaming splitter gives them. */
  private static List<String> stream(byte[] b) throws IOException {
    NdjsonLines lines = new NdjsonLines(new ByteArrayInputStream(b), 1 << 20);
    List<String> out = new ArrayList<>();
    for (byte[] line = lines.next(); line != null; line = lines.next()) {
      out.add(new String(line, StandardCharsets.UTF_8));
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "a",
        "a\n",
        "a\nb",
        "a\r\nb\r\n",
        "\n\n",
        "\r\n",
        "a\r\r\nb",
        "x\ry\n",
        " \t\n{}\r\n"
      })
  void staticSplit_andStreamingSplit_giveTheSameLines(String text) throws IOException {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    assertEquals(stream(b), split(b), text.replace("\r", "\\r").replace("\n", "\\n"));
  }
}
