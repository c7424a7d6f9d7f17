package org.vansdk.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.vansdk.ingest.IngestException;
import org.vansdk.ingest.mapping.MappingModel.SourceSpec;
import org.vansdk.ingest.transform.Text;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads a sheet of an XLSX workbook with POI's streaming (SAX) reader, never the whole-workbook
 * model, so memory stays bounded by the shared strings table. Date cells come as {@code
 * yyyy-MM-dd}; other cells as Excel shows them. The declared sizes of the package's parts are
 * checked before reading, and POI's zip-bomb guard (minimum inflate ratio) holds while reading.
 */
final class XlsxRows {
  /** The largest shared-strings part accepted: it is held in memory. */
  private static final long MAX_SHARED_STRINGS_BYTES = 128L << 20;

  private XlsxRows() {}

  static void read(Path path, SourceSpec spec, SourceLimits limits, RowSink sink) {
    String file = path.getFileName().toString();
    checkDeclaredSizes(path, file, limits);
    try (OPCPackage pkg = OPCPackage.open(path.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
      StylesTable styles = reader.getStylesTable();
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      List<String> names = new ArrayList<>();
      while (sheets.hasNext()) {
        try (InputStream sheet = sheets.next()) {
          String name = sheets.getSheetName();
          names.add(name);
          if (spec.sheet().isEmpty() || spec.sheet().get().equals(name)) {
            Rows rows = new Rows(file, spec.headerRow(), limits, sink);
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(
                new XSSFSheetXMLHandler(styles, null, strings, rows, new IsoDates(), false));
            parser.parse(new InputSource(sheet));
            rows.finish();
            return;
          }
        }
      }
      throw new IngestException(
          IngestException.SOURCE_HEADER,
          file + " has no sheet named '" + spec.sheet().orElse("") + "'; sheets: " + names);
    } catch (IngestException e) {
      throw e;
    } catch (IOException
        | SAXException
        | OpenXML4JException
        | OpenXML4JRuntimeException
        | org.apache.poi.ooxml.POIXMLException
        | org.apache.poi.UnsupportedFileFormatException
        | javax.xml.parsers.ParserConfigurationException e) {
      if (isBomb(e)) {
        throw new IngestException(
            IngestException.SOURCE_TOO_LARGE,
            file
                + " expands far more than a spreadsheet does (a zip bomb?); refused by the"
                + " XLSX reader's inflate-ratio and size limits",
            e);
      }
      throw new IngestException(
          IngestException.SOURCE_MALFORMED,
          file + " is not a readable XLSX workbook (" + e.getClass().getSimpleName() + ")",
          e);
    }
  }

  private static void checkDeclaredSizes(Path path, String file, SourceLimits limits) {
    try (ZipFile zip = new ZipFile(path.toFile())) {
      long total = 0;
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        long size = Math.max(0, e.getSize());
        total += size;
        if (e.getName().endsWith("sharedStrings.xml") && size > MAX_SHARED_STRINGS_BYTES) {
          throw new IngestException(
              IngestException.SOURCE_TOO_LARGE,
              file
                  + " has a shared-strings table of "
                  + String.format("%,d", size)
                  + " bytes; the limit is "
                  + String.format("%,d", MAX_SHARED_STRINGS_BYTES)
                  + " (export as CSV instead)");
        }
      }
      if (total > limits.maxExpandedBytes()) {
        throw new IngestException(
            IngestException.SOURCE_TOO_LARGE,
            file
                + " expands to "
                + String.format("%,d", total)
                + " bytes; the limit is "
                + String.format("%,d", limits.maxExpandedBytes()));
      }
    } catch (IOException e) {
      throw new IngestException(
          IngestException.SOURCE_MALFORMED,
          file + " is not a readable XLSX workbook (not a zip archive)",
          e);
    }
  }

  private static boolean isBomb(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("Zip bomb")) {
        return true;
      }
    }
    return false;
  }

  /** Turns SAX row and cell events into source rows. */
  private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final String file;
    private final int headerRow;
    private final SourceLimits limits;
    private final RowSink sink;
    private final List<String> cells = new ArrayList<>();
    private int row;
    private boolean headerSeen;

    Rows(String file, int headerRow, SourceLimits limits, RowSink sink) {
      this.file = file;
      this.headerRow = headerRow;
      this.limits = limits;
      this.sink = sink;
    }

    @Override
    public void startRow(int rowNum) {
      row = rowNum + 1;
      cells.clear();
    }

    @Override
    public void cell(String reference, String value, XSSFComment comment) {
      int col = reference == null ? cells.size() : new CellReference(reference).getCol();
      if (col >= limits.maxColumns()) {
        throw new IngestException(
            IngestException.SOURCE_TOO_LARGE,
            file + " row " + row + " has more than " + limits.maxColumns() + " columns");
      }
      if (value != null && value.length() > limits.maxCellChars()) {
        throw new IngestException(
            IngestException.SOURCE_TOO_LARGE,
            file + " row " + row + " has a cell longer than " + limits.maxCellChars() + " chars");
      }
      while (cells.size() < col) {
        cells.add("");
      }
      if (col < cells.size()) {
        cells.set(col, value == null ? "" : value);
      } else {
        cells.add(value == null ? "" : value);
      }
    }

    @Override
    public void endRow(int rowNum) {
      if (row < headerRow) {
        return;
      }
      if (row == headerRow) {
        List<String> names = new ArrayList<>(cells.size());
        for (String c : cells) {
          names.add(Text.normalise(c));
        }
        sink.header(names);
        headerSeen = true;
        return;
      }
      if (!headerSeen) {
        throw new IngestException(
            IngestException.SOURCE_HEADER,
            file + " has no header on row " + headerRow + " (the first row is " + row + ")");
      }
      sink.row(new SourceRow(row, cells.toArray(new String[0])));
    }

    void finish() {
      if (!headerSeen) {
        throw new IngestException(
            IngestException.SOURCE_HEADER, file + " has no header on row " + headerRow);
      }
    }
  }

  /** Formats date cells as ISO dates, so that mappings read them with {@code yyyy-MM-dd}. */
  private static final class IsoDates extends DataFormatter {
    @Override
    public String formatRawCellContents(
        double value, int formatIndex, String formatString, boolean use1904Windowing) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
      }
      return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
    }
  }
}
