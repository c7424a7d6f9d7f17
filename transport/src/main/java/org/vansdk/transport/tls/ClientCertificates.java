package org.vansdk.transport.tls;

import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.vansdk.core.id.OrganisationId;

/**
 * How a node reads the organisation of a client certificate presented over mutual TLS: the
 * certificate's subject common name ({@code CN}) is the organisation id, e.g. {@code
 * CN=KHM-CMAA-HQ}, as the network's CA issues them (and as {@link EphemeralCertificates} makes
 * them). The TLS layer has already checked the chain against the node's trust store; this only
 * names whom it vouches for.
 *
 * @since 1.0
 */
public final class ClientCertificates {

  private ClientCertificates() {}

  /**
   * The organisation a certificate names.
   *
   * @return the organisation id of its only common name, or empty if it has no common name,
   *     several, or one that is not an organisation id
   */
  public static Optional<OrganisationId> organisation(X509Certificate certificate) {
    LdapName name;
    try {
      name = new LdapName(certificate.getSubjectX500Principal().getName());
    } catch (InvalidNameException e) {
      return Optional.empty();
    }
    String cn = null;
    for (Rdn rdn : name.getRdns()) {
      if (rdn.getType().equalsIgnoreCase("CN")) {
        if (cn != null || !(rdn.getValue() instanceof String value)) {
          return Optional.empty();
        }
        cn = value;
      }
    }
    if (cn == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OrganisationId.parse(cn));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
