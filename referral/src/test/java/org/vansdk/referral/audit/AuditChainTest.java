package org.vansdk.referral.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditChainTest {

  private static List<AuditEntry> chain(int n) {
    List<AuditEntry> entries = new ArrayList<>();
    Optional<AuditEntry> last = Optional.empty();
    for (int i = 0; i < n; i++) {
      AuditEntry e =
          AuditChain.append(
              last,
              AuditEvent.builder()
                  .referralId("KHM-CMAA-R-1")
                  .at(Instant.parse("2026-11-29T10:00:00Z").plusSeconds(i))
                  .actor("KHM-CMAA")
                  .action(AuditAction.TRANSITION)
                  .attemptId("KHM-CMAA-A-1")
                  .fromStatus("s" + i)
                  .toStatus("s" + (i + 1))
                  .messageId("m-" + i)
                  .addDataCategories("identity")
                  .build());
      entries.add(e);
      last = Optional.of(e);
    }
    return entries;
  }

  @Test
  void verify_untouchedChain_valid() {
    List<AuditEntry> c = chain(5);
    assertTrue(AuditChain.verify(c).valid());
    assertTrue(AuditChain.verify(c, c.get(4).hash()).valid());
    assertEquals(AuditChain.GENESIS, c.get(0).previousHash());
  }

  @Test
  void verify_alteredEntry_detectedAtItsPosition() {
    List<AuditEntry> c = chain(5);
    c.set(2, AuditEntry.builder().from(c.get(2)).toStatus("completed").build());
    AuditVerification v = AuditChain.verify(c);
    assertFalse(v.valid());
    assertEquals(2, v.firstBroken());
  }

  @Test
  void verify_alteredEntryWithRecomputedHash_breaksNextLink() {
    List<AuditEntry> c = chain(5);
    AuditEntry forged = AuditEntry.builder().from(c.get(2)).actor("THA-TMAC").build();
    c.set(2, AuditEntry.builder().from(forged).hash(forged.computeHash()).build());
    AuditVerification v = AuditChain.verify(c);
    assertFalse(v.valid());
    assertEquals(3, v.firstBroken());
  }

  @Test
  void verify_removedEntry_detected() {
    List<AuditEntry> c = chain(5);
    c.remove(1);
    assertEquals(1, AuditChain.verify(c).firstBroken());
  }

  @Test
  void verify_reorderedEntries_detected() {
    List<AuditEntry> c = chain(5);
    Collections.swap(c, 1, 3);
    assertFalse(AuditChain.verify(c).valid());
  }

  @Test
  void verify_truncatedTail_detectedAgainstHead() {
    List<AuditEntry> c = chain(5);
    String head = c.get(4).hash();
    List<AuditEntry> truncated = c.subList(0, 4);
    assertTrue(AuditChain.verify(truncated).valid());
    assertFalse(AuditChain.verify(truncated, head).valid());
  }

  @Test
  void fromJson_roundTrip_preservesHash() {
    for (AuditEntry e : chain(3)) {
      AuditEntry back = AuditEntry.fromJson(e.toJson());
      assertEquals(e, back);
      assertEquals(e.hash(), back.computeHash());
    }
  }
}
