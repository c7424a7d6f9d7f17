package org.vansdk.transport.node;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.referral.node.ReferralNode;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.referral.signature.SignatureCheck;
import org.vansdk.referral.signature.SigningKey;
import org.vansdk.transport.observe.TransportObserver;
import org.vansdk.transport.tls.ClientCertificates;
import org.vansdk.transport.trust.KeyUse;
import org.vansdk.transport.trust.OperatorKeys;
import org.vansdk.transport.trust.TrustListRefresh;
import org.vansdk.transport.trust.TrustListRegistry;
import org.vansdk.transport.trust.TrustListSource;
import org.vansdk.transport.trust.TrustedKey;
import org.vansdk.transport.trust.TrustedOrganisation;

/**
 * A running node's hold on the network's trust list: the registry its node verifies peers' keys
 * with, where peers' endpoints and client certificates' organisations are looked up, its periodic
 * refresh and, after each, the reload of the node's own signing key from its configuration file
 * (key rotation: the node switches once the held list lists the new key as valid now).
 */
final class NodeTrust {

  private final NodeConfiguration configuration;
  private final @Nullable Path configurationFile;
  private final TrustListRegistry registry;
  private final TrustListRefresh refresh;
  private final Clock clock;
  private final TransportObserver observer;
  private volatile @Nullable ReferralNode node;

  NodeTrust(
      NodeConfiguration configuration,
      @Nullable Path configurationFile,
      HttpClient http,
      Clock clock,
      TransportObserver observer) {
    this.configuration = configuration;
    this.configurationFile = configurationFile;
    this.clock = clock;
    this.observer = observer;
    NodeConfiguration.TrustListSettings t = configuration.trustList();
    this.registry = TrustListRegistry.of(OperatorKeys.of(t.operatorKeys()), t.network());
    URI source = t.source();
    TrustListSource from =
        "file".equals(source.getScheme())
            ? TrustListSource.file(Path.of(source))
            : TrustListSource.url(source, http, Duration.ofSeconds(30));
    this.refresh = new TrustListRefresh(from, registry, clock);
  }

  /**
   * Fetches the list for the first time.
   *
   * @throws NodeConfigurationException if no acceptable list could be had: the node could verify no
   *     one
   */
  void load() {
    TrustListRefresh.Outcome first = refresh.refresh();
    tell(first);
    if (first.status() == TrustListRefresh.Status.FAILED) {
      throw new NodeConfigurationException(
          NodeConfigurationException.FILE, "/trustList/source: " + first.detail());
    }
  }

  /** The node whose key is reloaded after each refresh. */
  void attach(ReferralNode node) {
    this.node = node;
  }

  TrustListRegistry registry() {
    return registry;
  }

  /** A peer's endpoint, as the held list names it. */
  Optional<URI> endpoint(OrganisationId organisation) {
    return registry.organisation(organisation).flatMap(TrustedOrganisation::endpoint);
  }

  /** The listed organisation a verified client certificate names. */
  Optional<OrganisationId> clientOrganisation(X509Certificate certificate) {
    return ClientCertificates.organisation(certificate)
        .filter(o -> registry.organisation(o).isPresent());
  }

  /** One refresh, then a reload of the signing key; never throws (the next run tries again). */
  void refreshAndReload() {
    tell(refresh.refresh());
    if (configurationFile != null && node != null) {
      try {
        reloadSigningKey();
      } catch (RuntimeException e) {
        // Reported to the observer by reloadSigningKey where it has a code; the next run retries.
      }
    }
  }

  private void tell(TrustListRefresh.Outcome o) {
    try {
      observer.trustListRefreshed(o.status(), o.heldVersion(), o.code().orElse(null));
    } catch (RuntimeException ignored) {
      // Observers must not throw; what one throws is dropped.
    }
  }

  /**
   * Re-reads the configuration file and, if it names another signing key, switches the node to it
   * once the held trust list lists it for this organisation as valid now.
   *
   * @return true if the node now signs with another key
   * @throws NodeConfigurationException if the file no longer reads, names another organisation, or
   *     its key is not (yet) listed as valid for this organisation ({@link
   *     NodeConfigurationException#KEY_NOT_LISTED}; the current key is kept)
   */
  boolean reloadSigningKey() {
    ReferralNode n = node;
    if (configurationFile == null || n == null) {
      throw new IllegalStateException("the node was not started from a configuration file");
    }
    NodeConfiguration now = NodeConfiguration.read(configurationFile);
    if (!now.party().equals(configuration.party())) {
      throw new NodeConfigurationException(
          NodeConfigurationException.INVALID,
          "/organisation: the configuration now names another party; restart the node to change"
              + " it");
    }
    if (now.signingKeyId().equals(n.signingKeyId())) {
      return false;
    }
    SigningKey next = KeyFiles.signingKey(now);
    Optional<TrustedKey> listed =
        registry
            .organisation(configuration.party().organisation())
            .flatMap(o -> o.keys().stream().filter(k -> k.kid().equals(next.keyId())).findFirst());
    boolean valid =
        listed.isPresent()
            && listed.get().uses().contains(KeyUse.SIGN_MESSAGES)
            && Arrays.equals(listed.get().rawPublicKey(), next.rawPublicKey())
            && listed.get().validity().checkAt(clock.instant(), Duration.ZERO)
                == SignatureCheck.VALID;
    if (!valid) {
      try {
        observer.signingKeyRefused(next.keyId(), NodeConfigurationException.KEY_NOT_LISTED);
      } catch (RuntimeException ignored) {
        // Observers must not throw.
      }
      throw new NodeConfigurationException(
          NodeConfigurationException.KEY_NOT_LISTED,
          "/signingKey/keyId: key "
              + next.keyId()
              + " is not listed with this public key and valid now for "
              + configuration.party().organisation()
              + " in the held trust list (version "
              + registry.version()
              + "); still signing with "
              + n.signingKeyId());
    }
    KeyId previous = n.signingKeyId();
    boolean rotated = n.rotateSigningKey(next);
    if (rotated) {
      try {
        observer.signingKeyChanged(previous, next.keyId());
      } catch (RuntimeException ignored) {
        // Observers must not throw.
      }
    }
    return rotated;
  }
}
