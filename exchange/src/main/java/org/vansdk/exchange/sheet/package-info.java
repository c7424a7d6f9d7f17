/**
 * Tables for people who work in spreadsheets: records as one table per record type with labelled
 * columns in a chosen language, and the streaming CSV and XLSX writers every table of this module
 * goes through.
 */
package org.vansdk.exchange.sheet;
