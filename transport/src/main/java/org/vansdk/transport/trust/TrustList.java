package org.vansdk.transport.trust;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.referral.signature.SigningKey;

/**
 * The network trust list (schema {@code trust-list.schema.json}): the network's id, the list's
 * version and issue time, the organisations with their endpoints and keys, and the operator
 * signatures. Immutable; edits return a new list.
 *
 * <p>Editing a signed list starts the next version: the version goes up by one, the issue time is
 * the edit's, and the signatures are dropped (they covered the old content). Editing an unsigned
 * draft keeps its version. Signing never changes the content, so several operator keys can sign the
 * same version.
 *
 * @param network the network's id, e.g. {@code ASEAN-VAN}
 * @param version the list's version, 1 or more
 * @param issuedAt when the operator issued this version
 * @param organisations the organisations, each id once, key ids unique across the list
 * @param signatures the operator signatures; empty in a draft
 */
public record TrustList(
    String network,
    long version,
    Instant issuedAt,
    List<TrustedOrganisation> organisations,
    List<OperatorSignature> signatures) {

  private static final Pattern NETWORK = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** The largest version JSON carries exactly in every language (2^53 - 1). */
  public static final long MAX_VERSION = 9_007_199_254_740_991L;

  /**
   * Checks the rules across members.
   *
   * @throws TrustListException with {@link TrustErrors#INVALID} and the JSON Pointer of the
   *     offending member, if the network id or version is out of form, an organisation is listed
   *     twice or a key id is used twice
   */
  public TrustList {
    Objects.requireNonNull(issuedAt, "issuedAt");
    if (network == null || !NETWORK.matcher(network).matches()) {
      throw invalid("/network", "network must be 1 to 64 characters from [A-Za-z0-9._-]");
    }
    if (version < 1 || version > MAX_VERSION) {
      throw invalid("/version", "version must be between 1 and " + MAX_VERSION);
    }
    organisations = List.copyOf(organisations);
    signatures = List.copyOf(signatures);
    Map<OrganisationId, Integer> orgs = new HashMap<>();
    Map<KeyId, String> kids = new HashMap<>();
    for (int i = 0; i < organisations.size(); i++) {
      TrustedOrganisation o = organisations.get(i);
      Integer before = orgs.putIfAbsent(o.id(), i);
      if (before != null) {
        throw invalid(
            "/organisations/" + i + "/id",
            "organisation " + o.id() + " is already listed at /organisations/" + before);
      }
      for (int k = 0; k < o.keys().size(); k++) {
        String here = "/organisations/" + i + "/keys/" + k;
        String first = kids.putIfAbsent(o.keys().get(k).kid(), here);
        if (first != null) {
          throw invalid(
              here + "/kid",
              "key id "
                  + o.keys().get(k).kid()
                  + " is already listed at "
                  + first
                  + "; key ids are never reused");
        }
      }
    }
  }

  /** An empty unsigned draft, version 1. */
  public static TrustList draft(String network, Instant issuedAt) {
    return new TrustList(network, 1, issuedAt, List.of(), List.of());
  }

  /** The organisation with the given id, if listed. */
  public Optional<TrustedOrganisation> organisation(OrganisationId id) {
    return organisations.stream().filter(o -> o.id().equals(id)).findFirst();
  }

  /**
   * This list with one more organisation.
   *
   * @throws TrustListException with {@link TrustErrors#EDIT_REFUSED} if it is already listed or one
   *     of its key ids is
   */
  public TrustList withOrganisation(TrustedOrganisation organisation, Instant now) {
    if (organisation(organisation.id()).isPresent()) {
      throw refused("organisation " + organisation.id() + " is already listed");
    }
    List<TrustedOrganisation> more = new ArrayList<>(organisations);
    more.add(organisation);
    return edited(more, now);
  }

  /**
   * This list with one more key for a listed organisation (a rotation: the old key stays valid
   * until its own {@code notAfter}, so both are valid during the overlap).
   *
   * @throws TrustListException with {@link TrustErrors#EDIT_REFUSED} if the organisation is not
   *     listed or the key id is already used
   */
  public TrustList withKey(OrganisationId owner, TrustedKey key, Instant now) {
    TrustedOrganisation o =
        organisation(owner).orElseThrow(() -> refused("organisation " + owner + " is not listed"));
    if (key(key.kid()).isPresent()) {
      throw refused("key id " + key.kid() + " is already listed; key ids are never reused");
    }
    return replaced(o, o.withKey(key), now);
  }

  /**
   * This list with a key revoked from an effective time: content it signed before then still
   * verifies.
   *
   * @throws TrustListException with {@link TrustErrors#EDIT_REFUSED} if no key has the id or it is
   *     already revoked
   */
  public TrustList withRevocation(KeyId kid, Instant effective, Instant now) {
    for (TrustedOrganisation o : organisations) {
      for (TrustedKey k : o.keys()) {
        if (k.kid().equals(kid)) {
          if (k.revoked()) {
            throw refused("key " + kid + " is already revoked from " + k.revokedAt().get());
          }
          List<TrustedKey> keys = new ArrayList<>(o.keys());
          keys.set(keys.indexOf(k), k.withRevocation(effective));
          return replaced(
              o, new TrustedOrganisation(o.id(), o.country(), o.name(), o.endpoint(), keys), now);
        }
      }
    }
    throw refused("no key " + kid + " is listed");
  }

  /** The listed key with the given id and its owner, if any. */
  public Optional<Map.Entry<TrustedOrganisation, TrustedKey>> key(KeyId kid) {
    for (TrustedOrganisation o : organisations) {
      for (TrustedKey k : o.keys()) {
        if (k.kid().equals(kid)) {
          return Optional.of(Map.entry(o, k));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * This list signed by an operator key (a signature by the same key id is replaced). The content
   * is unchanged, so other operator signatures stay valid.
   */
  public TrustList signedBy(SigningKey operatorKey) {
    String value =
        Base64.getUrlEncoder().withoutPadding().encodeToString(operatorKey.sign(signedContent()));
    List<OperatorSignature> sigs = new ArrayList<>();
    for (OperatorSignature s : signatures) {
      if (!s.kid().equals(operatorKey.keyId())) {
        sigs.add(s);
      }
    }
    sigs.add(new OperatorSignature(operatorKey.keyId(), value));
    return new TrustList(network, version, issuedAt, organisations, sigs);
  }

  /**
   * The bytes the operator signatures cover: the RFC 8785 canonical JSON of the list without its
   * {@code signatures} member.
   */
  public byte[] signedContent() {
    return TrustListJson.signedContent(this);
  }

  /** Whether this list and another have the same signed content (signatures aside). */
  public boolean sameContentAs(TrustList other) {
    return java.util.Arrays.equals(signedContent(), other.signedContent());
  }

  private TrustList replaced(TrustedOrganisation old, TrustedOrganisation now, Instant at) {
    List<TrustedOrganisation> list = new ArrayList<>(organisations);
    list.set(list.indexOf(old), now);
    return edited(list, at);
  }

  private TrustList edited(List<TrustedOrganisation> list, Instant now) {
    long next = signatures.isEmpty() ? version : version + 1;
    return new TrustList(network, next, now, list, List.of());
  }

  private static TrustListException invalid(String pointer, String message) {
    return new TrustListException(TrustErrors.INVALID, pointer + ": " + message);
  }

  private static TrustListException refused(String message) {
    return new TrustListException(TrustErrors.EDIT_REFUSED, message);
  }
}
