package org.vansdk.hub.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import org.vansdk.core.casualty.CivilianStatus;
import org.vansdk.core.casualty.Outcome;
import org.vansdk.core.code.CodeValue;
import org.vansdk.core.code.LabelLanguage;
import org.vansdk.core.code.Labels;
import org.vansdk.core.code.ReviewStatus;
import org.vansdk.core.directory.OrganisationType;
import org.vansdk.core.directory.ServiceStatus;
import org.vansdk.core.incident.DeviceCategory;
import org.vansdk.core.incident.DeviceGroup;
import org.vansdk.core.need.Pillar;
import org.vansdk.core.need.ServiceType;
import org.vansdk.core.person.Sex;
import org.vansdk.indicators.catalogue.Dimension;
import org.vansdk.indicators.catalogue.Indicator;
import org.vansdk.indicators.catalogue.IndicatorCatalogue;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dashboard's labels in each of the network's six languages, as one JSON document per language:
 * the page's own texts, indicator and dimension names and country names from the dashboard's label
 * files ({@code dashboard.properties}, {@code dashboard_km.properties}, ...), and the code lists'
 * labels from core ({@link Labels}: service and organisation types, sex, device, pillar...), so a
 * code list is labelled in one place only. Each language states its review status; the drafts are
 * machine-made. Built once; immutable and thread-safe.
 *
 * <p>Shape: {@code {"language": "km", "reviewStatus": "machine_drafted", "languages": {"en":
 * "English", ...}, "ui": {...}, "indicators": {"CAS-01": ...}, "dimensions": {"sex": ...},
 * "values": {"country": {"KHM": ...}, "sex": {"male": ...}, ...}, "serviceTypes": {...},
 * "organisationTypes": {...}, "serviceStatus": {...}}}.
 */
final class DashboardLabels {
  private static final String FILES = "org/vansdk/hub/dashboard/";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The dimensions whose values are a core code list, and that list. */
  private static final Map<Dimension, List<? extends CodeValue>> CODE_LISTS =
      Map.of(
          Dimension.SEX, List.of(Sex.values()),
          Dimension.OUTCOME, List.of(Outcome.values()),
          Dimension.CIVILIAN_STATUS, List.of(CivilianStatus.values()),
          Dimension.DEVICE_CATEGORY, List.of(DeviceCategory.values()),
          Dimension.DEVICE_GROUP, List.of(DeviceGroup.values()),
          Dimension.PILLAR, List.of(Pillar.values()));

  private final Map<LabelLanguage, byte[]> documents = new EnumMap<>(LabelLanguage.class);

  DashboardLabels() {
    Properties english = load(LabelLanguage.EN);
    Map<String, String> names = new TreeMap<>();
    for (LabelLanguage l : LabelLanguage.values()) {
      names.put(l.tag(), load(l).getProperty("language.name", l.tag()));
    }
    for (LabelLanguage l : LabelLanguage.values()) {
      documents.put(l, JSON.writeValueAsBytes(document(l, english, load(l), names)));
    }
  }

  /** The language of a tag, e.g. {@code km}. */
  static Optional<LabelLanguage> language(String tag) {
    for (LabelLanguage l : LabelLanguage.values()) {
      if (l.tag().equals(tag)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  /** The labels document of a language, as JSON bytes (a copy). */
  byte[] json(LabelLanguage language) {
    return Objects.requireNonNull(documents.get(language)).clone();
  }

  private static ObjectNode document(
      LabelLanguage language, Properties english, Properties own, Map<String, String> names) {
    ObjectNode doc = NODES.objectNode();
    doc.put("language", language.tag());
    doc.put(
        "reviewStatus",
        language == LabelLanguage.EN
            ? ReviewStatus.NATIVE_REVIEWED.name().toLowerCase(Locale.ROOT)
            : own.getProperty("_review.status", "machine_drafted"));
    ObjectNode languages = doc.putObject("languages");
    names.forEach(languages::put);
    ObjectNode ui = doc.putObject("ui");
    ObjectNode indicators = doc.putObject("indicators");
    ObjectNode dimensions = doc.putObject("dimensions");
    ObjectNode values = doc.putObject("values");
    for (String key : new TreeSet<>(english.stringPropertyNames())) {
      String text = own.getProperty(key, english.getProperty(key));
      String[] parts = key.split("\\.", 3);
      switch (parts[0]) {
        case "ui" -> ui.put(parts[1], text);
        case "dimension" -> dimensions.put(parts[1], text);
        case "value" -> {
          ObjectNode dim = values.has(parts[1]) ? (ObjectNode) values.get(parts[1]) : null;
          if (dim == null) {
            dim = values.putObject(parts[1]);
          }
          dim.put(parts[2], text);
        }
        default -> {
          // language.name and review notes: not page texts
        }
      }
    }
    for (Indicator i : IndicatorCatalogue.all()) {
      String key = "indicator." + i.code();
      indicators.put(i.code(), own.getProperty(key, english.getProperty(key, i.name())));
    }
    CODE_LISTS.forEach(
        (dimension, codes) -> {
          ObjectNode dim = values.putObject(dimension.code());
          for (CodeValue v : codes) {
            dim.put(v.code(), Labels.label(v, language));
          }
        });
    doc.set("serviceTypes", codeList(List.of(ServiceType.values()), language));
    doc.set("organisationTypes", codeList(List.of(OrganisationType.values()), language));
    doc.set("serviceStatus", codeList(List.of(ServiceStatus.values()), language));
    return doc;
  }

  private static ObjectNode codeList(List<? extends CodeValue> codes, LabelLanguage language) {
    ObjectNode node = NODES.objectNode();
    for (CodeValue v : codes) {
      node.put(v.code(), Labels.label(v, language));
    }
    return node;
  }

  /** A language's label file; the English one must exist, others may lack keys. */
  static Properties load(LabelLanguage language) {
    String name =
        FILES
            + (language == LabelLanguage.EN
                ? "dashboard.properties"
                : "dashboard_" + language.tag() + ".properties");
    Properties p = new Properties();
    try (InputStream in = DashboardLabels.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the dashboard's label file is missing: " + name);
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the dashboard's label file " + name, e);
    }
    return p;
  }
}
