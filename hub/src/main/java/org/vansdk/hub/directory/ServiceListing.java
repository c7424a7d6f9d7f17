package org.vansdk.hub.directory;

import org.vansdk.core.directory.Organisation;

/**
 * One result of a directory search: a registered service with its locations and the organisation
 * that provides it.
 *
 * @param organisation the providing organisation
 * @param entry the service and its locations
 */
record ServiceListing(Organisation organisation, ServiceEntry entry) {}
