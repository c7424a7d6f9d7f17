/** The de-identified regional sharing profile produced by anonymisation. */
package org.vansdk.core.deidentified;
