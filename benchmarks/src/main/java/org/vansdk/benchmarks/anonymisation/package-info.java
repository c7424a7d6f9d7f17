/**
 * JMH benchmarks of the anonymisation module: the optimal search on 1M-record victim-assistance
 * shaped data and on the Adult benchmark, and keyed pseudonyms per second.
 */
package org.vansdk.benchmarks.anonymisation;
