package org.vansdk.exchange.sdmx;

import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.exchange.ExchangeException;
import org.vansdk.indicators.catalogue.Dimension;
import org.vansdk.indicators.catalogue.IndicatorCatalogue;
import org.vansdk.indicators.export.IndicatorCsv;
import org.vansdk.indicators.export.SdmxTimePeriod;
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.indicators.table.Observation;
import org.vansdk.indicators.table.ObservationStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Reads SDMX-CSV 2.0 of our indicator dataflow (as {@link IndicatorCsv} writes it) back into an
 * indicator table. Strict: an unknown column, a missing one, another dataflow, an action other than
 * {@code I}, a code outside a dimension's list, a unit or status that contradicts the catalogue, or
 * rows with different periods are errors naming the row and column. Stateless and thread-safe.
 *
 * @since 1.0
 */
public final class SdmxCsvReader {
  private static final CsvMapper CSV = CsvMapper.builder().build();
  private static final List<String> LEADING =
      List.of("STRUCTURE", "STRUCTURE_ID", "ACTION", "INDICATOR", "REF_AREA");
  private static final List<String> TRAILING =
      List.of(
          "TIME_PERIOD",
          "OBS_VALUE",
          "UNIT_MEASURE",
          "OBS_STATUS",
          "CONF_STATUS",
          "NUMERATOR",
          "DENOMINATOR",
          "UNKNOWN_COUNT");

  private SdmxCsvReader() {}

  /**
   * Reads a table whose {@code REF_AREA} is a dimension: {@code _T} is no country disaggregation, a
   * country code is the cell's {@link Dimension#COUNTRY}.
   *
   * @throws ExchangeException {@code VAN-E-0001} naming the row and column of the first problem
   */
  public static IndicatorTable read(Reader in) {
    return read(in, Optional.empty());
  }

  /**
   * Reads a table written for one country's records: {@code REF_AREA} equal to {@code area} is no
   * country disaggregation.
   *
   * @throws ExchangeException {@code VAN-E-0001} naming the row and column of the first problem
   */
  public static IndicatorTable read(Reader in, CountryCode area) {
    return read(in, Optional.of(area.code()));
  }

