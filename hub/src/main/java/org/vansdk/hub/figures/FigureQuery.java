package org.vansdk.hub.figures;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.vansdk.hub.web.HubException;
import org.vansdk.hub.web.HubRequest;
import org.vansdk.indicators.catalogue.Dimension;
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.indicators.table.Observation;

/**
 * The filters of a figures request, read strictly: {@code country} (ISO 3166-1 alpha-3, upper case)
 * and {@code year} (four digits), each at most once; any other parameter is refused, named. A
 * filter keeps the observations disaggregated by that dimension with that value. Immutable.
 *
 * @param country the country asked for, if any
 * @param year the year asked for, if any
 */
record FigureQuery(Optional<String> country, Optional<String> year) {
  private static final Set<String> ALLOWED = Set.of("country", "year");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{3}");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");

  /**
   * Reads the query of a request.
   *
   * @throws HubException {@code VAN-H-0150} naming the parameter that is unknown, repeated or
   *     malformed
   */
  static FigureQuery parse(HubRequest request) {
    Map<String, String> parameters = request.parameters(ALLOWED, FigureErrors.BAD_QUERY);
    return new FigureQuery(
        value(parameters, "country", COUNTRY, "an ISO 3166-1 alpha-3 code such as KHM"),
        value(parameters, "year", YEAR, "a year of four digits such as 2024"));
  }

  private static Optional<String> value(
      Map<String, String> parameters, String name, Pattern form, String allowed) {
    String v = parameters.get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (!form.matcher(v).matches()) {
      throw bad("query parameter " + name + " must be " + allowed);
    }
    return Optional.of(v);
  }

  private static HubException bad(String message) {
    return new HubException(400, FigureErrors.BAD_QUERY, message);
  }

  /** The observations of the table that pass the filters. */
  IndicatorTable filter(IndicatorTable table) {
    if (country.isEmpty() && year.isEmpty()) {
      return table;
    }
    List<Observation> kept =
        table.observations().stream()
            .filter(o -> matches(o, Dimension.COUNTRY, country))
            .filter(o -> matches(o, Dimension.YEAR, year))
            .collect(Collectors.toList());
    return IndicatorTable.of(table.period(), kept);
  }

  private static boolean matches(Observation o, Dimension d, Optional<String> wanted) {
    return wanted.isEmpty() || wanted.get().equals(o.dimensions().get(d));
  }
}
