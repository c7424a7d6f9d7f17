/** Export benchmarks: the time to write 100,000 records in each format of the exchange module. */
package org.vansdk.benchmarks.exchange;
