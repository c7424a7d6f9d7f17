/**
 * The service directory: organisations, services and service locations, shaped after Open Referral
 * HSDS 3.0.
 */
@NullMarked
package org.vansdk.core.directory;

import org.jspecify.annotations.NullMarked;
