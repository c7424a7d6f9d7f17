/** Service deliveries: the assistance survivors actually received. */
package org.vansdk.core.delivery;
