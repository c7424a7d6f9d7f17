package org.vansdk.testkit.legacy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.vansdk.core.place.CountryCode;

/**
 * The layouts of national exports the testkit writes, as their public descriptions give them: the
 * columns, the country and how the file is usually encoded.
 *
 * @since 1.0
 */
public enum LegacyLayout {
  /** A CMVIS-style casualty export (Cambodia): UTF-8 with byte order mark, commas. */
  CMVIS(
      CountryCode.KHM,
      ',',
      StandardCharsets.UTF_8,
      List.of(
          "Casualty No",
          "Person No",
          "Incident No",
          "CMVIS ID",
          "Name",
          "Sex",
          "Date of Birth",
          "Age",
          "Home Province",
          "Incident Date",
          "Incident Province",
          "Accident Type",
          "Device Type",
          "Activity",
          "Status",
          "Victim Type",
          "Died Later On",
          "Mine Risk Education")),
  /**
   * An IMSMA-style victim/accident export (Lao PDR): usually an Excel workbook (sheet {@code
   * Victims}); written here as UTF-8 CSV rows that a test turns into a workbook. Up to three
   * injuries (body part and side) and two amputations (level and side) per victim, in numbered
   * columns.
   */
  IMSMA(
      CountryCode.LAO,
      ',',
      StandardCharsets.UTF_8,
      List.of(
          "Accident ID",
          "Accident Date",
          "Province",
          "Accident Type",
          "Device Type",
          "Area Marked",
          "Area Cleared",
          "Victim ID",
          "Person ID",
          "IMSMA Victim No",
          "Victim Name",
          "Gender",
          "Date of Birth",
          "Age",
          "Victim Status",
          "Victim Category",
          "Activity",
          "Tampering",
          "MRE Received",
          "First Aid",
          "Minutes to Facility",
          "Injury 1",
          "Injury 1 Side",
          "Injury 2",
          "Injury 2 Side",
          "Injury 3",
          "Injury 3 Side",
          "Amputation 1",
          "Amputation 1 Side",
          "Amputation 2",
          "Amputation 2 Side")),
  /**
   * A disability-register export in the style of MoSVY's DMIS (Cambodia): Excel "Unicode text",
   * UTF-16 little-endian with byte order mark, tabs; one row per functioning assessment.
   */
  DMIS(
      CountryCode.KHM,
      '\t',
      StandardCharsets.UTF_16LE,
      List.of(
          "Card No",
          "Person ID",
          "Family Name",
          "Given Name",
          "Sex",
          "Date of Birth",
          "Province",
          "Assessment ID",
          "Assessment Date",
          "Proxy Respondent",
          "Seeing",
          "Hearing",
          "Walking",
          "Remembering",
          "Self-care",
          "Communicating"));

  private final CountryCode country;
  private final char delimiter;
  private final Charset charset;
  private final List<String> header;

  LegacyLayout(CountryCode country, char delimiter, Charset charset, List<String> header) {
    this.country = country;
    this.delimiter = delimiter;
    this.charset = charset;
    this.header = header;
  }

  /** Returns the country whose export this is (generate the population for it). */
  public CountryCode country() {
    return country;
  }

  /** Returns the CSV delimiter. */
  public char delimiter() {
    return delimiter;
  }

  /** Returns the character encoding of the CSV file (written with a byte order mark). */
  public Charset charset() {
    return charset;
  }

  /** Returns the column names, in order. */
  public List<String> header() {
    return header;
  }
}
