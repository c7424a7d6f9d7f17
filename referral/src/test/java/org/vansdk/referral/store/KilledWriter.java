package org.vansdk.referral.store;

import java.nio.file.Path;
import java.time.Instant;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.place.CountryCode;
import org.vansdk.referral.message.Envelope;
import org.vansdk.referral.message.Message;
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.message.Party;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The process {@link StoreCrashTest} kills: commits changes to an H2 file store one after another
 * and prints the message id of each as soon as its commit returned, until it is killed.
 */
final class KilledWriter {
  private KilledWriter() {}

  static Message message(int i) {
    Party tha = new Party(OrganisationId.parse("THA-SIRINDHORN-REHAB"), "main", CountryCode.THA);
    Party khm = new Party(OrganisationId.parse("KHM-CMAA-HQ"), "hq", CountryCode.KHM);
    return Message.of(
        Envelope.builder()
            .messageId("m-" + i)
            .transmissionId("t-" + i)
            .type(MessageType.ACK)
            .correlationId(ReferralId.parse("KHM-CMAA-R-" + i))
            .attemptId(AttemptId.parse("KHM-CMAA-A-" + i))
            .sender(tha)
            .receiver(khm)
            .createdAt(Instant.parse("2026-11-29T10:00:00Z"))
            .senderSeq(0)
            .baseVersion(1)
            .build(),
        JsonNodeFactory.instance.objectNode().put("status", "ok").put("code", "VAN-R-0000"));
  }

  public static void main(String[] args) {
    try (JdbcReferralStore store = JdbcReferralStore.h2File(Path.of(args[0]))) {
      for (int i = 0; ; i++) {
        store.commit(
            Change.builder()
                .processed(new ProcessedMessage("in-" + i, "a".repeat(64), message(i)))
                .addOutboxAdd(new OutboxEntry(message(i), false))
                .build());
        System.out.println("committed m-" + i);
        System.out.flush();
      }
    }
  }
}
