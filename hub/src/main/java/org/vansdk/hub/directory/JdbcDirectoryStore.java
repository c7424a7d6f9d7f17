package org.vansdk.hub.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.vansdk.core.directory.Organisation;
import org.vansdk.core.directory.ServiceLocation;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.ServiceId;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.need.ServiceType;
import org.vansdk.core.place.AdminArea;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.text.LocalizedText;
import org.vansdk.hub.web.HubException;

/**
 * The directory in the hub's database (tables of migration V20): each record as the SDK's canonical
 * JSON, with search columns derived from it. Each change is one transaction: a registration
 * replaces the record and its service types and areas together, or nothing. Thread-safe (each call
 * takes its own connection).
 */
final class JdbcDirectoryStore {
  private static final VanJson JSON = VanJson.strict();
  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;

  JdbcDirectoryStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The country an organisation is registered in, if it is. */
  Optional<CountryCode> organisationCountry(OrganisationId id) {
    return run(c -> country(c, "directory_organisation", id.value()));
  }

  /** The country a service is registered in, if it is. */
  Optional<CountryCode> serviceCountry(ServiceId id) {
    return run(c -> country(c, "directory_service", id.value()));
  }

  /**
   * Registers or replaces an organisation.
   *
   * @return true if it was new
   */
  boolean putOrganisation(Organisation o, Instant now) {
    String document = JSON.write(o);
    String search = searchText(o.name());
    return inTransaction(
        c -> {
          int updated =
              update(
                  c,
                  "UPDATE directory_organisation SET country = ?, search_text = ?, document = ?,"
                      + " updated_at = ? WHERE id = ?",
                  o.country().code(),
                  search,
                  document,
                  Timestamp.from(now),
                  o.id().value());
          if (updated == 0) {
            update(
                c,
                "INSERT INTO directory_organisation (id, country, search_text, document, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?)",
                o.id().value(),
                o.country().code(),
                search,
                document,
                Timestamp.from(now));
          }
          return updated == 0;
        });
  }

  /**
   * Registers or replaces a service with its locations, service types and areas.
   *
   * @param country the country of the service (its organisation's)
   * @return true if it was new
   */
  boolean putService(ServiceEntry entry, CountryCode country, Instant now) {
    String id = entry.service().id().value();
    String document = JSON.write(entry);
    String search = searchText(entry.service().name());
    return inTransaction(
        c -> {
          int updated =
              update(
                  c,
                  "UPDATE directory_service SET organisation_id = ?, country = ?, search_text = ?,"
                      + " document = ?, updated_at = ? WHERE id = ?",
                  entry.service().organisationId().value(),
                  country.code(),
                  search,
                  document,
                  Timestamp.from(now),
                  id);
          if (updated == 0) {
            update(
                c,
                "INSERT INTO directory_service"
                    + " (id, organisation_id, country, search_text, document, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)",
                id,
                entry.service().organisationId().value(),
                country.code(),
                search,
                document,
                Timestamp.from(now));
          }
          update(c, "DELETE FROM directory_service_type WHERE service_id = ?", id);
          update(c, "DELETE FROM directory_service_area WHERE service_id = ?", id);
          for (ServiceType t : new LinkedHashSet<>(entry.service().serviceTypes())) {
            update(
                c,
                "INSERT INTO directory_service_type (service_id, service_type) VALUES (?, ?)",
                id,
                t.code());
          }
          for (String pCode : areas(entry)) {
            update(
                c,
                "INSERT INTO directory_service_area (service_id, p_code) VALUES (?, ?)",
                id,
                pCode);
          }
          return updated == 0;
        });
  }

  /** Removes a service; returns whether there was one. */
  boolean deleteService(ServiceId id) {
    return inTransaction(
        c -> update(c, "DELETE FROM directory_service WHERE id = ?", id.value()) > 0);
  }

