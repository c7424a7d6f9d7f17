/** Quality-of-life surveys (CMAA-style QLS). */
package org.vansdk.core.qls;
