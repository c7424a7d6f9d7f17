/**
 * Generalisation hierarchies as data: each leaf value with its ancestors level by level, up to a
 * single root (usually {@code *}). Hierarchies are parsed from ARX-style CSV files or built for the
 * victim-assistance attributes (age, partial dates, P-code places, device, activity, sex); a value
 * outside its hierarchy is an explicit error, never a silent {@code *}.
 */
@NullMarked
package org.vansdk.anonymisation.hierarchy;

import org.jspecify.annotations.NullMarked;
