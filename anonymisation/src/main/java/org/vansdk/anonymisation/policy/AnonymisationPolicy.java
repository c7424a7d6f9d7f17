package org.vansdk.anonymisation.policy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.vansdk.anonymisation.AnonymisationException;
import org.vansdk.anonymisation.profile.RegionalSharingProfile;
import org.vansdk.anonymisation.pseudonym.Purpose;
import org.vansdk.anonymisation.pseudonym.Recipient;
import org.vansdk.anonymisation.search.LossModel;
import org.vansdk.anonymisation.search.PrivacyModel;
import org.vansdk.anonymisation.table.SmallCellProtection;
import org.vansdk.anonymisation.table.ZeroCells;
import org.vansdk.core.internal.Sha256;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.json.VanJsonException;
import tools.jackson.databind.JsonNode;

/**
 * An anonymisation policy: privacy models, suppression limit, loss model, allowed levels per
 * quasi-identifier, derived columns, pseudonym purpose and recipient, and table protection. Parsed
 * strictly from JSON ({@link #parse(String)}: an unknown key or value is a {@link PolicyException}
 * with its JSON Pointer, never a default); the format is documented in {@code POLICY.md} with
 * {@code policy-example.json} beside this class. Immutable and thread-safe.
 *
 * @since 1.0
 */
public final class AnonymisationPolicy {
  private static final Pattern SUPPORTED_VERSION = Pattern.compile("1\\.(0|[1-9][0-9]{0,3})");
  private static final List<String> ROOT_KEYS =
      List.of(
          "schemaVersion",
          "name",
          "privacy",
          "recoding",
          "priorities",
          "lossModel",
          "quasiIdentifiers",
          "linkedAttributes",
          "pseudonym",
          "tables");
  private static final List<String> PRIVACY_KEYS = List.of("k", "suppressionLimit", "lDiversity");
  private static final List<String> DIVERSITY_KEYS = List.of("variant", "attribute", "l", "c");
  private static final List<String> VARIANTS = List.of("distinct", "entropy", "recursive");
  private static final List<String> LOSS_MODELS = List.of("loss", "precision");
  private static final List<String> LEVEL_KEYS = List.of("minLevel", "maxLevel");
  private static final List<String> LINK_KEYS =
      List.of("attribute", "source", "sourceLevel", "release");
  private static final List<String> RELEASES = List.of("with_source", "verbatim");
  private static final List<String> PSEUDONYM_KEYS = List.of("purpose", "recipient");
  private static final List<String> PRIORITY_KEYS = List.of("levels", "share");
  private static final List<String> TABLE_KEYS = List.of("threshold", "zeroCells");
  private static final List<String> ZERO_CELLS = List.of("publish", "suppress");

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
  private final List<Priority> priorities;

  private AnonymisationPolicy(JsonNode json, String sha256) {
    this.sha256 = sha256;
    PolicyObject root = new PolicyObject(json, "", ROOT_KEYS);
    String version = root.string("schemaVersion");
    if (!SUPPORTED_VERSION.matcher(version).matches()) {
      throw new PolicyException(
          root.pointer("schemaVersion"), "is not supported; supported: 1.x (e.g. \"1.0\")");
    }
    this.name = root.string("name");
    PolicyObject privacy = root.object("privacy", PRIVACY_KEYS);
    this.k = privacy.integer("k", 1, Integer.MAX_VALUE);
    this.suppressionLimit = privacy.number("suppressionLimit", 0, 1, 0d);
    Optional<PolicyObject> l = privacy.optionalObject("lDiversity", DIVERSITY_KEYS);
    this.sensitiveAttribute = l.map(o -> o.oneOf("attribute", RegionalSharingProfile.SENSITIVE));
    this.diversity = l.map(AnonymisationPolicy::diversity);
    this.recoding =
        root.oneOf("recoding", List.of("local", "global"), "local").equals("local")
            ? Recoding.LOCAL
            : Recoding.GLOBAL;
    this.lossModelName = root.oneOf("lossModel", LOSS_MODELS, "loss");
    Map<String, LevelRange> ranges = new LinkedHashMap<>();
    PolicyObject qis = root.object("quasiIdentifiers", RegionalSharingProfile.ATTRIBUTES);
    for (String attribute : qis.names()) {
      PolicyObject range = qis.object(attribute, LEVEL_KEYS);
      int min = range.integer("minLevel", 0, Integer.MAX_VALUE, 0);
      int max = range.integer("maxLevel", 0, Integer.MAX_VALUE, Integer.MAX_VALUE);
      if (max < min) {
        throw new PolicyException(range.pointer("maxLevel"), "is below minLevel (" + min + ")");
      }
      ranges.put(attribute, new LevelRange(min, max));
    }
    this.levels = Map.copyOf(ranges);
    List<Priority> wanted = new ArrayList<>();
    for (PolicyObject priority : root.objects("priorities", PRIORITY_KEYS)) {
      PolicyObject named = priority.object("levels", RegionalSharingProfile.ATTRIBUTES);
      if (named.names().isEmpty()) {
        throw new PolicyException(
            priority.pointer("levels"),
            "names no quasi-identifier; allowed: " + RegionalSharingProfile.ATTRIBUTES);
      }
      Map<String, Integer> priorityLevels = new LinkedHashMap<>();
      for (String attribute : named.names()) {
        priorityLevels.put(attribute, named.integer(attribute, 0, Integer.MAX_VALUE));
      }
      wanted.add(new Priority(priorityLevels, priority.number("share", 0, 1, 0d)));
    }
    this.priorities = List.copyOf(wanted);
    List<LinkedAttribute> links = new ArrayList<>();
    for (PolicyObject link : root.objects("linkedAttributes", LINK_KEYS)) {
      String release = link.oneOf("release", RELEASES, "with_source");
      String source = link.oneOf("source", List.copyOf(ranges.keySet()));
      links.add(
          new LinkedAttribute(
              link.string("attribute"),
              source,
              link.integer("sourceLevel", 0, Integer.MAX_VALUE),
              release.equals("verbatim")));
    }
    this.linked = List.copyOf(links);
    PolicyObject pseudonym = root.object("pseudonym", PSEUDONYM_KEYS);
    this.purpose = code(pseudonym, "purpose", Purpose::of);
    this.recipient = code(pseudonym, "recipient", Recipient::of);
    Optional<PolicyObject> tables = root.optionalObject("tables", TABLE_KEYS);
    this.tableThreshold =
        tables
            .map(t -> t.integer("threshold", 1, Integer.MAX_VALUE))
            .orElse(SmallCellProtection.DEFAULT_THRESHOLD);
    this.zeroCells =
        tables
            .map(t -> t.oneOf("zeroCells", ZERO_CELLS, "publish"))
            .map(z -> ZeroCells.valueOf(z.toUpperCase(Locale.ROOT)))
            .orElse(ZeroCells.PUBLISH);
    checkLinks();
  }

