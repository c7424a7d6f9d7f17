package org.vansdk.referral.node;

import java.util.Optional;
import org.vansdk.core.id.ServiceId;

/**
 * Where a node looks up the services it may refer to (an HSDS-shaped directory in production).
 * Implementations must be thread-safe.
 */
public interface ServiceDirectory {

  /** The service, if the directory lists it. */
  Optional<DirectoryEntry> find(ServiceId service);
}
