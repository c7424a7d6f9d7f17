/**
 * Seeded randomness: a fast, fully specified generator whose sequence depends only on its seed, so
 * every generated record can be reproduced from the seed printed in a failing test.
 */
@NullMarked
package org.vansdk.testkit.random;

import org.jspecify.annotations.NullMarked;
