/**
 * Country profiles: the published shape of each affected country's mine/ERW casualties (shares of
 * sex and age, outcome, device, civilian status, activity, amputation, incident years, provinces
 * with P-codes) read strictly from adjustable JSON files bundled beside these classes, each share
 * citing the public figure it follows. The generators draw their records from these profiles.
 */
@NullMarked
package org.vansdk.testkit.profile;

import org.jspecify.annotations.NullMarked;
