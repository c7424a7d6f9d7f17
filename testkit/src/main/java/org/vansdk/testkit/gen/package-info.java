/**
 * Seeded generators for tests: {@link org.vansdk.testkit.gen.VanGen} returns a valid value of every
 * model type and code list from a seed, covering realistic and edge cases across seeds.
 */
@NullMarked
package org.vansdk.testkit.gen;

import org.jspecify.annotations.NullMarked;
