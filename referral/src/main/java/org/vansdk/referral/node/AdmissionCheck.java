package org.vansdk.referral.node;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vansdk.core.VanException;
import org.vansdk.referral.message.AckStatus;
import org.vansdk.referral.message.Message;
import org.vansdk.referral.message.MessageCodec;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.signature.SignatureCheck;
import tools.jackson.databind.JsonNode;

/**
 * The stateless checks a received message passes before the node's lock is taken: syntax, schema
 * version, JSON Schema, form, addressee, signature and payload hash. Thread-safe: it holds no
 * mutable state, so several threads admit messages in parallel.
 */
final class AdmissionCheck {

  private static final Pattern VERSION = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})$");
  private static final int SUPPORTED_MAJOR = 1;

  private final Party self;
  private final MessageValidation validation;
  private final SignatureSuite signatures;

  AdmissionCheck(Party self, MessageValidation validation, SignatureSuite signatures) {
    this.self = self;
    this.validation = validation;
    this.signatures = signatures;
  }

  /**
   * The stateless checks: syntax, version, schema, form, addressee, signature, payload hash. Never
   * throws for bad input: a message that cannot even be canonicalised (a lone surrogate, a number
   * out of range) is refused like a malformed one, so one such message cannot fail a batch.
   */
  Admission admit(byte[] wire) {
    try {
      return check(wire);
    } catch (RuntimeException e) {
      return Admission.refused(
          AckStatus.FATAL_ERROR,
          ReferralErrors.MALFORMED,
          "message cannot be processed (" + e.getClass().getSimpleName() + ")");
    }
  }

  private Admission check(byte[] wire) {
    JsonNode tree;
    try {
      tree = MessageCodec.parse(wire);
    } catch (IllegalArgumentException e) {
      return Admission.refused(AckStatus.FATAL_ERROR, ReferralErrors.MALFORMED, e.getMessage());
    }
    if (!tree.isObject()) {
      return Admission.refused(
          AckStatus.FATAL_ERROR, ReferralErrors.MALFORMED, "message is not an object");
    }
    Matcher version = VERSION.matcher(tree.path("schemaVersion").asString(""));
    if (!version.matches()) {
      return Admission.refused(
          AckStatus.FATAL_ERROR,
          ReferralErrors.SCHEMA_INVALID,
          "schemaVersion must be major.minor, e.g. 1.0");
    }
    if (Integer.parseInt(version.group(1)) != SUPPORTED_MAJOR) {
      return Admission.refused(
          AckStatus.FATAL_ERROR,
          ReferralErrors.UNSUPPORTED_MAJOR,
          "schema version "
              + version.group(0)
              + " is not supported; supported major versions: "
              + SUPPORTED_MAJOR);
    }
    List<String> problems = validation.validate(tree);
    if (!problems.isEmpty()) {
      return Admission.refused(
          AckStatus.FATAL_ERROR,
          ReferralErrors.SCHEMA_INVALID,
          "message does not match its schema: " + String.join("; ", problems));
    }
    Message m;
    try {
      m = Message.fromJson(tree);
    } catch (IllegalArgumentException | VanException e) {
      return Admission.refused(AckStatus.FATAL_ERROR, ReferralErrors.MALFORMED, e.getMessage());
    }
    if (!m.envelope().receiver().organisation().equals(self.organisation())) {
      return Admission.refused(
          AckStatus.FATAL_ERROR,
          ReferralErrors.NOT_A_PARTY,
          "message is addressed to " + m.envelope().receiver().organisation() + ", not this node");
    }
    SignatureCheck check =
        m.signature().isEmpty()
            ? SignatureCheck.MISSING
            : signatures.verify(
                m.envelope().sender().organisation(),
                m.signature().get().keyId(),
                Message.signedContent(tree),
                m.signature().get().value());
    if (!check.isValid()) {
      return new Admission(m, Result.fatal(ReferralErrors.BAD_SIGNATURE, check.description()));
    }
    if (!Message.payloadHash(tree.get("payload")).equals(m.payloadSha256())) {
      return new Admission(
          m,
          Result.fatal(
              ReferralErrors.PAYLOAD_HASH_MISMATCH, "payloadSha256 does not match the payload"));
    }
    return new Admission(m, null);
  }
}
