/**
 * The service directory: organisations, services and service locations, shaped after Open Referral
 * HSDS 3.0.
 */
package org.vansdk.core.directory;
