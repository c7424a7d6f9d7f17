package org.vansdk.anonymisation.policy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.vansdk.anonymisation.risk.RiskReport;
import org.vansdk.anonymisation.risk.UtilityReport;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What was done to produce one anonymised output, written as JSON beside it. Holds no personal data
 * and no key material.
 *
 * @param policyName the policy's name
 * @param policySha256 the SHA-256 of the policy text
 * @param producedAt when the output was produced (from the injected clock)
 * @param inputRecords records read
 * @param outputRecords records written
 * @param levels the level chosen per quasi-identifier, in column order
 * @param suppressedRecords records whose quasi-identifiers were all withheld
 * @param privacyModels the privacy models, as text
 * @param maxSuppressed the suppression limit in records
 * @param lossModel the loss model's name
 * @param loss the aggregated loss
 * @param before the prosecutor risk of the input
 * @param after the prosecutor risk of the output
 * @param pseudonymPurpose the pseudonym purpose
 * @param pseudonymRecipient the pseudonym recipient
 * @param keyVersion the version of the pseudonym key used
 * @param recoding the recoding applied: {@code local} or {@code global}
 * @param globalLoss the loss of the global (full-domain) optimum, when one exists; equal to {@code
 *     loss} when global recoding was applied
 * @param utility what the release still lets analysts count
 * @param priorities the policy's priorities, each with the casualties released meeting it
 * @since 1.0
 */
public record AuditRecord(
    String policyName,
    String policySha256,
    Instant producedAt,
    long inputRecords,
    long outputRecords,
    Map<String, Integer> levels,
    long suppressedRecords,
    List<String> privacyModels,
    long maxSuppressed,
    String lossModel,
    double loss,
    RiskReport before,
    RiskReport after,
    String pseudonymPurpose,
    String pseudonymRecipient,
    int keyVersion,
    String recoding,
    OptionalDouble globalLoss,
    UtilityReport utility,
    List<AuditRecord.PriorityOutcome> priorities) {

  /** Copies the collections. */
  public AuditRecord {
    levels = Map.copyOf(levels);
    privacyModels = List.copyOf(privacyModels);
    priorities = List.copyOf(priorities);
  }

  /**
   * A priority of the policy and how far the release met it.
   *
   * @param priority the priority: levels and wanted share
   * @param meetingRecords released casualties with every named attribute at or below its level
   */
  public record PriorityOutcome(Priority priority, long meetingRecords) {}

  /**
   * Writes the audit as pretty JSON with a fixed property order.
   *
   * @param attributeOrder the quasi-identifiers in column order, for {@code levels}
   * @return the JSON text
   */
  public String toJson(List<String> attributeOrder) {
    JsonMapper mapper = JsonMapper.builder().build();
    ObjectNode root = mapper.createObjectNode();
    root.put("schemaVersion", "1.0");
    root.put("policyName", policyName);
    root.put("policySha256", policySha256);
    root.put("producedAt", producedAt.toString());
    root.put("inputRecords", inputRecords);
    root.put("outputRecords", outputRecords);
    ObjectNode levelNode = root.putObject("levels");
    for (String attribute : attributeOrder) {
      levelNode.put(attribute, levels.get(attribute));
    }
    root.put("suppressedRecords", suppressedRecords);
    ArrayNode models = root.putArray("privacyModels");
    privacyModels.forEach(models::add);
    root.put("maxSuppressed", maxSuppressed);
    root.put("recoding", recoding);
    root.put("lossModel", lossModel);
    root.put("loss", loss);
    globalLoss.ifPresent(g -> root.put("globalLoss", g));
    risk(root.putObject("riskBefore"), before);
    risk(root.putObject("riskAfter"), after);
    utility(root.putObject("utility"), utility);
    ArrayNode wanted = root.putArray("priorities");
    for (PriorityOutcome outcome : priorities) {
      ObjectNode p = wanted.addObject();
      ObjectNode levelsOf = p.putObject("levels");
      outcome.priority().levels().forEach(levelsOf::put);
      p.put("share", outcome.priority().share());
      p.put("meetingRecords", outcome.meetingRecords());
    }
    ObjectNode pseudonym = root.putObject("pseudonym");
    pseudonym.put("purpose", pseudonymPurpose);
    pseudonym.put("recipient", pseudonymRecipient);
    pseudonym.put("keyVersion", keyVersion);
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }

  private static void utility(ObjectNode node, UtilityReport u) {
    node.put("records", u.records());
    node.put("suppressedRecords", u.suppressedRecords());
    ObjectNode attributes = node.putObject("recordsAtLevel");
    for (UtilityReport.AttributeLevels a : u.attributes()) {
      ObjectNode levels = attributes.putObject(a.attribute());
      for (int level = 0; level < a.records().size(); level++) {
        levels.put(a.levelNames().get(level), a.records().get(level));
      }
    }
    ArrayNode questions = node.putArray("questions");
    for (UtilityReport.Answer answer : u.questions()) {
      ObjectNode q = questions.addObject();
      q.put("question", answer.question().text());
      q.put("usableRecords", answer.usableRecords());
    }
  }

  private static void risk(ObjectNode node, RiskReport r) {
    node.put("records", r.records());
    node.put("suppressedRecords", r.suppressedRecords());
    node.put("equivalenceClasses", r.equivalenceClasses());
    node.put("recordsBelowK", r.recordsBelowK());
    node.put("k", r.k());
    node.put("highestRisk", r.highestRisk());
    node.put("averageRisk", r.averageRisk());
    ArrayNode loss = node.putArray("attributeLoss");
    r.attributeLoss().forEach(loss::add);
  }
}
