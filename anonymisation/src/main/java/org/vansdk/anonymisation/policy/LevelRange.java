package org.vansdk.anonymisation.policy;

/**
 * The generalisation levels a quasi-identifier may take.
 *
 * @param min the lowest level, at least 0
 * @param max the highest level, at least {@code min}
 * @since 1.0
 */
public record LevelRange(int min, int max) {}
