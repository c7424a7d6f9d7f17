/**
 * The mapping document as read: its model (source, records, keys, value specifications), the table
 * of importable canonical fields, and the strict reader that checks every key and value.
 */
package org.vansdk.ingest.mapping;
