/**
 * Audits of published tables from the reader's side: a linear programme that bounds what a reader
 * can infer about a suppressed count from everything published beside it.
 */
@NullMarked
package org.vansdk.testkit.audit;

import org.jspecify.annotations.NullMarked;
