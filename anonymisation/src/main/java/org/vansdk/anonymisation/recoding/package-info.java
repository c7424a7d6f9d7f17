/**
 * Local recoding: different generalisations for different groups of records. The records are
 * partitioned by a quasi-identifier at a level (e.g. province), and each partition gets its own
 * optimal full-domain generalisation, so dense partitions keep detail that a single global
 * generalisation would give up for the sake of sparse ones.
 */
package org.vansdk.anonymisation.recoding;
