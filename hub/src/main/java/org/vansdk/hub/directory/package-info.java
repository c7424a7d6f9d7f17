/**
 * The hub's service directory: organisations and services registered by national focal points for
 * their own country, stored in the hub's database, searched by country, service type, area and
 * name, and exported as Open Referral HSDS 3.0 ({@link org.vansdk.hub.directory.DirectoryFeature}).
 */
@NullMarked
package org.vansdk.hub.directory;

import org.jspecify.annotations.NullMarked;