  private static PrivacyModel diversity(PolicyObject l) {
    String variant = l.oneOf("variant", VARIANTS);
    if (!variant.equals("recursive") && l.has("c")) {
      throw new PolicyException(l.pointer("c"), "applies to the recursive variant only");
    }
    try {
      switch (variant) {
        case "distinct":
          return PrivacyModel.distinctLDiversity(l.integer("l", 1, Integer.MAX_VALUE));
        case "entropy":
          return PrivacyModel.entropyLDiversity(l.number("l", 1, Double.MAX_VALUE));
        default:
          return PrivacyModel.recursiveCLDiversity(
              l.number("c", Double.MIN_VALUE, Double.MAX_VALUE),
              l.integer("l", 2, Integer.MAX_VALUE));
      }
    } catch (PolicyException e) {
      throw e;
    } catch (AnonymisationException e) {
      throw new PolicyException(l.pointer(), e.getMessage());
    }
  }

  private static <T> T code(PolicyObject o, String field, Function<String, T> parse) {
    String text = o.string(field);
    try {
      return parse.apply(text);
    } catch (AnonymisationException e) {
      throw new PolicyException(o.pointer(field), "must be lower_snake_case, 1-64 characters");
    }
  }

  /** Refuses derived columns released verbatim while their source may be generalised further. */
  private void checkLinks() {
    for (int i = 0; i < linked.size(); i++) {
      LinkedAttribute link = linked.get(i);
      LevelRange source = Objects.requireNonNull(levels.get(link.source()));
      if (link.verbatim() && source.max() > link.sourceLevel()) {
        throw new PolicyException(
            "/linkedAttributes/" + i,
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

  /**
   * Parses and checks a policy.
   *
   * @param json the policy JSON
   * @return the policy
   * @throws PolicyException {@code VAN-A-0005} if the JSON is malformed, a key or value is unknown,
   *     a field is missing, of the wrong type or out of range, or a derived column would leak; the
   *     message and {@link PolicyException#pointer()} give the JSON Pointer
   */
  public static AnonymisationPolicy parse(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    JsonNode root;
    try {
      root = VanJson.strict().readTree(bytes);
    } catch (VanJsonException e) {
      throw new PolicyException(
          e.pointer(),
          e.problem()
              + (e.line() > 0 ? " (line " + e.line() + ", column " + e.column() + ")" : ""));
    } catch (NumberFormatException e) {
      // Jackson refuses numbers beyond BigDecimal's range this way; its text quotes the input.
      throw new PolicyException("", "a number is too large or too precise to read");
    }
    return new AnonymisationPolicy(root, Sha256.hex(bytes));
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
   * Returns what the release should keep for as many casualties as it can, first priority first
   * (policy key {@code priorities}); empty when the policy names none, and then local recoding
   * minimises the loss alone. The audit records them with the casualties that meet each.
   *
   * @return the priorities
   */
  public List<Priority> priorities() {
    return priorities;
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
