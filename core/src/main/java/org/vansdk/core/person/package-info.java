/** People: the persons known to the network, their sex, displacement status and contact details. */
package org.vansdk.core.person;
