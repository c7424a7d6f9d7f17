package org.vansdk.indicators.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vansdk.core.casualty.AgeGroup;
import org.vansdk.core.casualty.CivilianStatus;
import org.vansdk.core.casualty.Outcome;
import org.vansdk.core.code.YesNoUnknown;
import org.vansdk.core.person.Sex;
import org.vansdk.core.referral.AttemptStateTable;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.indicators.catalogue.Dimension;

/**
 * The accumulating kernel: one pass over a slice of the joined rows, adding each row to the cells
 * of every request. Cells of a slice are dense arrays indexed by a mixed-radix key over the
 * dimension codes, so memory depends on the number of cells, not rows; they are decoded into an
 * {@link Accumulation} at the end of the slice.
 */
final class Aggregation {
  /** Above this many cells a request is refused: the table would be unreadable anyway. */
  static final int MAX_CELLS = 1 << 22;

  private static final int CASUALTY = 0;
  private static final int INCIDENT = 1;
  private static final int ATTEMPT = 2;

  // Kernel numbers, so that the per-row switch is on an int rather than a string.
  private static final int CAS_01 = 0;
  private static final int CAS_02 = 1;
  private static final int CAS_03 = 2;
  private static final int CAS_04 = 3;
  private static final int CAS_05 = 4;
  private static final int CAS_06 = 5;
  private static final int CAS_07 = 6;
  private static final int CAS_08 = 7;
  private static final int CAS_09 = 8;
  private static final int CAS_10 = 9;
  private static final int SUR_01 = 10;
  private static final int SUR_02 = 11;
  private static final int NEED_01 = 12;
  private static final int NEED_02 = 13;
  private static final int SRV_01 = 14;
  private static final int DQ_01 = 15;
  private static final int REF_01 = 16;
  private static final int REF_02 = 17;
  private static final int REF_03 = 18;
  private static final int REF_04 = 19;
  private static final List<String> KINDS =
      List.of(
          "CAS-01", "CAS-02", "CAS-03", "CAS-04", "CAS-05", "CAS-06", "CAS-07", "CAS-08", "CAS-09",
          "CAS-10", "SUR-01", "SUR-02", "NEED-01", "NEED-02", "SRV-01", "DQ-01", "REF-01", "REF-02",
          "REF-03", "REF-04");

  private final Dataset data;
  private final List<IndicatorRequest> requests;
  private final List<Slot> slots = new ArrayList<>();

  /** One request's working state in a slice. */
  private static final class Slot {
    final IndicatorRequest request;
    final String code;
    final int kind;
    final boolean stock;
    final Dimension[] dims;
    final int[] strides;
    final int[] ordinals;
    final int intrinsicCard;
    final int cells;
    long[] counts;
    Map<Integer, TreeMap<Integer, Long>> histograms;

    Slot(IndicatorRequest request, Dataset data) {
      this.request = request;
      this.code = request.indicator().code();
      this.kind = KINDS.indexOf(code);
      this.stock = code.startsWith("SUR") || code.startsWith("NEED") || code.startsWith("SRV");
      this.dims = request.dimensions().toArray(new Dimension[0]);
      this.strides = new int[dims.length];
      this.ordinals = new int[dims.length];
      for (int i = 0; i < dims.length; i++) {
        ordinals[i] = dims[i].ordinal();
      }
      long cells = 1;
      for (int i = dims.length - 1; i >= 0; i--) {
        strides[i] = (int) cells;
        cells *= data.cardinality(dims[i]);
        if (cells > MAX_CELLS) {
          throw new IllegalArgumentException(
              "request " + request + " would have more than " + MAX_CELLS + " cells");
        }
      }
      int intrinsic = 1;
      for (Dimension d :
          request.keyDimensions().subList(dims.length, request.keyDimensions().size())) {
        intrinsic *= data.cardinality(d);
      }
      this.intrinsicCard = intrinsic;
      this.cells = (int) cells * intrinsic;
    }

    int key(int[][] columns, int row) {
      int k = 0;
      for (int i = 0; i < dims.length; i++) {
        k += columns[ordinals[i]][row] * strides[i];
      }
      return k * intrinsicCard;
    }

    void add(int cell, long num, long den, long unk) {
      int b = cell * 3;
      counts[b] += num;
      counts[b + 1] += den;
      counts[b + 2] += unk;
    }
  }

  Aggregation(Dataset data, List<IndicatorRequest> requests) {
    this.data = data;
    this.requests = requests;
  }

