package org.vansdk.anonymisation.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vansdk.anonymisation.AnonymisationException;
import org.vansdk.anonymisation.pseudonym.Purpose;
import org.vansdk.anonymisation.pseudonym.Recipient;
import org.vansdk.anonymisation.search.LossModel;
import org.vansdk.anonymisation.search.PrivacyModel;
import org.vansdk.anonymisation.table.SmallCellProtection;
import org.vansdk.anonymisation.table.ZeroCells;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An anonymisation policy: privacy models, suppression limit, loss model, allowed levels per
 * quasi-identifier, derived columns, pseudonym purpose and recipient, and table protection. Parsed
 * from JSON ({@link #parse(String)}); the format is documented in {@code POLICY.md} with {@code
 * policy-example.json} beside this class. Immutable and thread-safe.
 */
public final class AnonymisationPolicy {
  private final String name;
  private final String sha256;
  private final int k;
  private final double suppressionLimit;
  private final Optional<PrivacyModel> diversity;
  private final Optional<String> sensitiveAttribute;
  private final String lossModelName;
  private final Map<String, LevelRange> levels;
  private final List<LinkedAttribute> linked;
  private final Purpose purpose;
  private final Recipient recipient;
  private final int tableThreshold;
  private final ZeroCells zeroCells;
  private final Recoding recoding;

  private AnonymisationPolicy(JsonNode root, String sha256) {
    this.sha256 = sha256;
    String version = root.path("schemaVersion").asString("");
    if (!version.startsWith("1.")) {
      throw refused("schemaVersion '" + version + "' is not supported; supported majors: 1");
    }
    this.name = required(root, "name").asString();
    JsonNode privacy = required(root, "privacy");
    this.k = required(privacy, "k").asInt();
    this.suppressionLimit = privacy.path("suppressionLimit").asDouble(0d);
    if (k < 1 || suppressionLimit < 0 || suppressionLimit > 1) {
      throw refused("privacy.k must be >= 1 and privacy.suppressionLimit within [0, 1]");
    }
    JsonNode l = privacy.path("lDiversity");
    if (l.isMissingNode() || l.isNull()) {
      this.diversity = Optional.empty();
      this.sensitiveAttribute = Optional.empty();
    } else {
      String variant = required(l, "variant").asString();
      this.sensitiveAttribute = Optional.of(required(l, "attribute").asString());
      switch (variant) {
        case "distinct":
          diversity = Optional.of(PrivacyModel.distinctLDiversity(required(l, "l").asInt()));
          break;
        case "entropy":
          diversity = Optional.of(PrivacyModel.entropyLDiversity(required(l, "l").asDouble()));
          break;
        case "recursive":
          diversity =
              Optional.of(
                  PrivacyModel.recursiveCLDiversity(
                      required(l, "c").asDouble(), required(l, "l").asInt()));
          break;
        default:
          throw refused(
              "privacy.lDiversity.variant '"
                  + variant
                  + "' is unknown; allowed: distinct, entropy, recursive");
      }
    }
    String recodingCode = root.path("recoding").asString("local");
    switch (recodingCode) {
      case "local":
        this.recoding = Recoding.LOCAL;
        break;
      case "global":
        this.recoding = Recoding.GLOBAL;
        break;
      default:
        throw refused("recoding '" + recodingCode + "' is unknown; allowed: local, global");
    }
    this.lossModelName = root.path("lossModel").asString("loss");
    if (!lossModelName.equals("loss") && !lossModelName.equals("precision")) {
      throw refused("lossModel '" + lossModelName + "' is unknown; allowed: loss, precision");
    }
    Map<String, LevelRange> ranges = new LinkedHashMap<>();
    JsonNode qis = required(root, "quasiIdentifiers");
    for (String attribute : qis.propertyNames()) {
      JsonNode range = qis.path(attribute);
      int min = range.path("minLevel").asInt(0);
      int max = range.path("maxLevel").asInt(Integer.MAX_VALUE);
      if (min < 0 || max < min) {
        throw refused("quasiIdentifiers." + attribute + " has minLevel > maxLevel or below 0");
      }
      ranges.put(attribute, new LevelRange(min, max));
    }
    this.levels = Map.copyOf(ranges);
    List<LinkedAttribute> links = new ArrayList<>();
    for (JsonNode link : root.path("linkedAttributes")) {
      String release = link.path("release").asString("with_source");
      if (!release.equals("with_source") && !release.equals("verbatim")) {
        throw refused("linkedAttributes.release must be with_source or verbatim");
      }
      links.add(
          new LinkedAttribute(
              required(link, "attribute").asString(),
              required(link, "source").asString(),
              required(link, "sourceLevel").asInt(),
              release.equals("verbatim")));
    }
    this.linked = List.copyOf(links);
    JsonNode pseudonym = required(root, "pseudonym");
    this.purpose = Purpose.of(required(pseudonym, "purpose").asString());
    this.recipient = Recipient.of(required(pseudonym, "recipient").asString());
    JsonNode tables = root.path("tables");
    this.tableThreshold = tables.path("threshold").asInt(SmallCellProtection.DEFAULT_THRESHOLD);
    this.zeroCells =
        tables.path("zeroCells").asString("publish").equals("suppress")
            ? ZeroCells.SUPPRESS
            : ZeroCells.PUBLISH;
    checkLinks();
  }

  /** Refuses derived columns released verbatim while their source may be generalised further. */
  private void checkLinks() {
    for (LinkedAttribute link : linked) {
      LevelRange source = levels.get(link.source());
      if (source == null) {
        throw refused(
            "linked attribute "
                + link.attribute()
                + " names source "
                + link.source()
                + ", which is not a quasi-identifier of the policy");
      }
      if (link.verbatim() && source.max() > link.sourceLevel()) {
        throw refused(
            "column "
                + link.attribute()
                + " reveals "
                + link.source()
                + " at level "
                + link.sourceLevel()
                + " but "
                + link.source()
                + " may be generalised up to level "
                + source.max()
                + ", so the column would leak what "
                + link.source()
                + " hides; release it with_source (generalised together) or drop it");
      }
    }
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      throw refused("policy field '" + field + "' is required");
    }
    return value;
  }

  private static AnonymisationException refused(String what) {
    return new AnonymisationException(AnonymisationException.POLICY_REFUSED, what);
  }

  /**
   * Parses and checks a policy.
   *
   * @param json the policy JSON
   * @return the policy
   * @throws AnonymisationException {@code VAN-A-0005} if the JSON is malformed, a field is missing
   *     or out of range, or a derived column would leak
   */
  public static AnonymisationPolicy parse(String json) {
    JsonNode root;
    try {
      root = JsonMapper.builder().build().readTree(json);
    } catch (JacksonException e) {
      throw refused(
          "policy is not valid JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr());
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      String hash = HexFormat.of().formatHex(sha.digest(json.getBytes(StandardCharsets.UTF_8)));
      return new AnonymisationPolicy(root, hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  /**
   * Returns the default regional sharing policy ({@code policy-example.json}): k = 5, 5 %
   * suppression, ARX's Loss, province and month at most.
   *
   * @return the policy
   */
  public static AnonymisationPolicy regionalDefault() {
    try (java.io.InputStream in =
        AnonymisationPolicy.class.getResourceAsStream("policy-example.json")) {
      if (in == null) {
        throw new IllegalStateException("policy-example.json is missing from the module");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read the default policy", e);
    }
  }

  /**
   * Returns the policy name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the SHA-256 of the policy text, recorded in audits.
   *
   * @return lower-case hex
   */
  public String sha256() {
    return sha256;
  }

  /**
   * Returns k.
   *
   * @return at least 1
   */
  public int k() {
    return k;
  }

  /**
   * Returns the record suppression limit.
   *
   * @return a fraction in [0, 1]
   */
  public double suppressionLimit() {
    return suppressionLimit;
  }

  /**
   * Returns the privacy models to apply: k-anonymity, then l-diversity if configured.
   *
   * @return the models
   */
  public List<PrivacyModel> privacyModels() {
    List<PrivacyModel> models = new ArrayList<>();
    models.add(PrivacyModel.kAnonymity(k));
    diversity.ifPresent(models::add);
    return models;
  }

  /**
   * Returns the sensitive attribute of l-diversity, if configured.
   *
   * @return the attribute name, or empty
   */
  public Optional<String> sensitiveAttribute() {
    return sensitiveAttribute;
  }

  /**
   * Returns the loss model to minimise.
   *
   * @return the model
   */
  public LossModel lossModel() {
    return lossModelName.equals("precision") ? LossModel.precision() : LossModel.loss();
  }

  /**
   * Returns how the release generalises records: local (the default) or global recoding.
   *
   * @return the recoding
   */
  public Recoding recoding() {
    return recoding;
  }

  /**
   * Returns the loss model's name as written in the policy.
   *
   * @return {@code loss} or {@code precision}
   */
  public String lossModelName() {
    return lossModelName;
  }

  /**
   * Returns the allowed level range of a quasi-identifier.
   *
   * @param attribute the quasi-identifier
   * @return the range, or empty if the policy does not restrict it
   */
  public Optional<LevelRange> levels(String attribute) {
    return Optional.ofNullable(levels.get(attribute));
  }

  /**
   * Returns the derived columns.
   *
   * @return the linked attributes
   */
  public List<LinkedAttribute> linkedAttributes() {
    return linked;
  }

  /**
   * Returns the pseudonym purpose.
   *
   * @return the purpose
   */
  public Purpose purpose() {
    return purpose;
  }

  /**
   * Returns the pseudonym recipient.
   *
   * @return the recipient
   */
  public Recipient recipient() {
    return recipient;
  }

  /**
   * Returns the table protection the policy asks for.
   *
   * @return the protection
   */
  public SmallCellProtection tableProtection() {
    return SmallCellProtection.of(tableThreshold, zeroCells);
  }

  @Override
  public String toString() {
    return "AnonymisationPolicy[" + name + ", k=" + k + ", sha256=" + sha256.substring(0, 12) + "]";
  }
}
