package org.vansdk.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vansdk.transport.TwoNodes.KHM;
import static org.vansdk.transport.TwoNodes.T0;
import static org.vansdk.transport.TwoNodes.THA;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.referral.node.ReferralNode;
import org.vansdk.referral.store.InMemoryReferralStore;
import org.vansdk.transport.client.DispatchReport;
import org.vansdk.transport.client.Dispatcher;
import org.vansdk.transport.client.PeerEndpoints;
import org.vansdk.transport.http.MessageEndpoint;
import org.vansdk.transport.jdk.JdkHttpServerBinding;
import org.vansdk.transport.jetty.JettyBinding;
import org.vansdk.transport.tls.ClientCertificates;

/**
 * Mutual TLS binds the channel to an organisation: a Thai centre's endpoint (on Jetty and on the
 * JDK's server, client certificates asked for but optional) takes a Cambodian referral over a
 * channel whose certificate names the Cambodian authority or no one, and refuses it, applying
 * nothing, when the certificate names an organisation not in the network or another organisation
 * than the message's sender. Certificates are made at run time.
 */
class MutualTlsTest {

  private static final Set<OrganisationId> LISTED = Set.of(KHM.organisation(), THA.organisation());

  private static Optional<OrganisationId> listed(X509Certificate certificate) {
    return ClientCertificates.organisation(certificate).filter(LISTED::contains);
  }

  @ParameterizedTest(name = "{0} server, client certificate {1}")
  @CsvSource({
    "jetty, KHM-CMAA-HQ,",
    "jetty, (none),",
    "jetty, LAO-NRA-HQ, VAN-N-0401",
    "jetty, not an organisation, VAN-N-0401",
    "jetty, THA-SIRINDHORN-REHAB, VAN-N-0402",
    "jdk, KHM-CMAA-HQ,",
    "jdk, (none),",
    "jdk, LAO-NRA-HQ, VAN-N-0401",
    "jdk, THA-SIRINDHORN-REHAB, VAN-N-0402"
  })
  void clientCertificate_mustNameTheSender(String server, String cn, String refusal)
      throws Exception {
    TestCertificates certs = new TestCertificates();
    TwoNodes world = new TwoNodes(5);
    Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    ReferralNode khm = world.node(KHM, new InMemoryReferralStore(), clock, 0);
    ReferralNode tha = world.node(THA, new InMemoryReferralStore(), clock, 0);
    MessageEndpoint endpoint =
        MessageEndpoint.builder(tha).clientOrganisations(MutualTlsTest::listed).build();
    SSLContext serverTls = certs.context("THA-SIRINDHORN-REHAB");
    AutoCloseable stop;
    int port;
    if (server.equals("jetty")) {
      org.eclipse.jetty.server.Server jetty =
          JettyBinding.start(
              endpoint, "127.0.0.1", 0, Optional.of(serverTls), false, Duration.ofSeconds(10));
      port = JettyBinding.port(jetty);
      stop = () -> JettyBinding.stop(jetty, Duration.ofSeconds(5));
    } else {
      JdkHttpServerBinding jdk =
          JdkHttpServerBinding.start(
              endpoint, new InetSocketAddress("127.0.0.1", 0), Optional.of(serverTls), false, 2);
      port = jdk.port();
      stop = jdk;
    }
    SSLContext clientTls = cn.equals("(none)") ? certs.clientOnly() : certs.context(cn);
    HttpClient http =
        HttpClient.newBuilder().sslContext(clientTls).connectTimeout(Duration.ofSeconds(5)).build();
    try (stop;
        Dispatcher out =
            Dispatcher.builder(
                    khm,
                    PeerEndpoints.of(
                        Map.of(THA.organisation(), URI.create("https://127.0.0.1:" + port))),
                    http)
                .build()) {
      assertTrue(khm.refer(TwoNodes.draft(1, T0), TwoNodes.consent(1, T0)).done());
      DispatchReport report = out.dispatch();
      if (refusal == null) {
        assertEquals(1, report.delivered(), report.toString());
        assertEquals(AttemptStatus.SENT, tha.status(TwoNodes.attempt(1)).orElseThrow());
      } else {
        assertEquals(1, report.parked().size(), report.toString());
        assertEquals(403, report.parked().get(0).httpStatus());
        assertEquals(refusal, report.parked().get(0).code().value());
        assertTrue(tha.status(TwoNodes.attempt(1)).isEmpty(), "nothing applied");
        assertTrue(tha.store().referrals().isEmpty(), "nothing written");
      }
    }
  }
}