  /** Accumulates rows [from, to) of each grain, given as fractions {@code part/parts}. */
  Accumulation run(int part, int parts) {
    return run(
        bound(data.casualties, part, parts),
        bound(data.casualties, part + 1, parts),
        bound(data.incidentCount(), part, parts),
        bound(data.incidentCount(), part + 1, parts),
        bound(data.attempts, part, parts),
        bound(data.attempts, part + 1, parts));
  }

  private static int bound(int n, int part, int parts) {
    return (int) ((long) n * part / parts);
  }

  /** Accumulates the given row ranges of casualties, incidents and attempts. */
  Accumulation run(int casFrom, int casTo, int incFrom, int incTo, int attFrom, int attTo) {
    slots.clear();
    for (IndicatorRequest r : requests) {
      Slot s = new Slot(r, data);
      s.counts = new long[s.cells * 3];
      if (s.code.equals("REF-03")) {
        s.histograms = new LinkedHashMap<>();
      }
      slots.add(s);
    }
    Slot[] cas = select(CASUALTY);
    Slot[] inc = select(INCIDENT);
    Slot[] att = select(ATTEMPT);
    for (int i = casFrom; i < casTo; i++) {
      casualty(cas, i);
    }
    for (int i = incFrom; i < incTo; i++) {
      incident(inc, i);
    }
    for (int i = attFrom; i < attTo; i++) {
      attempt(att, i);
    }
    return decode();
  }

  private Slot[] select(int grain) {
    List<Slot> s = new ArrayList<>();
    for (Slot slot : slots) {
      if (grainOf(slot.code, grain)) {
        s.add(slot);
      }
    }
    return s.toArray(new Slot[0]);
  }

  private static boolean grainOf(String code, int grain) {
    if (code.startsWith("REF-")) {
      return grain == ATTEMPT;
    }
    if (code.equals("CAS-10")) {
      return grain == INCIDENT;
    }
    if (code.equals("CAS-07")) {
      return grain == CASUALTY || grain == INCIDENT;
    }
    return grain == CASUALTY;
  }

  // The values the kernels test: positions in the dimensions' codes (casualty columns) or ordinals
  // of YesNoUnknown (risk education, marking, WG-SS identifiers), named from core's code lists.
  private static final int KILLED = DimensionCodes.of(Dimension.OUTCOME, Outcome.KILLED);
  private static final int INJURED = DimensionCodes.of(Dimension.OUTCOME, Outcome.INJURED);
  private static final int OUTCOME_UNKNOWN = DimensionCodes.of(Dimension.OUTCOME, Outcome.UNKNOWN);
  private static final int CIVILIAN =
      DimensionCodes.of(Dimension.CIVILIAN_STATUS, CivilianStatus.CIVILIAN);
  private static final int DEMINER =
      DimensionCodes.of(Dimension.CIVILIAN_STATUS, CivilianStatus.DEMINER);
  private static final int STATUS_UNKNOWN =
      DimensionCodes.of(Dimension.CIVILIAN_STATUS, CivilianStatus.UNKNOWN);
  private static final int FEMALE = DimensionCodes.of(Dimension.SEX, Sex.FEMALE);
  private static final int SEX_UNKNOWN = DimensionCodes.of(Dimension.SEX, Sex.UNKNOWN);
  private static final int CHILD = DimensionCodes.of(Dimension.AGE_GROUP, AgeGroup.CHILD);
  private static final int AGE_UNKNOWN = DimensionCodes.of(Dimension.AGE_GROUP, AgeGroup.UNKNOWN);
  private static final int DISABILITY_UNKNOWN =
      DimensionCodes.of(Dimension.DISABILITY3, YesNoUnknown.UNKNOWN);
  private static final int YES = YesNoUnknown.YES.ordinal();
  private static final int NO = YesNoUnknown.NO.ordinal();
  private static final int UNKNOWN = YesNoUnknown.UNKNOWN.ordinal();

