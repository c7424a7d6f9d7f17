package org.vansdk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.referral.signature.SigningKey;
import org.vansdk.transport.trust.KeyUse;
import org.vansdk.transport.trust.TrustList;
import org.vansdk.transport.trust.TrustListJson;
import org.vansdk.transport.trust.TrustedKey;
import org.vansdk.transport.trust.TrustedOrganisation;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo network of {@code van hub}, made once in the hub's folder exactly as an operator would
 * make a real one with {@code van trust-list}: the operator's list-signing key, one signing key per
 * demo organisation (the ASEAN secretariat as operator, five national focal points, two
 * organisations reached by mailbox only), the signed trust list, and the hub's configuration file
 * naming them. Later starts reuse the files.
 */
final class HubDemo {

  /** An organisation of the demo and its name as the trust list gives it. */
  record Member(String id, String name) {}

  static final Member OPERATOR = new Member("IDN-ASEC-HQ", "ASEAN Secretariat (network operator)");

  static final List<Member> FOCAL_POINTS =
      List.of(
          new Member("KHM-CMAA-HQ", "Cambodian Mine Action and Victim Assistance Authority"),
          new Member("LAO-NRA-HQ", "National Regulatory Authority for UXO/Mine Action"),
          new Member("MMR-DSW-HQ", "Department of Social Welfare"),
          new Member("THA-TMAC-HQ", "Thailand Mine Action Centre"),
          new Member("VNM-VNMAC-HQ", "Viet Nam National Mine Action Centre"));

  static final List<Member> ORGANISATIONS =
      List.of(
          new Member("KHM-PRC-BTB", "Physical Rehabilitation Centre Battambang"),
          new Member("LAO-COPE-VTE", "COPE Visitor Centre Vientiane"));

  static final String NETWORK = "ASEAN-VAN-DEMO";
  static final String CONFIGURATION = "hub.json";

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private HubDemo() {}

  /**
   * The demo's configuration file in {@code dir}, made with its keys and trust list on first use.
   *
   * @return the configuration file
   */
  static Path ensure(Path dir, Clock clock) throws IOException {
    Path config = dir.resolve(CONFIGURATION);
    if (Files.exists(config)) {
      return config;
    }
    Files.createDirectories(dir.resolve("keys"));
    SecureRandom random = new SecureRandom();
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    SigningKey operatorListKey = write(dir, "operator-list", random);
    TrustList list = TrustList.draft(NETWORK, now);
    for (Member m : concat(List.of(OPERATOR), FOCAL_POINTS, ORGANISATIONS)) {
      SigningKey key = write(dir, m.id(), random);
      OrganisationId id = OrganisationId.parse(m.id());
      list =
          list.withOrganisation(
              new TrustedOrganisation(
                  id,
                  m.id().substring(0, 3),
                  m.name(),
                  Optional.empty(),
                  List.of(
                      TrustedKey.of(
                          key.keyId(),
                          key.rawPublicKey(),
                          now.minus(Duration.ofDays(1)),
                          now.plus(Duration.ofDays(730)),
                          EnumSet.allOf(KeyUse.class)))),
              now);
    }
    Files.write(
        dir.resolve("trust-list.json"), TrustListJson.write(list.signedBy(operatorListKey)));
    ObjectNode c = JsonNodeFactory.instance.objectNode();
    ObjectNode tl = c.putObject("trustList").put("file", "trust-list.json").put("network", NETWORK);
    tl.putArray("operatorKeys")
        .addObject()
        .put("keyId", operatorListKey.keyId().value())
        .put(
            "publicKey",
            Base64.getUrlEncoder().withoutPadding().encodeToString(operatorListKey.rawPublicKey()));
    c.putArray("operators").add(OPERATOR.id());
    ArrayNode fps = c.putArray("focalPoints");
    FOCAL_POINTS.forEach(m -> fps.add(m.id()));
    c.putObject("database").put("url", "jdbc:h2:file:" + dir.toAbsolutePath().resolve("hub"));
    Files.write(config, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(c));
    return config;
  }

  @SafeVarargs
  private static List<Member> concat(List<Member>... lists) {
    return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
  }

  /** A fresh key whose seed goes to {@code keys/<id>.key}, readable by its owner only. */
  private static SigningKey write(Path dir, String id, SecureRandom random) throws IOException {
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    Path file = dir.resolve("keys").resolve(id + ".key");
    Files.writeString(
        file, Base64.getEncoder().encodeToString(seed) + "\n", StandardCharsets.US_ASCII);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the folder's owner protects it by other means.
    }
    return SigningKey.fromRaw(KeyId.of(id + "-K1"), seed);
  }
}