  /**
   * Removes an organisation that has no services; returns whether there was one.
   *
   * @throws HubException 409 if services of it are registered
   */
  boolean deleteOrganisation(OrganisationId id) {
    return inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT COUNT(*) FROM directory_service WHERE organisation_id = ?")) {
            s.setString(1, id.value());
            try (ResultSet r = s.executeQuery()) {
              r.next();
              if (r.getLong(1) > 0) {
                throw new HubException(
                    409,
                    DirectoryErrors.ORGANISATION_IN_USE,
                    "organisation "
                        + id.value()
                        + " still has registered services; remove them first");
              }
            }
          }
          return update(c, "DELETE FROM directory_organisation WHERE id = ?", id.value()) > 0;
        });
  }

  /** An organisation by id. */
  Optional<Organisation> organisation(OrganisationId id) {
    return run(
        c -> {
          List<String> docs =
              strings(c, "SELECT document FROM directory_organisation WHERE id = ?", id.value());
          return docs.stream().findFirst().map(d -> JSON.read(d, Organisation.class));
        });
  }

  /** A service with its locations by id. */
  Optional<ServiceEntry> service(ServiceId id) {
    return run(
        c -> {
          List<String> docs =
              strings(c, "SELECT document FROM directory_service WHERE id = ?", id.value());
          return docs.stream().findFirst().map(d -> JSON.read(d, ServiceEntry.class));
        });
  }

  /**
   * The services matching a search, with their organisations, by country then id; at most {@code
   * query.limit() + 1}, so that the caller can tell the list was cut.
   */
  List<ServiceListing> search(DirectoryQuery query) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT o.document, s.document FROM directory_service s"
                + " JOIN directory_organisation o ON o.id = s.organisation_id WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    query
        .country()
        .ifPresent(
            country -> {
              sql.append(" AND s.country = ?");
              args.add(country.code());
            });
    query
        .serviceType()
        .ifPresent(
            t -> {
              sql.append(
                  " AND EXISTS (SELECT 1 FROM directory_service_type t"
                      + " WHERE t.service_id = s.id AND t.service_type = ?)");
              args.add(t.code());
            });
    query
        .area()
        .ifPresent(
            area -> {
              // P-codes nest by prefix: a service covering KH01 serves KH0102, and one covering
              // KH0102 is found under KH01. P-codes hold no LIKE wildcards (checked on input).
              sql.append(
                  " AND EXISTS (SELECT 1 FROM directory_service_area a WHERE a.service_id = s.id"
                      + " AND (a.p_code LIKE ? OR ? LIKE a.p_code || '%'))");
              args.add(area + "%");
              args.add(area);
            });
    query
        .text()
        .ifPresent(
            text -> {
              sql.append(
                  " AND (s.search_text LIKE ? ESCAPE '!' OR o.search_text LIKE ? ESCAPE '!')");
              String pattern = "%" + escapeLike(text) + "%";
              args.add(pattern);
              args.add(pattern);
            });
    sql.append(" ORDER BY s.country, s.id FETCH FIRST ? ROWS ONLY");
    args.add(query.limit() + 1);
    return run(
        c -> {
          List<ServiceListing> listings = new ArrayList<>();
          try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            bind(s, args.toArray());
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                listings.add(
                    new ServiceListing(
                        JSON.read(r.getString(1), Organisation.class),
                        JSON.read(r.getString(2), ServiceEntry.class)));
              }
            }
          }
          return listings;
        });
  }

  /** Every organisation (of a country, if given), by id. */
  List<Organisation> organisations(Optional<CountryCode> country) {
    return run(
        c ->
            documents(c, "directory_organisation", country).stream()
                .map(d -> JSON.read(d, Organisation.class))
                .toList());
  }

  /** Every service with its locations (of a country, if given), by id. */
  List<ServiceEntry> services(Optional<CountryCode> country) {
    return run(
        c ->
            documents(c, "directory_service", country).stream()
                .map(d -> JSON.read(d, ServiceEntry.class))
                .toList());
  }

  /** Lower-case names in every language, one per line, for the text search. */
  static String searchText(List<LocalizedText> names) {
    StringBuilder sb = new StringBuilder();
    for (LocalizedText n : names) {
      sb.append(n.text().toLowerCase(Locale.ROOT)).append('\n');
    }
    return sb.length() > 20_000 ? sb.substring(0, 20_000) : sb.toString();
  }

  private static Set<String> areas(ServiceEntry entry) {
    Set<String> areas = new LinkedHashSet<>();
    for (ServiceLocation l : entry.locations()) {
      l.location().adminArea().map(AdminArea::pCode).ifPresent(areas::add);
      for (AdminArea a : l.areasCovered()) {
        areas.add(a.pCode());
      }
    }
    return areas;
  }

  private static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static List<String> documents(Connection c, String table, Optional<CountryCode> country)
      throws SQLException {
    return country.isPresent()
        ? strings(
            c,
            "SELECT document FROM " + table + " WHERE country = ? ORDER BY id",
            country.get().code())
        : strings(c, "SELECT document FROM " + table + " ORDER BY id");
  }

  private static Optional<CountryCode> country(Connection c, String table, String id)
      throws SQLException {
    return strings(c, "SELECT country FROM " + table + " WHERE id = ?", id).stream()
        .findFirst()
        .map(CountryCode::parse);
  }

  private static List<String> strings(Connection c, String sql, Object... args)
      throws SQLException {
    List<String> values = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          values.add(r.getString(1));
        }
      }
    }
    return values;
  }

  private static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      return s.executeUpdate();
    }
  }

  private static void bind(PreparedStatement s, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
  }

  /** Work on one connection. */
  @FunctionalInterface
  private interface Work<T> {
    T on(Connection c) throws SQLException;
  }

  private <T> T run(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.on(c);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /**
   * Runs a change in one transaction, once more if a concurrent registration of the same id made
   * the insert collide (the second attempt then updates).
   */
  private <T> T inTransaction(Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
          T result = work.on(c);
          c.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(auto);
        }
      } catch (SQLException e) {
        if (attempt == 1 && UNIQUE_VIOLATION.equals(e.getSQLState())) {
          continue;
        }
        throw failed(e);
      }
    }
  }

  private static HubException failed(SQLException e) {
    HubException failure =
        new HubException(
            503,
            DirectoryErrors.STORE_FAILED,
            "the directory's database failed (SQL state " + e.getSQLState() + "); nothing changed");
    failure.initCause(e);
    return failure;
  }
}
