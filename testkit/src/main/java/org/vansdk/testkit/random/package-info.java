/**
 * Seeded randomness: a fast, fully specified generator whose sequence depends only on its seed, so
 * every generated record can be reproduced from the seed printed in a failing test.
 */
package org.vansdk.testkit.random;