  private void casualty(Slot[] slots, int i) {
    boolean in = data.inPeriod[i];
    boolean surv = data.survivorAtEnd[i];
    if (!in && !surv) {
      return;
    }
    int[][] col = data.casualtyColumns;
    int outcome = col[Dimension.OUTCOME.ordinal()][i];
    int civ = col[Dimension.CIVILIAN_STATUS.ordinal()][i];
    int sex = col[Dimension.SEX.ordinal()][i];
    int ageGroup = col[Dimension.AGE_GROUP.ordinal()][i];
    int dis3 = col[Dimension.DISABILITY3.ordinal()][i];
    for (Slot s : slots) {
      if (s.stock ? !surv : !in) {
        continue;
      }
      int k = s.key(col, i);
      switch (s.kind) {
        case CAS_01:
          s.add(k, 1, 0, 0);
          break;
        case CAS_02:
          if (outcome == OUTCOME_UNKNOWN) {
            s.add(k, 0, 0, 1);
          } else {
            s.add(k, outcome == KILLED ? 1 : 0, 1, 0);
          }
          break;
        case CAS_03:
          if (civ == STATUS_UNKNOWN) {
            s.add(k, 0, 0, 1);
          } else {
            s.add(k, civ == CIVILIAN ? 1 : 0, 1, 0);
          }
          break;
        case CAS_04:
          if (civ == CIVILIAN) {
            if (ageGroup == AGE_UNKNOWN) {
              s.add(k, 0, 0, 1);
            } else {
              s.add(k, ageGroup == CHILD ? 1 : 0, 1, 0);
            }
          }
          break;
        case CAS_05:
          if (sex == SEX_UNKNOWN) {
            s.add(k, 0, 0, 1);
          } else {
            s.add(k, sex == FEMALE ? 1 : 0, 1, 0);
          }
          break;
        case CAS_06:
          if (civ == DEMINER) {
            s.add(k, 1, 0, 0);
          } else if (civ == STATUS_UNKNOWN) {
            s.add(k, 0, 0, 1);
          }
          break;
        case CAS_07:
          s.add(k, 1, 0, 0);
          break;
        case CAS_08:
          if (outcome == INJURED) {
            s.add(k, data.amputation[i] ? 1 : 0, 1, 0);
          }
          break;
        case CAS_09:
          int re = data.riskEducation[i];
          if (re == UNKNOWN) {
            s.add(k, 0, 0, 1);
          } else {
            s.add(k, re == YES ? 1 : 0, 1, 0);
          }
          break;
        case SUR_01:
          s.add(k, 1, 0, 0);
          break;
        case SUR_02:
          int wg = data.wgOf[i];
          if (wg >= 0) {
            for (int d = 0; d < 4; d++) {
              int v = (wg >> (2 * d)) & 3;
              if (v == UNKNOWN) {
                s.add(k + d, 0, 0, 1);
              } else {
                s.add(k + d, v == YES ? 1 : 0, 1, 0);
              }
            }
          }
          break;
        case NEED_01:
          s.add(k, data.needsRecent[i] ? 1 : 0, 1, 0);
          break;
        case NEED_02:
          int[] needs = data.needsByPillar[data.personOf[i]];
          if (needs != null) {
            for (int p = 0; p < 7; p++) {
              if (needs[2 * p] > 0) {
                s.add(k + p, needs[2 * p + 1], needs[2 * p], 0);
              }
            }
          }
          break;
        case SRV_01:
          int mask = data.deliveredPillars[data.personOf[i]];
          for (int p = 0; p < 7; p++) {
            s.add(k + p, (mask >> p) & 1, 1, 0);
          }
          break;
        case DQ_01:
          boolean sexKnown = sex != SEX_UNKNOWN;
          boolean ageKnown = ageGroup != AGE_UNKNOWN;
          boolean disKnown = dis3 != DISABILITY_UNKNOWN;
          s.add(k, sexKnown ? 1 : 0, 1, 0);
          s.add(k + 1, ageKnown ? 1 : 0, 1, 0);
          s.add(k + 2, disKnown ? 1 : 0, 1, 0);
          s.add(k + 3, sexKnown && ageKnown && disKnown ? 1 : 0, 1, 0);
          break;
        default:
          throw new IllegalStateException("no casualty kernel for " + s.code);
      }
    }
  }

  private void incident(Slot[] slots, int i) {
    if (!data.incidentInPeriod[i]) {
      return;
    }
    int[][] col = data.incidentColumns;
    for (Slot s : slots) {
      int k = s.key(col, i);
      if (s.kind == CAS_07) {
        s.add(k, 0, 1, 0);
      } else {
        int m = data.marked[i];
        if (m == UNKNOWN) {
          s.add(k, 0, 0, 1);
        } else {
          s.add(k, m == NO ? 1 : 0, 1, 0);
        }
      }
    }
  }

