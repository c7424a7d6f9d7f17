package org.vansdk.hub.submission;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.vansdk.core.place.CountryCode;
import org.vansdk.exchange.ExchangeException;
import org.vansdk.exchange.sdmx.SdmxCsvReader;
import org.vansdk.indicators.catalogue.Dimension;
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.indicators.table.Observation;
import org.vansdk.schema.validation.IssueCode;

/**
 * Reads an indicator table submission: SDMX-CSV 2.0 of the indicator dataflow as the indicators
 * module writes it, read strictly by the exchange module, every row of the focal point's country
 * ({@code REF_AREA} the country itself, or no country). A table is small (one row per published
 * cell), so it is read whole, within the body limit. Stateless.
 */
final class TableReader {
  private static final Pattern ROW = Pattern.compile("SDMX-CSV row (\\d+),");

  private TableReader() {}

  /**
   * Reads the table and, if every row is accepted, hands it to the sink as line 0.
   *
   * @throws org.vansdk.hub.web.HubException {@code VAN-H-0102} or {@code VAN-H-0103} if the body
   *     did not arrive whole or is too large
   */
  static Receipt read(
      String submission,
      boolean dryRun,
      String country,
      Body body,
      Optional<SubmissionStore.Upload> sink) {
    byte[] bytes;
    try {
      bytes = body.readAllBytes();
    } catch (IOException e) {
      throw body.refusal(e);
    }
    body.checkComplete();
    List<Receipt.Issue> issues = new ArrayList<>();
    long imported = 0;
    @Nullable String text = null;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      issues.add(new Receipt.Issue(0, "", IssueCode.INVALID_ENCODING.code(), true));
    }
    if (text != null) {
      try {
        IndicatorTable table =
            SdmxCsvReader.read(new StringReader(text), CountryCode.parse(country));
        List<Observation> rows = table.observations();
        for (int i = 0; i < rows.size(); i++) {
          String other = rows.get(i).dimensions().get(Dimension.COUNTRY);
          if (other != null && !other.equals(country)) {
            // row 1 is the header
            issues.add(new Receipt.Issue(i + 2, "", SubmissionErrors.OTHER_COUNTRY.value(), true));
          }
        }
        imported = rows.size();
        if (rows.isEmpty()) {
          issues.add(new Receipt.Issue(0, "", SubmissionErrors.EMPTY.value(), true));
        }
      } catch (ExchangeException e) {
        Matcher row = ROW.matcher(e.getMessage() == null ? "" : e.getMessage());
        issues.add(
            new Receipt.Issue(
                row.find() ? Long.parseLong(row.group(1)) : 0, "", e.code().value(), true));
      }
    }
    long rejected = issues.size();
    boolean ok = rejected == 0;
    Receipt receipt =
        new Receipt(
            submission,
            country,
            Receipt.Kind.INDICATOR_TABLE,
            dryRun,
            ok ? Receipt.Status.OK : Receipt.Status.ERROR,
            body.hash(),
            new Receipt.Counts(ok ? imported : 0, 0, 0, rejected),
            issues.size() > Receipt.MAX_ISSUES ? issues.subList(0, Receipt.MAX_ISSUES) : issues,
            issues.size() > Receipt.MAX_ISSUES);
    if (ok && sink.isPresent() && text != null) {
      sink.get().write(0, Optional.empty(), Optional.empty(), text);
    }
    return receipt;
  }
}
