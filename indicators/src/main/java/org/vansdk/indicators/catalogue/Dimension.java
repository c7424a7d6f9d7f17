package org.vansdk.indicators.catalogue;

import java.util.List;
import java.util.Locale;

/**
 * A dimension along which an indicator can be disaggregated. Each has a stable lower_snake_case
 * code (the column name in exports) and, where the values form a fixed code list, those values;
 * open dimensions (admin area, country, year, month, reason) take their values from the data.
 *
 * @since 1.0
 */
public enum Dimension {
  /** Sex of the person: male, female, unknown. */
  SEX("Sex", List.of("male", "female", "unknown")),
  /** Age group at the incident: child (under 18), adult, unknown. */
  AGE_GROUP("Age group (child under 18 / adult)", List.of("child", "adult", "unknown")),
  /** Five-year age band at the incident: 0_4 ... 80_84, 85_plus, unknown. */
  AGE_BAND("Five-year age band", ageBands()),
  /** Landmine Monitor group: man, woman, boy, girl, unknown. */
  LANDMINE_MONITOR_GROUP(
      "Landmine Monitor group", List.of("man", "woman", "boy", "girl", "unknown")),
  /** Civilian status of the casualty. */
  CIVILIAN_STATUS(
      "Civilian status", List.of("civilian", "deminer", "military_or_security", "unknown")),
  /** Device category of the incident. */
  DEVICE_CATEGORY(
      "Device category",
      List.of(
          "antipersonnel_mine",
          "improvised_mine",
          "antivehicle_mine",
          "unspecified_mine",
          "cluster_munition_remnant",
          "other_erw",
          "unknown")),
  /** Device group of the incident: mine, erw, unknown. */
  DEVICE_GROUP("Device group (mine / ERW)", List.of("mine", "erw", "unknown")),
  /** Admin level 1 P-code of the incident (or of the attempt's destination), or unknown. */
  ADMIN1("Admin level 1 (P-code)", List.of()),
  /** ISO 3166-1 alpha-3 country of the incident (destination country for referral attempts). */
  COUNTRY("Country (ISO 3166-1 alpha-3)", List.of()),
  /** Calendar year of the event (incident date, or the attempt's sending). */
  YEAR("Year", List.of()),
  /** Calendar month of the event (YYYY-MM), unknown when only the year is known. */
  MONTH("Month (YYYY-MM)", List.of()),
  /** WG-SS DISABILITY3 of the person's latest assessment: yes, no, unknown (incl. not assessed). */
  DISABILITY3("Disability (WG-SS DISABILITY3)", List.of("yes", "no", "unknown")),
  /** Outcome of the casualty: killed, injured, unknown. */
  OUTCOME("Outcome", List.of("killed", "injured", "unknown")),
  /** Victim-assistance pillar (service type family). */
  PILLAR(
      "Pillar",
      List.of(
          "medical_care",
          "rehabilitation",
          "psychosocial_support",
          "socioeconomic_inclusion",
          "education",
          "rights_and_legal",
          "accessibility")),
  /** WG-SS disability identifier: disability1 ... disability4. */
  WG_IDENTIFIER(
      "WG-SS identifier", List.of("disability1", "disability2", "disability3", "disability4")),
  /** Referral interval: sent_to_accepted, sent_to_completed. */
  INTERVAL("Referral interval", List.of("sent_to_accepted", "sent_to_completed")),
  /** Summary statistic: median, p90. */
  STATISTIC("Statistic", List.of("median", "p90")),
  /** Final status of a referral attempt that did not succeed: declined, not_completed. */
  FINAL_STATUS("Final status", List.of("declined", "not_completed")),
  /** Reason code given with a decline or a non-completion, or unknown. */
  REASON("Reason", List.of()),
  /** Field whose completeness is measured: sex, age, disability, all (sex, age and disability). */
  FIELD("Field (SADDD)", List.of("sex", "age", "disability", "all"));

  private final String label;
  private final List<String> values;

  Dimension(String label, List<String> values) {
    this.label = label;
    this.values = values;
  }

  /** The stable code of this dimension, e.g. {@code age_band}; the column name in exports. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** An English label for documentation. */
  public String label() {
    return label;
  }

  /**
   * The fixed values of this dimension in their canonical order, or an empty list when the values
   * come from the data (admin area, country, year, month, reason).
   */
  public List<String> codes() {
    return values;
  }

  /** Whether the values of this dimension come from the data rather than a fixed code list. */
  public boolean isOpen() {
    return values.isEmpty();
  }

  /** The five-year band code of an age in years (0-120), e.g. 7 gives {@code 5_9}. */
  public static String ageBandOf(int age) {
    if (age >= 85) {
      return "85_plus";
    }
    int low = age / 5 * 5;
    return low + "_" + (low + 4);
  }

  private static List<String> ageBands() {
    String[] bands = new String[19];
    for (int i = 0; i < 17; i++) {
      bands[i] = (i * 5) + "_" + (i * 5 + 4);
    }
    bands[17] = "85_plus";
    bands[18] = "unknown";
    return List.of(bands);
  }
}
