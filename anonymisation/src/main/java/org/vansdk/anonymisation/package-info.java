/**
 * Root of the anonymisation module: the module's unchecked exception and its stable error codes.
 * The concepts live in sub-packages: {@code hierarchy} (generalisation hierarchies as data), {@code
 * search} (encoded datasets, privacy and loss models, the optimal lattice search), and the
 * pseudonym, risk, policy, table and profile packages.
 */
@NullMarked
package org.vansdk.anonymisation;

import org.jspecify.annotations.NullMarked;
