package org.vansdk.exchange.sdmx;

import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.exchange.ExchangeException;
import org.vansdk.indicators.catalogue.Dimension;
import org.vansdk.indicators.catalogue.IndicatorCatalogue;
import org.vansdk.indicators.catalogue.Unit;
import org.vansdk.indicators.export.SdmxTimePeriod;
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.indicators.table.Observation;
import org.vansdk.indicators.table.ObservationStatus;

/**
 * Reads ADX written by {@link AdxWriter} back into an indicator table: every published cell with
 * its value, numerator, denominator and unknown count (suppressed cells are not in ADX). Strict: an
 * element or attribute outside the profile, a data element that is not an indicator (or its {@code
 * _NUM}, {@code _DEN}, {@code _UNK} companion), a category that is not one of our dimensions, a
 * code outside a dimension's list, a cell given twice or groups with different periods are errors
 * naming the element. DTDs and external entities are refused. Stateless and thread-safe.
 *
 * @since 1.0
 */
public final class AdxReader {
  private static final XMLInputFactory XML = factory();

  private AdxReader() {}

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return f;
  }

  /**
   * Reads an ADX document.
   *
   * @throws ExchangeException {@code VAN-E-0001} naming the element (by position) and the problem
   */
  public static IndicatorTable read(Reader in) {
    Map<String, Cell> cells = new LinkedHashMap<>();
    ReportingPeriod period = null;
    int values = 0;
    try {
      XMLStreamReader x = XML.createXMLStreamReader(in);
      int depth = 0;
      while (x.hasNext()) {
        int event = x.next();
        if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
          continue;
        }
        if (event != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        depth++;
        if (!AdxWriter.NAMESPACE.equals(x.getNamespaceURI())) {
          throw invalid(x.getLocalName(), "not in the ADX namespace " + AdxWriter.NAMESPACE);
        }
        String name = x.getLocalName();
        if (depth == 1 && name.equals("adx")) {
          required(x, "exported");
        } else if (depth == 2 && name.equals("group")) {
          required(x, "orgUnit");
          expect(x, "dataSet", AdxWriter.DATA_SET);
          ReportingPeriod p;
          try {
            p = SdmxTimePeriod.parse(required(x, "period"));
          } catch (IllegalArgumentException e) {
            throw invalid("group/@period", e.getMessage());
          }
          if (period != null && !period.equals(p)) {
            throw invalid(
                "group/@period", "differs from the first group's; a table has one period");
          }
          period = p;
        } else if (depth == 3 && name.equals("dataValue")) {
          values++;
          dataValue(x, values, cells);
        } else {
          throw invalid(name, "not allowed here; ADX has adx > group > dataValue");
        }
      }
    } catch (XMLStreamException e) {
      throw new ExchangeException(
          ExchangeException.INVALID_INPUT,
          "ADX is not well-formed XML near line "
              + (e.getLocation() == null ? "?" : e.getLocation().getLineNumber()));
    }
    if (period == null) {
      throw invalid("adx", "no group");
    }
    List<Observation> observations = new ArrayList<>();
    for (Cell c : cells.values()) {
      observations.add(c.observation());
    }
    return IndicatorTable.of(period, observations);
  }

  private static void dataValue(XMLStreamReader x, int index, Map<String, Cell> cells) {
    String where = "dataValue " + index;
    String element = null;
    String value = null;
    Map<Dimension, String> dims = new EnumMap<>(Dimension.class);
    for (int i = 0; i < x.getAttributeCount(); i++) {
      String a = x.getAttributeLocalName(i);
      String v = x.getAttributeValue(i);
      if (a.equals("dataElement")) {
        element = v;
      } else if (a.equals("value")) {
        value = v;
      } else {
        Dimension d =
            AdxCategories.dimension(a)
                .orElseThrow(() -> invalid(where, "'" + a + "' is not a category of ours"));
        if (!d.isOpen() && !d.codes().contains(v)) {
          throw invalid(where, a + " is not a " + d.code() + " code; allowed: " + d.codes());
        }
        if (v.isEmpty()) {
          throw invalid(where, a + " is empty; a total has no attribute");
        }
        dims.put(d, v);
      }
    }
    if (element == null || value == null) {
      throw invalid(where, "needs dataElement and value");
    }
    String indicator = element;
    String part = "";
    int underscore = element.lastIndexOf('_');
    if (underscore > 0) {
      indicator = element.substring(0, underscore);
      part = element.substring(underscore + 1);
    }
    if (IndicatorCatalogue.find(indicator).isEmpty()
        || !List.of("", "NUM", "DEN", "UNK").contains(part)) {
      throw invalid(where, "dataElement is not an indicator code or its _NUM, _DEN, _UNK");
    }
    String key = indicator + dims;
    Cell cell = cells.computeIfAbsent(key, k -> new Cell());
    cell.indicator = indicator;
    cell.dimensions = dims;
    try {
      switch (part) {
        case "":
          cell.value = once(where, cell.value, Double.parseDouble(value));
          break;
        case "NUM":
          cell.numerator = once(where, cell.numerator, Long.parseLong(value));
          break;
        case "DEN":
          cell.denominator = once(where, cell.denominator, Long.parseLong(value));
          break;
        default:
          cell.unknown = once(where, cell.unknown, Long.parseLong(value));
      }
    } catch (NumberFormatException e) {
      throw invalid(where, "value is not a number of the kind " + element + " holds");
    }
  }

  private static OptionalDouble once(String where, OptionalDouble old, double v) {
    if (old.isPresent()) {
      throw invalid(where, "the cell is given twice");
    }
    return OptionalDouble.of(v);
  }

  private static OptionalLong once(String where, OptionalLong old, long v) {
    if (old.isPresent() || v < 0) {
      throw invalid(where, "the cell is given twice, or the count is negative");
    }
    return OptionalLong.of(v);
  }

  private static final class Cell {
    String indicator;
    Map<Dimension, String> dimensions;
    OptionalDouble value = OptionalDouble.empty();
    OptionalLong numerator = OptionalLong.empty();
    OptionalLong denominator = OptionalLong.empty();
    OptionalLong unknown = OptionalLong.empty();

    Observation observation() {
      boolean count = IndicatorCatalogue.get(indicator).unit() == Unit.COUNT;
      OptionalLong num =
          count && value.isPresent() ? OptionalLong.of((long) value.getAsDouble()) : numerator;
      ObservationStatus status =
          value.isPresent() ? ObservationStatus.NORMAL : ObservationStatus.NO_DENOMINATOR;
      return ObservationFields.of(indicator, dimensions, status, value, num, denominator, unknown);
    }
  }

  private static String required(XMLStreamReader x, String attribute) {
    String v = x.getAttributeValue(null, attribute);
    if (v == null || v.isEmpty()) {
      throw invalid(x.getLocalName(), "needs the attribute " + attribute);
    }
    return v;
  }

  private static void expect(XMLStreamReader x, String attribute, String wanted) {
    if (!wanted.equals(x.getAttributeValue(null, attribute))) {
      throw invalid(x.getLocalName() + "/@" + attribute, "must be " + wanted);
    }
  }

  /** A decimal as ADX writes it: integers without a fraction, others with up to 6 decimals. */
  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.6f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  private static ExchangeException invalid(String where, String problem) {
    return new ExchangeException(ExchangeException.INVALID_INPUT, "ADX " + where + ": " + problem);
  }
}