  private static IndicatorTable read(Reader in, Optional<String> area) {
    try (MappingIterator<List<String>> rows =
        CSV.readerForListOf(String.class).with(CsvReadFeature.WRAP_AS_ARRAY).readValues(in)) {
      if (!rows.hasNext()) {
        throw invalid(1, "the header", "the file is empty; expected an SDMX-CSV 2.0 header");
      }
      List<String> header = rows.next();
      List<Dimension> dims = header(header);
      List<Observation> observations = new ArrayList<>();
      ReportingPeriod period = null;
      String periodText = null;
      int row = 1;
      while (rows.hasNext()) {
        row++;
        List<String> cells = rows.next();
        if (cells.size() == 1 && cells.get(0).isEmpty()) {
          continue;
        }
        if (cells.size() != header.size()) {
          throw invalid(row, "the row", cells.size() + " fields; the header has " + header.size());
        }
        Map<String, String> f = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
          f.put(header.get(i), cells.get(i));
        }
        expect(row, f, "STRUCTURE", "dataflow");
        expect(row, f, "STRUCTURE_ID", IndicatorCsv.STRUCTURE_ID);
        expect(row, f, "ACTION", "I");
        String indicator = f.get("INDICATOR");
        if (IndicatorCatalogue.find(indicator).isEmpty()) {
          throw invalid(row, "INDICATOR", "not an indicator of the catalogue");
        }
        if (periodText == null) {
          periodText = f.get("TIME_PERIOD");
          try {
            period = SdmxTimePeriod.parse(periodText);
          } catch (IllegalArgumentException e) {
            throw invalid(row, "TIME_PERIOD", e.getMessage());
          }
        } else if (!periodText.equals(f.get("TIME_PERIOD"))) {
          throw invalid(row, "TIME_PERIOD", "differs from the first row's; a table has one period");
        }
        Map<Dimension, String> cell = new EnumMap<>(Dimension.class);
        String refArea = f.get("REF_AREA");
        if (!refArea.equals(IndicatorCsv.TOTAL) && !Optional.of(refArea).equals(area)) {
          cell.put(Dimension.COUNTRY, code(row, "REF_AREA", Dimension.COUNTRY, refArea));
        }
        for (Dimension d : dims) {
          String column = d.code().toUpperCase(Locale.ROOT);
          String v = f.get(column);
          String absent =
              IndicatorCsv.applies(indicator, d) ? IndicatorCsv.TOTAL : IndicatorCsv.NONE;
          if (v.equals(IndicatorCsv.TOTAL) || v.equals(IndicatorCsv.NONE)) {
            if (!v.equals(absent)) {
              throw invalid(
                  row, column, "must be " + absent + " for " + indicator + " (or a code)");
            }
          } else if (absent.equals(IndicatorCsv.NONE)) {
            throw invalid(row, column, indicator + " is not disaggregated by " + d.code() + ": _Z");
          } else {
            cell.put(d, code(row, column, d, v));
          }
        }
        expect(row, f, "UNIT_MEASURE", IndicatorCsv.unitOf(indicator));
        ObservationStatus status = status(row, f.get("OBS_STATUS"), f.get("CONF_STATUS"));
        observations.add(
            ObservationFields.of(
                indicator,
                cell,
                status,
                decimal(row, "OBS_VALUE", f.get("OBS_VALUE"), status == ObservationStatus.NORMAL),
                count(row, "NUMERATOR", f.get("NUMERATOR")),
                count(row, "DENOMINATOR", f.get("DENOMINATOR")),
                count(row, "UNKNOWN_COUNT", f.get("UNKNOWN_COUNT"))));
      }
      if (period == null) {
        throw invalid(2, "the file", "no observations after the header");
      }
      return IndicatorTable.of(period, observations);
    } catch (JacksonException e) {
      throw new ExchangeException(
          ExchangeException.INVALID_INPUT,
          "SDMX-CSV is not well-formed CSV near line "
              + e.getLocation().getLineNr()
              + ": "
              + e.getOriginalMessage());
    }
  }

  private static List<Dimension> header(List<String> header) {
    int n = header.size();
    if (n < LEADING.size() + TRAILING.size()
        || !header.subList(0, LEADING.size()).equals(LEADING)
        || !header.subList(n - TRAILING.size(), n).equals(TRAILING)) {
      throw invalid(
          1,
          "the header",
          "expected " + String.join(",", LEADING) + ",<dimensions>," + String.join(",", TRAILING));
    }
    List<Dimension> dims = new ArrayList<>();
    for (String column : header.subList(LEADING.size(), n - TRAILING.size())) {
      Dimension found = null;
      for (Dimension d : Dimension.values()) {
        if (d != Dimension.COUNTRY && d.code().toUpperCase(Locale.ROOT).equals(column)) {
          found = d;
        }
      }
      if (found == null || dims.contains(found)) {
        throw invalid(
            1, column, "not a dimension of " + IndicatorCsv.STRUCTURE_ID + " or repeated");
      }
      dims.add(found);
    }
    return dims;
  }

  private static void expect(int row, Map<String, String> f, String column, String wanted) {
    if (!wanted.equals(f.get(column))) {
      throw invalid(row, column, "must be " + wanted);
    }
  }

  private static String code(int row, String column, Dimension d, String value) {
    if (d == Dimension.COUNTRY) {
      try {
        return CountryCode.parse(value).code();
      } catch (RuntimeException e) {
        throw invalid(row, column, "not an ISO 3166-1 alpha-3 country code of the network");
      }
    }
    if (!d.isOpen() && !d.codes().contains(value)) {
      throw invalid(row, column, "not a " + d.code() + " code; allowed: " + d.codes() + ", _T");
    }
    if (value.isEmpty()) {
      throw invalid(row, column, "empty; a total is _T");
    }
    return value;
  }

  private static ObservationStatus status(int row, String obs, String conf) {
    for (ObservationStatus s : ObservationStatus.values()) {
      if (s.sdmxCode().equals(obs)) {
        if (!s.sdmxConfidentiality().equals(conf)) {
          throw invalid(
              row,
              "CONF_STATUS",
              "must be " + s.sdmxConfidentiality() + " when OBS_STATUS is " + obs);
        }
        return s;
      }
    }
    throw invalid(row, "OBS_STATUS", "allowed: A, M, Q");
  }

  private static OptionalDouble decimal(int row, String column, String text, boolean required) {
    if (text.isEmpty()) {
      if (required) {
        throw invalid(row, column, "empty, but OBS_STATUS is A");
      }
      return OptionalDouble.empty();
    }
    if (!required) {
      throw invalid(row, column, "must be empty unless OBS_STATUS is A");
    }
    try {
      return OptionalDouble.of(Double.parseDouble(text));
    } catch (NumberFormatException e) {
      throw invalid(row, column, "not a number");
    }
  }

  private static OptionalLong count(int row, String column, String text) {
    if (text.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      long v = Long.parseLong(text);
      if (v < 0) {
        throw invalid(row, column, "negative");
      }
      return OptionalLong.of(v);
    } catch (NumberFormatException e) {
      throw invalid(row, column, "not a whole number");
    }
  }

  private static ExchangeException invalid(int row, String column, String problem) {
    return new ExchangeException(
        ExchangeException.INVALID_INPUT, "SDMX-CSV row " + row + ", " + column + ": " + problem);
  }
}
