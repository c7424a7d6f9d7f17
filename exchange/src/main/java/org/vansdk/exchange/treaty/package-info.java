/**
 * The victim-assistance tables states report to the Mine Ban Treaty (Article 7 Form J), the
 * Convention on Cluster Munitions (Article 7) and the Landmine Monitor, computed from the
 * indicators with small cells withheld, labelled in the network's six languages, written as CSV and
 * XLSX.
 */
package org.vansdk.exchange.treaty;
