package org.vansdk.transport.trust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vansdk.transport.trust.TrustFixtures.KHM;
import static org.vansdk.transport.trust.TrustFixtures.KHM_1;
import static org.vansdk.transport.trust.TrustFixtures.OPERATOR;
import static org.vansdk.transport.trust.TrustFixtures.OTHER_OPERATOR;
import static org.vansdk.transport.trust.TrustFixtures.T0;
import static org.vansdk.transport.trust.TrustFixtures.draft;
import static org.vansdk.transport.trust.TrustFixtures.pinned;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vansdk.core.ErrorCode;
import org.vansdk.referral.signature.KeyId;
import tools.jackson.databind.node.ObjectNode;

class TrustListTest {

  private static TrustListException refused(ErrorCode code, Runnable r) {
    TrustListException e = assertThrows(TrustListException.class, r::run);
    assertEquals(code, e.code(), e.getMessage());
    return e;
  }

  private static byte[] edited(TrustList list, java.util.function.Consumer<ObjectNode> edit) {
    ObjectNode json = TrustListJson.toJson(list);
    edit.accept(json);
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void writeThenRead_sameList() {
    TrustList signed = draft().signedBy(OPERATOR);
    TrustList read = TrustListJson.read(TrustListJson.write(signed));
    assertEquals(signed, read);
    assertArrayEquals(signed.signedContent(), read.signedContent());
    pinned().verify(read);
  }

  @Test
  void read_unknownMember_refusedWithItsPointer() {
    byte[] doc =
        edited(
            draft().signedBy(OPERATOR),
            j -> ((ObjectNode) j.get("organisations").get(0).get("keys").get(0)).put("colour", 1));
    TrustListException e = refused(TrustErrors.INVALID, () -> TrustListJson.read(doc));
    assertTrue(e.getMessage().contains("/organisations/0/keys/0/"), e.getMessage());
    assertTrue(e.getMessage().contains("line 1"), e.getMessage());
  }

  @Test
  void read_countryNotTheIdPrefix_refusedWithPointer() {
    byte[] doc =
        edited(draft(), j -> ((ObjectNode) j.get("organisations").get(1)).put("country", "THA"));
    TrustListException e = refused(TrustErrors.INVALID, () -> TrustListJson.read(doc));
    assertTrue(e.getMessage().contains("/organisations/1: "), e.getMessage());
  }

  @Test
  void read_keyIdTwice_refusedWithPointer() {
    byte[] doc =
        edited(
            draft(),
            j ->
                ((ObjectNode) j.get("organisations").get(1).get("keys").get(0))
                    .put("kid", KHM_1.keyId().value()));
    TrustListException e = refused(TrustErrors.INVALID, () -> TrustListJson.read(doc));
    assertTrue(e.getMessage().contains("/organisations/1/keys/0/kid"), e.getMessage());
  }

  @Test
  void read_instantNotInNormalForm_refused() {
    byte[] doc = edited(draft(), j -> j.put("issuedAt", "2026-12-06T15:00:00+07:00"));
    TrustListException e = refused(TrustErrors.INVALID, () -> TrustListJson.read(doc));
    assertTrue(e.getMessage().contains("/issuedAt"), e.getMessage());
  }

  @Test
  void read_notJson_refused() {
    refused(
        TrustErrors.INVALID,
        () -> TrustListJson.read("{\"network\":".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void verify_unsignedOrSignedByAnotherKey_refused() {
    refused(TrustErrors.NOT_SIGNED_BY_OPERATOR, () -> pinned().verify(draft()));
    refused(
        TrustErrors.NOT_SIGNED_BY_OPERATOR,
        () -> pinned().verify(draft().signedBy(OTHER_OPERATOR)));
  }

  @Test
  void verify_changedAfterSigning_refused() {
    byte[] doc =
        edited(
            draft().signedBy(OPERATOR),
            j ->
                ((ObjectNode) j.get("organisations").get(0))
                    .put("endpoint", "https://evil.example/"));
    TrustList tampered = TrustListJson.read(doc);
    refused(TrustErrors.BAD_OPERATOR_SIGNATURE, () -> pinned().verify(tampered));
  }

  @Test
  void verify_twoOperatorKeys_eitherSuffices() {
    OperatorKeys both =
        OperatorKeys.of(
            Map.of(
                OPERATOR.keyId(), OPERATOR.rawPublicKey(),
                OTHER_OPERATOR.keyId(), OTHER_OPERATOR.rawPublicKey()));
    both.verify(draft().signedBy(OTHER_OPERATOR));
    TrustList twice = draft().signedBy(OPERATOR).signedBy(OTHER_OPERATOR);
    assertEquals(2, twice.signatures().size());
    both.verify(twice);
    pinned().verify(twice);
  }

  @Test
  void edits_ofSignedList_startTheNextVersion_ofDraft_keepIt() {
    TrustList signed = draft().signedBy(OPERATOR);
    assertEquals(1, signed.version());
    TrustList next =
        signed.withRevocation(KHM_1.keyId(), T0.plus(Duration.ofHours(1)), T0.plusSeconds(60));
    assertEquals(2, next.version());
    assertTrue(next.signatures().isEmpty());
    TrustList more =
        next.withKey(
            KHM,
            TrustFixtures.listed(TrustFixtures.key("KHM-CMAA-2026-02", 9)),
            T0.plusSeconds(90));
    assertEquals(2, more.version());
  }

  @Test
  void edits_refused_withClearReasons() {
    TrustList d = draft();
    refused(TrustErrors.EDIT_REFUSED, () -> d.withOrganisation(d.organisations().get(0), T0));
    refused(TrustErrors.EDIT_REFUSED, () -> d.withKey(KHM, TrustFixtures.listed(KHM_1), T0));
    refused(TrustErrors.EDIT_REFUSED, () -> d.withRevocation(KeyId.of("nobody"), T0, T0));
    TrustList revoked = d.withRevocation(KHM_1.keyId(), T0, T0);
    refused(TrustErrors.EDIT_REFUSED, () -> revoked.withRevocation(KHM_1.keyId(), T0, T0));
  }
}
