/**
 * Functioning: Washington Group Short Set assessments and the disability identifiers derived from
 * them.
 */
package org.vansdk.core.functioning;
