/**
 * Keyed pseudonyms: HMAC-SHA256 of a normalised identifier under a secret key chosen per purpose
 * and recipient, the key version carried in the token ({@code v2.} + Base32) so keys rotate and two
 * recipients cannot link their datasets. Keys come through a {@link
 * org.vansdk.anonymisation.pseudonym.KeyProvider} and never appear in output, logs or exceptions;
 * there is no unkeyed hashing and keys shorter than 256 bits are refused.
 */
@NullMarked
package org.vansdk.anonymisation.pseudonym;

import org.jspecify.annotations.NullMarked;
