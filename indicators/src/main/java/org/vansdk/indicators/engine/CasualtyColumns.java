package org.vansdk.indicators.engine;

import java.util.Arrays;

/**
 * The casualties as read, one row each in stream order: the person and incident slots and small
 * codes (about 40 bytes a row), kept until {@link Dataset#join()} because in a stream a casualty's
 * person, incident and assessments may come after it. Not thread-safe.
 */
final class CasualtyColumns {
  int[] person = new int[1024];
  int[] incident = new int[1024];
  byte[] outcome = new byte[1024];
  byte[] civilian = new byte[1024];
  byte[] age = new byte[1024];
  byte[] riskEducation = new byte[1024];
  boolean[] amputation = new boolean[1024];
  int[] died = new int[1024];
  int size;

  /**
   * Adds a casualty: its person and incident slots, the ordinals of its outcome, civilian status
   * and prior risk education, its age ({@code -1} if unknown), whether it has an amputation and the
   * earliest day of its death ({@link Dataset#NO_DAY} if none).
   */
  void add(
      int personSlot,
      int incidentSlot,
      int outcomeOrdinal,
      int civilianOrdinal,
      int years,
      int riskEducationOrdinal,
      boolean amputated,
      int diedDay) {
    int i = size++;
    if (i == person.length) {
      int n = i * 2;
      person = Arrays.copyOf(person, n);
      incident = Arrays.copyOf(incident, n);
      outcome = Arrays.copyOf(outcome, n);
      civilian = Arrays.copyOf(civilian, n);
      age = Arrays.copyOf(age, n);
      riskEducation = Arrays.copyOf(riskEducation, n);
      amputation = Arrays.copyOf(amputation, n);
      died = Arrays.copyOf(died, n);
    }
    person[i] = personSlot;
    incident[i] = incidentSlot;
    outcome[i] = (byte) outcomeOrdinal;
    civilian[i] = (byte) civilianOrdinal;
    age[i] = (byte) years;
    riskEducation[i] = (byte) riskEducationOrdinal;
    amputation[i] = amputated;
    died[i] = diedDay;
  }
}
