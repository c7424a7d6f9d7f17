/**
 * The {@code van} command: one sub-command per task (validate, generate, anonymise, indicators,
 * schemas, demo), with exit codes 0 (ok), 1 (input has problems) and 2 (usage or internal error).
 */
package org.vansdk.cli;
