package org.vansdk.ingest.mapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vansdk.core.place.CountryCode;

/**
 * A mapping document as read: where the rows come from and how each row becomes records. Built by
 * {@link MappingReader} only, so every value here has been checked. Immutable.
 *
 * @param name the mapping's name
 * @param description what the mapping is for
 * @param country the country of the importing organisation
 * @param organisation the importing organisation's code, the namespace of every identifier
 * @param source the source format and its options
 * @param unknownValues texts that mean "not known" in any column (compared after normalising)
 * @param records the record specifications in output order (person first)
 */
public record MappingModel(
    String name,
    String description,
    CountryCode country,
    String organisation,
    SourceSpec source,
    List<String> unknownValues,
    List<RecordSpec> records) {

  /**
   * Returns the record specification of a target, if the mapping produces it.
   *
   * @param target the record target
   * @return its specification
   */
  public Optional<RecordSpec> record(Target target) {
    return records.stream().filter(r -> r.target() == target).findFirst();
  }

  /**
   * The source file's format and reading options.
   *
   * @param format CSV or XLSX
   * @param encoding the CSV character encoding
   * @param delimiter the CSV field delimiter
   * @param quote the CSV quote character
   * @param sheet the XLSX sheet name, empty for the first sheet
   * @param headerRow the 1-based row holding the column names; data starts on the next row
   */
  public record SourceSpec(
      SourceFormat format,
      SourceEncoding encoding,
      char delimiter,
      char quote,
      Optional<String> sheet,
      int headerRow) {}

  /**
   * How one row yields one record.
   *
   * @param target the record type produced
   * @param key how the record's identifier is built from the row
   * @param fields target field → how its value is read, in document order
   * @param identifiers external identifiers (person only)
   * @param items the items of the record's lists (a casualty's injuries and amputations), in
   *     document order
   */
  public record RecordSpec(
      Target target,
      KeySpec key,
      Map<Field, ValueSpec> fields,
      List<IdentifierSpec> identifiers,
      List<ItemSpec> items) {}

  /**
   * One item a row may add to a list of its record, such as one injury or one amputation of a
   * casualty. The item is written when at least one of its values read from columns is given (not
   * blank, not an explicit unknown); its required values must then be there. An amputation whose
   * limb is not mapped takes the limb of its level.
   *
   * @param list the list property, e.g. {@code injuries}
   * @param fields item field → how its value is read, in document order
   * @param pointer where the item is declared in the mapping
   */
  public record ItemSpec(String list, Map<Field, ValueSpec> fields, String pointer) {}

  /**
   * How a record identifier is built: {@code {country}-{organisation}-{prefix}{key}}.
   *
   * @param columns the source columns whose values form the key
   * @param prefix put before the key, e.g. {@code P}
   * @param hashed whether the key is hashed (any text) or used verbatim (letters, digits, '.', '_',
   *     '-')
   * @param pointer where the key is declared in the mapping
   */
  public record KeySpec(List<ColumnRef> columns, String prefix, boolean hashed, String pointer) {}

  /**
   * An external identifier of a person.
   *
   * @param system the identifier system, e.g. {@code cmvis}
   * @param value how its value is read
   */
  public record IdentifierSpec(String system, ValueSpec value) {}

  /**
   * A reference to a source column, by header name or by 1-based position.
   *
   * @param header the header text, empty when by position
   * @param position the 1-based position, 0 when by header
   */
  public record ColumnRef(String header, int position) {
    /** Returns how the column is named in messages and reject files. */
    public String label() {
      return header.isEmpty() ? "#" + position : header;
    }
  }
}
