/**
 * Generalisation under privacy models, full-domain (global) and local: an integer-encoded {@link
 * org.vansdk.anonymisation.search.Dataset}, privacy models (k-anonymity and the l-diversity
 * variants), information-loss models (ARX's Loss, precision) and the {@link
 * org.vansdk.anonymisation.search.FullDomainSearch} that finds the transformation of least loss in
 * the generalisation lattice, pruning by a lower bound of the loss and by monotonicity of the
 * privacy model, and computing each transformation's equivalence classes by rolling up those of a
 * finer one; and {@link org.vansdk.anonymisation.search.LocalRecoding}, which starts from that
 * optimum and specialises classes one hierarchy level at a time, so different classes keep
 * different levels and the loss is never above the global optimum's.
 */
package org.vansdk.anonymisation.search;
