package org.vansdk.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP/1.1 proxy on a plain server socket in front of one node's endpoint that, decided
 * by a seeded random source, drops requests (the connection closes before an answer), delivers them
 * but drops the answer, truncates the answer mid-body, duplicates requests, and holds requests back
 * to deliver them later in reverse order (a late duplicate). Every connection carries one exchange
 * and is then closed; every decision is immediate (no sleeps).
 */
final class ChaosProxy implements AutoCloseable {

  /** What the proxy did with one request. */
  enum Fault {
    NONE,
    DROP_REQUEST,
    DROP_ANSWER,
    TRUNCATE_ANSWER,
    DUPLICATE,
    HOLD
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Random random;
  private final double faultRate;
  private volatile URI target;
  private volatile boolean faults = true;
  private final List<Held> held = new ArrayList<>();

  /** A request held back: delivered later to the same route. */
  private record Held(String path, String type, byte[] body) {}

  final int[] counts = new int[Fault.values().length];

  ChaosProxy(long seed, double faultRate) {
    this.random = new Random(seed);
    this.faultRate = faultRate;
    try {
      server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    threads.execute(this::accept);
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  void target(URI target) {
    this.target = target;
  }

  void faults(boolean on) {
    this.faults = on;
  }

  private synchronized Fault decide() {
    Fault f = Fault.NONE;
    if (faults && random.nextDouble() < faultRate) {
      f = Fault.values()[1 + random.nextInt(Fault.values().length - 1)];
    }
    counts[f.ordinal()]++;
    return f;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        threads.execute(() -> serve(s));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setSoTimeout(10_000);
      InputStream in = socket.getInputStream();
      String head = readHead(in);
      String[] lines = head.split("\r\n");
      String path = lines[0].split(" ")[1];
      String type = "application/octet-stream";
      int length = 0;
      for (String line : lines) {
        String lower = line.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).strip());
        } else if (lower.startsWith("content-type:")) {
          type = line.substring(13).strip();
        }
      }
      byte[] body = in.readNBytes(length);
      Fault fault = decide();
      if (fault == Fault.DROP_REQUEST) {
        return;
      }
      if (fault == Fault.HOLD) {
        synchronized (held) {
          held.add(new Held(path, type, body));
        }
        return;
      }
      HttpResponse<byte[]> answer = forward(path, type, body);
      if (fault == Fault.DUPLICATE) {
        answer = forward(path, type, body);
      }
      if (fault == Fault.DROP_ANSWER) {
        return;
      }
      byte[] out = answer.body();
      StringBuilder h = new StringBuilder();
      h.append("HTTP/1.1 ").append(answer.statusCode()).append(" X\r\n");
      answer
          .headers()
          .firstValue("Content-Type")
          .ifPresent(v -> h.append("Content-Type: ").append(v).append("\r\n"));
      answer
          .headers()
          .firstValue("Retry-After")
          .ifPresent(v -> h.append("Retry-After: ").append(v).append("\r\n"));
      h.append("Content-Length: ").append(out.length).append("\r\nConnection: close\r\n\r\n");
      OutputStream o = socket.getOutputStream();
      o.write(h.toString().getBytes(StandardCharsets.US_ASCII));
      o.write(out, 0, fault == Fault.TRUNCATE_ANSWER ? out.length / 2 : out.length);
      o.flush();
    } catch (IOException | RuntimeException e) {
      // the exchange is lost: exactly what the client must cope with
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed in the request head");
      }
      head.write(b);
      matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1 : 0;
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private HttpResponse<byte[]> forward(String path, String type, byte[] body)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(target.resolve(path))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Delivers the held requests now, in reverse order, ignoring the answers. */
  void releaseHeld() {
    List<Held> now;
    synchronized (held) {
      now = new ArrayList<>(held);
      held.clear();
    }
    for (int i = now.size() - 1; i >= 0; i--) {
      try {
        Held h = now.get(i);
        forward(h.path(), h.type(), h.body());
      } catch (IOException e) {
        // the node behind may be restarting; the sender resends anyway
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    threads.shutdownNow();
  }
}
