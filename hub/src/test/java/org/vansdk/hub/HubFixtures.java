package org.vansdk.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.place.CountryCode;
import org.vansdk.referral.message.Envelope;
import org.vansdk.referral.message.Message;
import org.vansdk.referral.message.MessageCodec;
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.referral.signature.SigningKey;
import org.vansdk.transport.httpsig.HttpSigner;
import org.vansdk.transport.trust.KeyUse;
import org.vansdk.transport.trust.OperatorKeys;
import org.vansdk.transport.trust.TrustList;
import org.vansdk.transport.trust.TrustListJson;
import org.vansdk.transport.trust.TrustListSource;
import org.vansdk.transport.trust.TrustedKey;
import org.vansdk.transport.trust.TrustedOrganisation;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small network for the hub's tests: the operator (the ASEAN secretariat), a focal point (KHM),
 * two organisations reached by mailbox only (LAO, THA), and one organisation that is listed but
 * whose key signs messages only; a started hub on loopback with its log lines captured; and clients
 * that sign their requests.
 */
public final class HubFixtures {
  public static final String NETWORK = "ASEAN-VAN";
  public static final OrganisationId OPERATOR = OrganisationId.parse("IDN-ASEC-HQ");
  public static final OrganisationId KHM = OrganisationId.parse("KHM-CMAA-HQ");
  public static final OrganisationId LAO = OrganisationId.parse("LAO-NRA-HQ");
  public static final OrganisationId THA = OrganisationId.parse("THA-TMAC-HQ");

  static final SigningKey OPERATOR_LIST_KEY = key("operator-list-2026", 1);
  public static final SigningKey OPERATOR_KEY = key("IDN-ASEC-2026-01", 2);
  public static final SigningKey KHM_KEY = key("KHM-CMAA-2026-01", 3);
  public static final SigningKey LAO_KEY = key("LAO-NRA-2026-01", 4);
  public static final SigningKey THA_KEY = key("THA-TMAC-2026-01", 5);

  /** A key nobody listed. */
  public static final SigningKey STRANGER_KEY = key("LAO-NRA-2026-99", 6);

  private HubFixtures() {}

  /** A signing key drawn from a seed. */
  public static SigningKey key(String kid, long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return SigningKey.generate(KeyId.of(kid), r);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The operator keys the hub pins. */
  public static OperatorKeys pinned() {
    return OperatorKeys.of(OPERATOR_LIST_KEY.keyId(), OPERATOR_LIST_KEY.rawPublicKey());
  }

  /** The signing key of an organisation of the fixtures. */
  public static SigningKey keyOf(OrganisationId organisation) {
    return Map.of(OPERATOR, OPERATOR_KEY, KHM, KHM_KEY, LAO, LAO_KEY, THA, THA_KEY)
        .get(organisation);
  }

  /** The signed trust list, keys valid from a day ago for a year. */
  public static TrustList trustList() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    TrustList list = TrustList.draft(NETWORK, now);
    for (Map.Entry<OrganisationId, String> o :
        List.of(
            Map.entry(OPERATOR, "ASEAN Secretariat"),
            Map.entry(KHM, "Cambodian Mine Action and Victim Assistance Authority"),
            Map.entry(LAO, "National Regulatory Authority"),
            Map.entry(THA, "Thailand Mine Action Centre"))) {
      SigningKey k = keyOf(o.getKey());
      list =
          list.withOrganisation(
              new TrustedOrganisation(
                  o.getKey(),
                  o.getKey().value().substring(0, 3),
                  o.getValue(),
                  Optional.empty(),
                  List.of(
                      TrustedKey.of(
                          k.keyId(),
                          k.rawPublicKey(),
                          now.minus(Duration.ofDays(1)),
                          now.plus(Duration.ofDays(365)),
                          EnumSet.allOf(KeyUse.class)))),
              now);
    }
    return list.signedBy(OPERATOR_LIST_KEY);
  }

  /** Writes the trust list into a folder and returns its file. */
  public static Path writeTrustList(Path dir) {
    try {
      Path file = dir.resolve("trust-list.json");
      if (!Files.exists(file)) {
        Files.write(file, TrustListJson.write(trustList()));
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A hub builder on loopback (any free port) with the fixtures' trust list and roles. */
  public static Hub.Builder hub(Path dir, String jdbcUrl, ConcurrentLinkedQueue<String> log) {
    return Hub.builder()
        .database(jdbcUrl, "", "")
        .listen("127.0.0.1", 0)
        .trustList(TrustListSource.file(writeTrustList(dir)), pinned(), NETWORK)
        .operator(OPERATOR)
        .focalPoint(KHM)
        .grace(Duration.ofSeconds(10))
        .log(log::add);
  }

  /** An H2 file URL in a folder. */
  public static String h2(Path dir) {
    return "jdbc:h2:file:" + dir.resolve("hub").toAbsolutePath();
  }

  /** A signed referral message from one organisation to another, with personal data. */
  public static byte[] message(
      OrganisationId from, OrganisationId to, long seq, String name, String phone) {
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.putObject("personalData").put("name", name).put("phone", phone);
    payload.putObject("note").put("lang", "en").put("text", "call " + name + " on " + phone);
    Envelope e =
        Envelope.builder()
            .messageId(UUID.randomUUID().toString())
            .transmissionId(UUID.randomUUID().toString())
            .type(MessageType.REFERRAL_REQUEST)
            .correlationId(ReferralId.parse(from.value().substring(0, 3) + "-HUB-R" + seq))
            .attemptId(AttemptId.parse(from.value().substring(0, 3) + "-HUB-A" + seq))
            .sender(party(from))
            .receiver(party(to))
            .createdAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
            .senderSeq(seq)
            .baseVersion(0)
            .build();
    return MessageCodec.toBytes(Message.of(e, payload).signedWith(keyOf(from)));
  }

  static Party party(OrganisationId o) {
    return new Party(o, "hub-test", CountryCode.parse(o.value().substring(0, 3)));
  }

  /** A client of a started hub. */
  public static final class Client {
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    public Client(URI base) {
      this.base = base;
    }

    /** An unsigned request. */
    public HttpResponse<byte[]> send(String method, String path, String contentType, byte[] body) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(base.resolve(path))
              .method(
                  method,
                  body.length == 0
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body));
      if (!contentType.isEmpty()) {
        b.header("Content-Type", contentType);
      }
      return send(b.build());
    }

    /** A request signed with a key. */
    public HttpResponse<byte[]> signed(
        SigningKey key, String method, String path, String contentType, byte[] body) {
      return send(
          HttpSigner.of(key, Clock.systemUTC(), new SecureRandom())
              .request(method, base.resolve(path), contentType, body));
    }

    /** A request signed by an organisation of the fixtures. */
    public HttpResponse<byte[]> as(
        OrganisationId who, String method, String path, String contentType, byte[] body) {
      return signed(keyOf(who), method, path, contentType, body);
    }

    public HttpResponse<byte[]> send(HttpRequest request) {
      try {
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** The body as text. */
  public static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }
}
