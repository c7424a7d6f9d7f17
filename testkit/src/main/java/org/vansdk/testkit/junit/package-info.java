/**
 * JUnit 5 helpers for property tests over seeds: fixed, reproducible seeds by default, one seed
 * replayed with {@code -Dvan.seed}, and every failure reported with its seed. JUnit Jupiter is an
 * optional dependency of the testkit; these classes need it on the test class path.
 */
@NullMarked
package org.vansdk.testkit.junit;

import org.jspecify.annotations.NullMarked;
