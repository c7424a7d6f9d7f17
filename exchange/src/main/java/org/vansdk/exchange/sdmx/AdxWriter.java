package org.vansdk.exchange.sdmx;

import java.io.Writer;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.vansdk.exchange.ExchangeException;
import org.vansdk.indicators.catalogue.Dimension;
import org.vansdk.indicators.catalogue.IndicatorCatalogue;
import org.vansdk.indicators.catalogue.Unit;
import org.vansdk.indicators.export.SdmxTimePeriod;
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.indicators.table.Observation;

/**
 * Writes an indicator table as ADX ({@code application/adx+xml}, namespace {@value #NAMESPACE}),
 * the IHE profile of SDMX that DHIS2 imports: one {@code group} for the reporting org unit, the
 * table's period as an ISO 8601 interval and the data set {@value #DATA_SET}; one {@code dataValue}
 * per published cell, its dimensions as category attributes (see {@link AdxCategories}); a total
 * over a dimension has no attribute for it. Numerators (of every unit but counts), denominators and
 * unknown counts travel as data elements of their own ({@code CAS-02_NUM}, {@code _DEN}, {@code
 * _UNK}). Suppressed cells are left out, as ADX has no withheld value: a receiver sees no data for
 * them. Immutable and thread-safe.
 *
 * @since 1.0
 */
public final class AdxWriter {
  /** The ADX namespace. */
  public static final String NAMESPACE = "urn:ihe:qrph:adx:2015";

  /** The data set code written in every group. */
  public static final String DATA_SET = "VA_INDICATORS";

  /** The media type of ADX documents. */
  public static final String MEDIA_TYPE = "application/adx+xml";

  private static final Pattern ORG_UNIT = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

  private final String orgUnit;
  private final Instant exported;

  private AdxWriter(String orgUnit, Instant exported) {
    this.orgUnit = orgUnit;
    this.exported = exported;
  }

  /**
   * A writer.
   *
   * @param orgUnit the org unit the data is about, e.g. a country code {@code KHM} or an org unit
   *     code the receiving DHIS2 knows: 1 to 64 letters, digits, '.', '_' or '-'
   * @param exported when the document is exported (the {@code exported} attribute)
   * @throws IllegalArgumentException if the org unit is not such a code
   */
  public static AdxWriter of(String orgUnit, Instant exported) {
    if (!ORG_UNIT.matcher(orgUnit).matches()) {
      throw new IllegalArgumentException(
          "an ADX org unit is 1 to 64 letters, digits, '.', '_' or '-'");
    }
    return new AdxWriter(orgUnit, Objects.requireNonNull(exported, "exported"));
  }

  /**
   * Writes the table; the writer is flushed, not closed.
   *
   * @throws ExchangeException {@code VAN-E-0002} if writing fails
   */
  public void write(IndicatorTable table, Writer out) {
    try {
      XMLStreamWriter x = XML.createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("adx");
      x.writeDefaultNamespace(NAMESPACE);
      x.writeAttribute("exported", exported.toString());
      x.writeCharacters("\n  ");
      x.writeStartElement("group");
      x.writeAttribute("orgUnit", orgUnit);
      x.writeAttribute("period", SdmxTimePeriod.interval(table.period()));
      x.writeAttribute("dataSet", DATA_SET);
      for (Observation o : table.observations()) {
        if (o.status().isSuppressed()) {
          continue;
        }
        if (o.value().isPresent()) {
          value(x, o.indicator(), o.dimensions(), AdxReader.number(o.value().getAsDouble()));
        }
        boolean count = IndicatorCatalogue.get(o.indicator()).unit() == Unit.COUNT;
        if (!count && o.numerator().isPresent()) {
          value(
              x, o.indicator() + "_NUM", o.dimensions(), Long.toString(o.numerator().getAsLong()));
        }
        if (o.denominator().isPresent()) {
          value(
              x,
              o.indicator() + "_DEN",
              o.dimensions(),
              Long.toString(o.denominator().getAsLong()));
        }
        if (o.unknown().isPresent()) {
          value(x, o.indicator() + "_UNK", o.dimensions(), Long.toString(o.unknown().getAsLong()));
        }
      }
      x.writeCharacters("\n  ");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.flush();
    } catch (XMLStreamException e) {
      throw new ExchangeException(ExchangeException.EXPORT_FAILED, "cannot write ADX", e);
    }
  }

  private static void value(
      XMLStreamWriter x, String element, Map<Dimension, String> dims, String value)
      throws XMLStreamException {
    x.writeCharacters("\n    ");
    x.writeEmptyElement("dataValue");
    x.writeAttribute("dataElement", element);
    for (Map.Entry<Dimension, String> d : dims.entrySet()) {
      x.writeAttribute(AdxCategories.attribute(d.getKey()), d.getValue());
    }
    x.writeAttribute("value", value);
  }
}
