package org.vansdk.anonymisation.profile;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.vansdk.anonymisation.search.LocalRecodingResult;
import org.vansdk.core.casualty.ActivityGroup;
import org.vansdk.core.deidentified.DeidentifiedCasualty;
import org.vansdk.core.incident.DeviceCategory;
import org.vansdk.core.person.Sex;
import org.vansdk.core.place.AdminArea;
import org.vansdk.core.time.PartialDate;

/**
 * Turns one kept casualty and its generalisation levels into a {@link DeidentifiedCasualty}. A
 * level the record format cannot show exactly is shown coarser (a quarter as its year, an ERW
 * device group as absent), which only merges released classes. Immutable.
 */
final class Deidentification {
  private static final Pattern AGE_BAND = Pattern.compile(DeidentifiedCasualty.AGE_BAND_PATTERN);
  private static final Pattern MONTH_OR_YEAR = Pattern.compile("\\d{4}(-\\d{2})?");
  private static final Pattern STARTS_WITH_YEAR = Pattern.compile("\\d{4}.*");

  private static final int PLACE = 2;
  private static final int COUNTRY = 3;

  private final CasualtyTable table;
  private final @Nullable LocalRecodingResult result; // null when there is no casualty

  Deidentification(CasualtyTable table, @Nullable LocalRecodingResult result) {
    this.table = table;
    this.result = result;
  }

  DeidentifiedCasualty record(int i) {
    DeidentifiedCasualty.Builder b = DeidentifiedCasualty.builder();
    b.pseudonym(table.pseudonym(i));
    b.country(table.country(i));
    b.outcome(table.outcome(i));
    b.civilianStatus(table.civilianStatus(i));
    b.amputation(table.amputation(i));
    b.disability3(table.disability3(i));
    b.servicesReceived(table.services(i));
    if (result == null || result.isSuppressed(i)) {
      b.sex(Sex.UNKNOWN);
      return b.build();
    }
    b.sex(result.level(0, i) == 0 ? Sex.fromCode(result.releasedValue(0, i)) : Sex.UNKNOWN);
    String age = result.releasedValue(1, i);
    if (AGE_BAND.matcher(age).matches()) {
      b.ageBand(age);
    }
    String place = result.releasedValue(2, i);
    if (level(PLACE, i) <= 2) {
      b.adminArea(AdminArea.builder().pCode(place).level(1).build());
    }
    int dateLevel = result.level(3, i);
    String date = result.releasedValue(3, i);
    if (dateLevel == 1 && MONTH_OR_YEAR.matcher(date).matches()) {
      b.incidentPeriod(PartialDate.parse(date));
    } else if (dateLevel <= 3 && STARTS_WITH_YEAR.matcher(date).matches()) {
      b.incidentPeriod(PartialDate.ofYear(Integer.parseInt(date.substring(0, 4))));
    }
    int deviceLevel = result.level(4, i);
    String device = result.releasedValue(4, i);
    if (deviceLevel == 0) {
      b.deviceCategory(DeviceCategory.fromCode(device));
    } else if (deviceLevel == 1 && device.equals("mine")) {
      b.deviceCategory(DeviceCategory.UNSPECIFIED_MINE);
    }
    if (result.level(5, i) <= 1) {
      b.activityGroup(ActivityGroup.fromCode(result.releasedValue(5, i)));
    }
    int qi = 0;
    for (String attribute : DeidentifiedCasualty.LEVEL_NAMES.keySet()) {
      b.putLevels(attribute, level(qi++, i));
    }
    return b.build();
  }

  String pseudonym(int i) {
    return table.pseudonym(i);
  }

  boolean isSuppressed(int i) {
    return result == null || result.isSuppressed(i);
  }

  /**
   * The level at which a record is released; for place, an incident located only at its country
   * counts as released at country level (3) whatever its class, since no province is published.
   */
  int level(int qi, int i) {
    int level = result == null ? 0 : result.level(qi, i);
    return qi == PLACE && !table.hasProvince(i) ? Math.max(level, COUNTRY) : level;
  }
}
