package org.vansdk.testkit.profile;

import java.util.List;

/**
 * An organisation of the country's victim-assistance network as listed in a profile, with the
 * service types it offers. Some are real organisations (public names only), some synthetic, marked
 * in their name. Immutable and thread-safe.
 *
 * @since 1.0
 */
public final class ProfileOrganisation {
  private final String code;
  private final String name;
  private final String type;
  private final List<String> serviceTypes;

  ProfileOrganisation(String code, String name, String type, List<String> serviceTypes) {
    this.code = code;
    this.name = name;
    this.type = type;
    this.serviceTypes = List.copyOf(serviceTypes);
  }

  /** Returns the organisation code used in record ids, e.g. {@code CMAA}. */
  public String code() {
    return code;
  }

  /** Returns the English name. */
  public String name() {
    return name;
  }

  /** Returns the organisation type code, e.g. {@code national_ngo}. */
  public String type() {
    return type;
  }

  /** Returns the service type codes it offers; empty for a referrer only. */
  public List<String> serviceTypes() {
    return serviceTypes;
  }
}
