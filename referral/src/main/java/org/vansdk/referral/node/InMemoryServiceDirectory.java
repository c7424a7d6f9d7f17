package org.vansdk.referral.node;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.vansdk.core.id.ServiceId;

/** A {@link ServiceDirectory} held in memory. Thread-safe. */
public final class InMemoryServiceDirectory implements ServiceDirectory {

  private final Map<ServiceId, DirectoryEntry> entries = new ConcurrentHashMap<>();

  /** Creates an empty directory. */
  public InMemoryServiceDirectory() {}

  /** Adds or replaces an entry; returns this directory. */
  public InMemoryServiceDirectory add(DirectoryEntry entry) {
    entries.put(entry.service(), entry);
    return this;
  }

  @Override
  public Optional<DirectoryEntry> find(ServiceId service) {
    return Optional.ofNullable(entries.get(service));
  }
}