  private static final int CANCELLED = AttemptStatus.CANCELLED.ordinal();
  private static final int ENTERED_IN_ERROR = AttemptStatus.ENTERED_IN_ERROR.ordinal();
  private static final int COMPLETED = AttemptStatus.COMPLETED.ordinal();
  private static final int DECLINED = AttemptStatus.DECLINED.ordinal();
  private static final int NOT_COMPLETED = AttemptStatus.NOT_COMPLETED.ordinal();

  private static final boolean[] REACHED_ACCEPTED = new boolean[AttemptStatus.values().length];

  static {
    for (AttemptStatus s : AttemptStatus.values()) {
      REACHED_ACCEPTED[s.ordinal()] = reachedAccepted(s);
    }
  }

  private static boolean reachedAccepted(int status) {
    return REACHED_ACCEPTED[status];
  }

  /** REF-01's numerator: a state only reachable through acceptance (accepted or later). */
  private static boolean reachedAccepted(AttemptStatus s) {
    return AttemptStateTable.mustPass(s, AttemptStatus.ACCEPTED);
  }

  private void attempt(Slot[] slots, int i) {
    if (!data.attemptInPeriod[i]) {
      return;
    }
    int[][] col = data.attemptColumns;
    int status = data.attemptStatus[i];
    boolean excluded = status == CANCELLED || status == ENTERED_IN_ERROR;
    for (Slot s : slots) {
      int k = s.key(col, i);
      switch (s.kind) {
        case REF_01:
          if (excluded) {
            s.add(k, 0, 0, 1);
          } else {
            s.add(k, reachedAccepted(status) ? 1 : 0, 1, 0);
          }
          break;
        case REF_02:
          if (excluded) {
            s.add(k, 0, 0, 1);
          } else {
            s.add(k, status == COMPLETED ? 1 : 0, 1, 0);
          }
          break;
        case REF_03:
          day(s, k, data.daysToAccept[i]);
          day(s, k + 1, data.daysToComplete[i]);
          break;
        case REF_04:
          if (status == DECLINED || status == NOT_COMPLETED) {
            int fs = status == DECLINED ? 0 : 1;
            s.add(k + fs * data.reason.size() + data.attemptReason[i], 1, 0, 0);
          }
          break;
        default:
          throw new IllegalStateException("no attempt kernel for " + s.code);
      }
    }
  }

  private static void day(Slot s, int cell, int days) {
    if (days < 0) {
      s.add(cell, 0, 0, 1);
    } else {
      s.add(cell, 0, 1, 0);
      s.histograms.computeIfAbsent(cell, c -> new TreeMap<>()).merge(days, 1L, Long::sum);
    }
  }

  private Accumulation decode() {
    Map<IndicatorRequest, Map<List<String>, long[]>> cells = new LinkedHashMap<>();
    Map<IndicatorRequest, Map<List<String>, TreeMap<Integer, Long>>> hist = new LinkedHashMap<>();
    for (Slot s : slots) {
      List<Dimension> keyDims = s.request.keyDimensions();
      int[] cards = new int[keyDims.size()];
      for (int d = 0; d < cards.length; d++) {
        cards[d] = data.cardinality(keyDims.get(d));
      }
      Map<List<String>, long[]> m = new TreeMap<>(CellOrder.INSTANCE);
      Map<List<String>, TreeMap<Integer, Long>> h = new TreeMap<>(CellOrder.INSTANCE);
      for (int c = 0; c < s.cells; c++) {
        int b = c * 3;
        if (s.counts[b] == 0 && s.counts[b + 1] == 0 && s.counts[b + 2] == 0) {
          continue;
        }
        List<String> key = decodeKey(keyDims, cards, c);
        m.put(key, new long[] {s.counts[b], s.counts[b + 1], s.counts[b + 2]});
        if (s.histograms != null && s.histograms.containsKey(c)) {
          h.put(key, s.histograms.get(c));
        }
      }
      cells.put(s.request, m);
      hist.put(s.request, h);
    }
    return new Accumulation(requests, cells, hist);
  }

  private List<String> decodeKey(List<Dimension> dims, int[] cards, int cell) {
    String[] values = new String[dims.size()];
    int rest = cell;
    for (int d = dims.size() - 1; d >= 0; d--) {
      values[d] = data.decode(dims.get(d), rest % cards[d]);
      rest /= cards[d];
    }
    return List.of(values);
  }
}
