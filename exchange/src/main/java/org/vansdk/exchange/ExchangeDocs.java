package org.vansdk.exchange;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vansdk.exchange.hsds.HsdsExporter;
import org.vansdk.exchange.sdmx.AdxCategories;
import org.vansdk.exchange.sheet.RecordTables;
import org.vansdk.exchange.treaty.TreatyTables;

/**
 * The generated reference of the exports: one Markdown page per format listing every field mapping,
 * written by {@code van docs} under {@code docs/exchange/}. Stateless and thread-safe.
 *
 * @since 1.0
 */
public final class ExchangeDocs {
  private ExchangeDocs() {}

  /** Every page, by its path below the documentation folder, in a stable order. */
  public static Map<String, String> pages() {
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("exchange/hsds.md", HsdsExporter.markdown());
    pages.put("exchange/sdmx-adx.md", AdxCategories.markdown());
    pages.put("exchange/treaty-tables.md", TreatyTables.markdown());
    pages.put("exchange/records-tables.md", RecordTables.markdown());
    return pages;
  }
}
