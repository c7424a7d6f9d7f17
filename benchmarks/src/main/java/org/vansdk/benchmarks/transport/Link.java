package org.vansdk.benchmarks.transport;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.eclipse.jetty.server.Server;
import org.vansdk.core.consent.Consent;
import org.vansdk.core.consent.ConsentMethod;
import org.vansdk.core.consent.ConsentStatus;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.consent.Purpose;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.ConsentId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.id.ServiceId;
import org.vansdk.core.need.Priority;
import org.vansdk.core.need.ServiceType;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.referral.Referral;
import org.vansdk.core.referral.ReferralStatus;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.node.Decision;
import org.vansdk.referral.node.DirectoryEntry;
import org.vansdk.referral.node.InMemoryServiceDirectory;
import org.vansdk.referral.node.ReferralDraft;
import org.vansdk.referral.node.ReferralNode;
import org.vansdk.referral.signature.InMemoryOrganisationKeyRegistry;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.referral.signature.SigningKey;
import org.vansdk.transport.client.PeerEndpoints;
import org.vansdk.transport.http.MessageEndpoint;
import org.vansdk.transport.jetty.JettyBinding;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Cambodian referrer and a Thai rehabilitation centre, each a {@link ReferralNode} on a durable
 * store served by {@link JettyBinding} over HTTPS on 127.0.0.1 (a throw-away CA), and the HTTP
 * client the referrer sends with. Messages only flow KHM → THA here; THA's acks come back in the
 * HTTP responses.
 */
final class Link implements AutoCloseable {

  static final Party KHM = new Party(OrganisationId.parse("KHM-CMAA-HQ"), "hq", CountryCode.KHM);
  static final Party THA =
      new Party(OrganisationId.parse("THA-SIRINDHORN-REHAB"), "main", CountryCode.THA);
  static final ServiceId SERVICE = ServiceId.parse("THA-SIRINDHORN-PROSTHESIS");

  final ReferralNode sender;
  final ReferralNode receiver;
  final Server senderServer;
  final Server receiverServer;
  final HttpClient http;
  final URI receiverBase;
  final PeerEndpoints peers;
  private int next;

  Link(Durable stores, HttpClient.Version version) {
    InMemoryOrganisationKeyRegistry registry = new InMemoryOrganisationKeyRegistry();
    SigningKey khmKey =
        SigningKey.generate(KeyId.of("KHM-CMAA-HQ-K1"), new java.security.SecureRandom());
    SigningKey thaKey =
        SigningKey.generate(KeyId.of("THA-SIRINDHORN-REHAB-K1"), new java.security.SecureRandom());
    registry.register(KHM.organisation(), khmKey).register(THA.organisation(), thaKey);
    InMemoryServiceDirectory directory =
        new InMemoryServiceDirectory().add(new DirectoryEntry(SERVICE, THA, Duration.ofDays(14)));
    sender = node(KHM, khmKey, registry, directory, stores);
    receiver = node(THA, thaKey, registry, directory, stores);
    Certificates certs = new Certificates();
    senderServer = serve(sender, khmKey, certs.context("KHM-CMAA-HQ"));
    receiverServer = serve(receiver, thaKey, certs.context("THA-SIRINDHORN-REHAB"));
    receiverBase = URI.create("https://127.0.0.1:" + JettyBinding.port(receiverServer));
    peers = PeerEndpoints.of(Map.of(THA.organisation(), receiverBase));
    http =
        HttpClient.newBuilder()
            .version(version)
            .sslContext(certs.context("KHM-CMAA-HQ"))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  private static ReferralNode node(
      Party party,
      SigningKey key,
      InMemoryOrganisationKeyRegistry registry,
      InMemoryServiceDirectory directory,
      Durable stores) {
    return ReferralNode.builder()
        .party(party)
        .signingKey(key)
        .keyRegistry(registry)
        .store(stores.open(party.organisation().value()))
        .clock(Clock.systemUTC())
        .directory(directory)
        .random(new Random())
        .build();
  }

  private static Server serve(ReferralNode node, SigningKey key, javax.net.ssl.SSLContext tls) {
    return JettyBinding.start(
        MessageEndpoint.builder(node).keyId(key.keyId()).build(),
        "127.0.0.1",
        0,
        Optional.of(tls),
        false,
        Duration.ofSeconds(30));
  }

  /**
   * The referrer refers one more survivor (identity and medical data, a Khmer consent): a durable
   * commit on its store; the request waits in its outbox.
   *
   * @return the new attempt
   */
  AttemptId refer() {
    int i = next++;
    Instant now = Instant.now();
    Consent consent =
        Consent.builder()
            .id(ConsentId.parse("KHM-CMAA-C" + i))
            .personId(PersonId.parse("KHM-CMAA-P" + i))
            .addGrantees(THA.organisation())
            .addPurposes(Purpose.REFERRAL)
            .addDataCategories(DataCategory.IDENTITY, DataCategory.MEDICAL)
            .addCountries(CountryCode.THA)
            .givenAt(now.minusSeconds(3600))
            .method(ConsentMethod.THUMBPRINT)
            .language("km")
            .status(ConsentStatus.ACTIVE)
            .build();
    Referral referral =
        Referral.builder()
            .id(ReferralId.parse("KHM-CMAA-R" + i))
            .personId(PersonId.parse("KHM-CMAA-P" + i))
            .addServiceTypes(ServiceType.PROSTHESIS)
            .priority(Priority.HIGH)
            .referringOrganisation(KHM.organisation())
            .createdAt(now)
            .consentId(consent.id())
            .status(ReferralStatus.ACTIVE)
            .build();
    ObjectNode identity = JsonNodeFactory.instance.objectNode().put("name", "Survivor " + i);
    ObjectNode medical = JsonNodeFactory.instance.objectNode().put("amputation", "below_knee_left");
    AttemptId attempt = AttemptId.parse("KHM-CMAA-A" + i);
    Decision d =
        sender.refer(
            ReferralDraft.builder()
                .referral(referral)
                .attemptId(attempt)
                .targetService(SERVICE)
                .requestedCategories(EnumSet.of(DataCategory.IDENTITY, DataCategory.MEDICAL))
                .personalData(
                    Map.of(DataCategory.IDENTITY, identity, DataCategory.MEDICAL, medical))
                .build(),
            consent);
    if (!d.done()) {
      throw new IllegalStateException("the referrer refused: " + d.code());
    }
    return attempt;
  }

  @Override
  public void close() throws Exception {
    senderServer.stop();
    receiverServer.stop();
    sender.store().close();
    receiver.store().close();
  }
}
