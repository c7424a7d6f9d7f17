/**
 * The hub's database: a connection pool on H2 or PostgreSQL, migrated by Flyway from the migrations
 * every feature contributes under {@code org/vansdk/hub/db/migration}.
 */
@NullMarked
package org.vansdk.hub.store;

import org.jspecify.annotations.NullMarked;
