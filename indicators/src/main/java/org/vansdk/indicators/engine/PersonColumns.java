package org.vansdk.indicators.engine;

import java.util.Arrays;
import org.vansdk.core.delivery.ServiceDelivery;
import org.vansdk.core.functioning.WgSsIdentifiers;
import org.vansdk.core.internal.StringIndex;
import org.vansdk.core.need.Need;
import org.vansdk.core.need.NeedStatus;
import org.vansdk.core.need.NeedsAssessment;
import org.vansdk.core.person.Sex;
import org.vansdk.core.time.PartialDate;

/**
 * What the indicators need per person, one slot per person id in the order ids are first seen: sex,
 * the latest WG-SS identifiers and needs assessment by the end of the period, and a bit mask of the
 * pillars delivered in the period. A person's assessments may come before the person in a stream,
 * so any record naming a person id gives it a slot. Not thread-safe.
 */
final class PersonColumns {
  private final long startDay;
  private final long endDay;
  private final StringIndex index = new StringIndex();
  byte[] sex = new byte[1024];
  int[] wgDay = new int[1024];
  private String[] wgId = new String[1024];
  int[] wgIdentifiers = new int[1024];
  int[] needsDay = new int[1024];
  private String[] needsId = new String[1024];
  int[][] needsByPillar = new int[1024][];
  byte[] deliveredPillars = new byte[1024];
  private int size;

  PersonColumns(long startDay, long endDay) {
    this.startDay = startDay;
    this.endDay = endDay;
  }

  /** The slot of a person id, a new one (sex unknown, nothing assessed) if unseen. */
  int slot(String id) {
    int i = index.intern(id);
    if (i < size) {
      return i;
    }
    size++;
    if (i == sex.length) {
      int n = i * 2;
      sex = Arrays.copyOf(sex, n);
      wgDay = Arrays.copyOf(wgDay, n);
      wgId = Arrays.copyOf(wgId, n);
      wgIdentifiers = Arrays.copyOf(wgIdentifiers, n);
      needsDay = Arrays.copyOf(needsDay, n);
      needsId = Arrays.copyOf(needsId, n);
      needsByPillar = Arrays.copyOf(needsByPillar, n);
      deliveredPillars = Arrays.copyOf(deliveredPillars, n);
    }
    sex[i] = (byte) Sex.UNKNOWN.ordinal();
    wgDay[i] = Dataset.UNKNOWN_DAY;
    needsDay[i] = Dataset.UNKNOWN_DAY;
    return i;
  }

  /** A person's sex (ordinal of {@link Sex}). */
  void person(String id, int sexOrdinal) {
    // Resolve the slot first: slot(...) may grow (replace) the arrays.
    int i = slot(id);
    sex[i] = (byte) sexOrdinal;
  }

  /** A functioning assessment: the person's latest by the end of the period is kept. */
  void functioning(String personId, String id, PartialDate date, WgSsIdentifiers w) {
    int day = (int) date.earliest().toEpochDay();
    if (day > endDay) {
      return;
    }
    int p = slot(personId);
    if (isLater(day, id, wgDay[p], wgId[p])) {
      wgDay[p] = day;
      wgId[p] = id;
      wgIdentifiers[p] =
          w.disability1().ordinal()
              | w.disability2().ordinal() << 2
              | w.disability3().ordinal() << 4
              | w.disability4().ordinal() << 6;
    }
  }

  /** A needs assessment: the person's latest by the end of the period is kept, as counts. */
  void needs(NeedsAssessment a) {
    int day = (int) a.date().earliest().toEpochDay();
    if (day > endDay) {
      return;
    }
    int p = slot(a.personId().value());
    String id = a.id().value();
    if (isLater(day, id, needsDay[p], needsId[p])) {
      needsDay[p] = day;
      needsId[p] = id;
      int[] counts = new int[14];
      for (Need n : a.needs()) {
        int pillar = n.serviceType().pillar().ordinal();
        counts[pillar * 2]++;
        if (n.status() != NeedStatus.MET) {
          counts[pillar * 2 + 1]++;
        }
      }
      needsByPillar[p] = counts;
    }
  }

  /** A service delivery: its pillar is marked when the delivery overlaps the period. */
  void delivery(ServiceDelivery d) {
    long start = d.startDate().earliest().toEpochDay();
    long end = d.endDate().map(e -> e.earliest().toEpochDay()).orElse(Long.MAX_VALUE);
    if (start <= endDay && end >= startDay) {
      int p = slot(d.personId().value());
      deliveredPillars[p] |= (byte) (1 << d.serviceType().pillar().ordinal());
    }
  }

  private static boolean isLater(int day, String id, int bestDay, String bestId) {
    return bestDay == Dataset.UNKNOWN_DAY
        || day > bestDay
        || (day == bestDay && id.compareTo(bestId) > 0);
  }
}
