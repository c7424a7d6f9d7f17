/** People: the persons known to the network, their sex, displacement status and contact details. */
@NullMarked
package org.vansdk.core.person;

import org.jspecify.annotations.NullMarked;
