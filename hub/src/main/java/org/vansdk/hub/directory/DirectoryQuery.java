package org.vansdk.hub.directory;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.vansdk.core.VanException;
import org.vansdk.core.need.ServiceType;
import org.vansdk.core.place.AdminArea;
import org.vansdk.core.place.CountryCode;
import org.vansdk.hub.web.HubException;
import org.vansdk.hub.web.HubRequest;

/**
 * A directory search as read, strictly, from the query string of {@code GET /van/v1/directory}:
 * every parameter optional, none repeated, none unknown.
 *
 * @param country the country of the services
 * @param serviceType a service type the service offers
 * @param area an administrative area (P-code) the service covers, by itself, an ancestor or a
 *     descendant
 * @param text words in the name of the service or its organisation, lower case
 * @param limit at most this many results
 */
record DirectoryQuery(
    Optional<CountryCode> country,
    Optional<ServiceType> serviceType,
    Optional<String> area,
    Optional<String> text,
    int limit) {

  /** The parameters a search takes. */
  static final Set<String> PARAMETERS = Set.of("country", "serviceType", "area", "q", "limit");

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 500;
  static final int MAX_TEXT = 100;

  private static final Pattern P_CODE = Pattern.compile(AdminArea.P_CODE_PATTERN);

  /**
   * Reads a search; anything unknown or malformed is a 400 naming the parameter.
   *
   * @param parameters the query's parameters as {@link org.vansdk.hub.web.HubRequest#parameters}
   *     read them against {@link #PARAMETERS}
   */
  static DirectoryQuery parse(Map<String, String> parameters) {
    Optional<CountryCode> country = Optional.empty();
    Optional<ServiceType> serviceType = Optional.empty();
    Optional<String> area = Optional.empty();
    Optional<String> text = Optional.empty();
    int limit = DEFAULT_LIMIT;
    String value = one(parameters, "country");
    if (!value.isEmpty()) {
      country = Optional.of(country(value));
    }
    value = one(parameters, "serviceType");
    if (!value.isEmpty()) {
      try {
        serviceType = Optional.of(ServiceType.fromCode(value));
      } catch (VanException e) {
        throw invalid("serviceType is not a service type code; see the core code list ServiceType");
      }
    }
    value = one(parameters, "area");
    if (!value.isEmpty()) {
      if (!P_CODE.matcher(value).matches()) {
        throw invalid("area must be a P-code such as KH01 (" + AdminArea.P_CODE_PATTERN + ")");
      }
      area = Optional.of(value);
    }
    value = one(parameters, "q").strip();
    if (value.length() > MAX_TEXT) {
      throw invalid("q is longer than " + MAX_TEXT + " characters");
    }
    if (!value.isEmpty()) {
      text = Optional.of(value.toLowerCase(Locale.ROOT));
    }
    value = one(parameters, "limit");
    if (!value.isEmpty()) {
      limit = limit(value);
    }
    return new DirectoryQuery(country, serviceType, area, text, limit);
  }

  /** The value of a parameter, empty if absent. */
  static String one(Map<String, String> parameters, String name) {
    return parameters.getOrDefault(name, "");
  }

  static CountryCode country(String value) {
    try {
      return CountryCode.parse(value);
    } catch (VanException e) {
      throw invalid("country must be an ISO 3166-1 alpha-3 code such as KHM");
    }
  }

  private static int limit(String value) {
    return (int)
        HubRequest.wholeNumber(value, "limit", 1, MAX_LIMIT, DirectoryErrors.INVALID_QUERY);
  }

  static HubException invalid(String message) {
    return new HubException(400, DirectoryErrors.INVALID_QUERY, message);
  }
}
