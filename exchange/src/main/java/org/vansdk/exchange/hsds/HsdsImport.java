package org.vansdk.exchange.hsds;

import java.util.List;
import org.immutables.value.Value;
import org.vansdk.core.VanStyle;
import org.vansdk.core.directory.Organisation;
import org.vansdk.core.directory.Service;
import org.vansdk.core.directory.ServiceLocation;

/**
 * What an HSDS import produced: the records, and an issue for every record left out or part of one
 * not imported (with the JSON Pointer of the place in the HSDS document).
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
public abstract class HsdsImport {
  /** Returns the organisations. */
  public abstract List<Organisation> organisations();

  /** Returns the services. */
  public abstract List<Service> services();

  /** Returns the service locations. */
  public abstract List<ServiceLocation> serviceLocations();

  /** Returns the problems found, in document order. */
  public abstract List<Issue> issues();

  /** Returns whether any record was left out. */
  public boolean hasErrors() {
    return issues().stream().anyMatch(i -> i.severity() == Severity.ERROR);
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link HsdsImport}. */
  public static final class Builder extends ImmutableHsdsImport.Builder {}

  /** How bad an issue is. */
  public enum Severity {
    /** The record at the pointer was not imported. */
    ERROR,
    /** The record was imported, without the HSDS field at the pointer (we have no place for it). */
    NOT_IMPORTED
  }

  /**
   * One problem of an import.
   *
   * @param pointer JSON Pointer of the place in the HSDS document
   * @param severity how bad it is
   * @param message what was wrong and what is allowed; never a personal value
   */
  public record Issue(String pointer, Severity severity, String message) {}
}
