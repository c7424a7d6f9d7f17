/**
 * Small-cell protection of aggregate tables: a {@link org.vansdk.anonymisation.table.CountTable} of
 * counts with row, column and grand totals goes in, a {@link
 * org.vansdk.anonymisation.table.ProtectedTable} with each cell and margin flagged published,
 * primary-suppressed (a small count) or secondary-suppressed (hidden so a small count cannot be
 * recovered from the totals) comes out.
 */
@NullMarked
package org.vansdk.anonymisation.table;

import org.jspecify.annotations.NullMarked;
