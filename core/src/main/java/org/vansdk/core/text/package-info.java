/** Text tagged with its language, for anything that may be shown to people in another country. */
package org.vansdk.core.text;
