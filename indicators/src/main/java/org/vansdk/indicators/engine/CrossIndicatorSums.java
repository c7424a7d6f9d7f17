package org.vansdk.indicators.engine;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.vansdk.core.casualty.AgeGroup;
import org.vansdk.core.casualty.LandmineMonitorGroup;
import org.vansdk.core.incident.DeviceCategory;
import org.vansdk.core.person.Sex;
import org.vansdk.indicators.catalogue.Dimension;

/**
 * The sums a reader can form across the indicators of one output. Every count an output publishes
 * (a count, a numerator, a denominator, a count of unknowns, or a cell's size: denominator plus
 * unknowns) counts the records of one population (casualties of the period, survivors at its end,
 * incidents, referral attempts) restricted to some values of some attributes: CAS-02's numerator by
 * sex is the casualties of the period with that sex and outcome killed, which is also CAS-01's
 * count by sex and outcome, if requested. Counts with the same restriction are equal; a count whose
 * restriction allows a set of values of one attribute is the sum of the counts that split that set
 * (CAS-01 = CAS-02's killed + CAS-08's injured + CAS-02's unknown outcome; CAS-03's denominator =
 * civilians + deminers + military). Those equalities and sums, laid out as one-way tables, are
 * protected by {@link LinkedTableProtection} together with each indicator's own margins.
 *
 * <p>The restrictions are written per indicator in {@link #counts}, from the kernel's definitions
 * (see {@code Aggregation}); attributes that no dimension shows (outcome within CAS-08, risk
 * education, marking, a needs assessment, a delivery) get an attribute of their own so that the
 * same count in two places is still recognised. A coarse code is written as the set of its fine
 * codes (a device group as its device categories, a Landmine Monitor group other than unknown as
 * its sex and age group). A sum is only used if it holds on the counts (a defence against a wrong
 * restriction: a wrong one is dropped, never trusted).
 */
final class CrossIndicatorSums {
  /** Cap on the ways of splitting one count that are laid out as sums. */
  private static final int SPLITS_PER_COUNT = 16;

  private static final String CASUALTIES = "casualties";
  private static final String SURVIVORS = "survivors";
  private static final String INCIDENTS = "incidents";
  private static final String ATTEMPTS = "attempts";

  /** A sum a reader can form: the parts, then the total, as cell ids and values. */
  static final class Sum {
    final int[] cells;
    final long[] values;

    Sum(int[] cells, long[] values) {
      this.cells = cells;
      this.values = values;
    }
  }

  /** One published count: the cell it is published in, its value, and what it counts. */
  private static final class Count {
    final int cell;
    final long value;
    final String population;
    final TreeMap<String, TreeSet<String>> restriction;

    Count(int cell, long value, String population, TreeMap<String, TreeSet<String>> restriction) {
      this.cell = cell;
      this.value = value;
      this.population = population;
      this.restriction = restriction;
    }
  }

  /** The counts with one restriction but for one attribute, by the values allowed for it. */
  private static final class Split {
    final String attribute;
    final Map<BitSet, Count> byValues = new LinkedHashMap<>();
    Count whole; // the count with this attribute unrestricted, if published

    Split(String attribute) {
      this.attribute = attribute;
    }
  }

  /** Values of each attribute of each population, for the bit sets of a split. */
  private final Map<String, List<String>> universe = new HashMap<>();

  private final List<Sum> sums = new ArrayList<>();

  private CrossIndicatorSums() {}

  /**
   * The equalities and sums between the counts published in these grids.
   *
   * @param grids every grid of the output
   * @param offsets the global id of each grid's first cell
   */
  static List<Sum> of(List<CellGrid> grids, int[] offsets) {
    CrossIndicatorSums s = new CrossIndicatorSums();
    s.build(grids, offsets);
    return s.sums;
  }

  private void build(List<CellGrid> grids, int[] offsets) {
    Map<String, List<Count>> byRestriction = new LinkedHashMap<>();
    for (int g = 0; g < grids.size(); g++) {
      CellGrid grid = grids.get(g);
      for (int i = 0; i < grid.size(); i++) {
        for (Count c : counts(grid, i, offsets[g] + i)) {
          byRestriction.computeIfAbsent(name(c), k -> new ArrayList<>()).add(c);
          for (Map.Entry<String, TreeSet<String>> e : c.restriction.entrySet()) {
            universe
                .computeIfAbsent(c.population + "/" + e.getKey(), k -> new ArrayList<>())
                .addAll(e.getValue());
          }
        }
      }
    }
    for (Map.Entry<String, List<String>> e : universe.entrySet()) {
      e.setValue(List.copyOf(new TreeSet<>(e.getValue())));
    }
    Map<String, Split> splits = new LinkedHashMap<>();
    for (List<Count> same : byRestriction.values()) {
      Count first = same.get(0);
      for (int k = 1; k < same.size(); k++) {
        add(List.of(same.get(k)), first);
      }
      for (Map.Entry<String, TreeSet<String>> e : first.restriction.entrySet()) {
        TreeMap<String, TreeSet<String>> rest = new TreeMap<>(first.restriction);
        rest.remove(e.getKey());
        String context = first.population + "|" + rest + "|" + e.getKey();
        Split split = splits.computeIfAbsent(context, k -> new Split(e.getKey()));
        split.byValues.put(bits(first.population, e.getKey(), e.getValue()), first);
      }
    }
    for (Map.Entry<String, Split> e : splits.entrySet()) {
      Split split = e.getValue();
      String context = e.getKey();
      String withoutAttribute = context.substring(0, context.lastIndexOf('|'));
      List<Count> whole = byRestriction.get(withoutAttribute);
      split.whole = whole == null ? null : whole.get(0);
      splitAll(split);
    }
  }

  /** Lays out every way of splitting each count of a split into others of the same split. */
  private void splitAll(Split split) {
    List<BitSet> sets = new ArrayList<>(split.byValues.keySet());
    Map<BitSet, Count> targets = new LinkedHashMap<>(split.byValues);
    if (split.whole != null) {
      String key = split.whole.population + "/" + split.attribute;
      BitSet all = new BitSet();
      all.set(0, universe.get(key).size());
      targets.put(all, split.whole);
    }
    for (Map.Entry<BitSet, Count> t : targets.entrySet()) {
      if (t.getKey().cardinality() < 2) {
        continue;
      }
      List<List<Count>> found = new ArrayList<>();
      cover(t.getKey(), t.getKey(), sets, split.byValues, new ArrayList<>(), found);
      for (List<Count> parts : found) {
        add(parts, t.getValue());
      }
    }
  }

  /** Exact covers of {@code rest} by proper subsets of the target (depth-first, capped). */
  private static void cover(
      BitSet target,
      BitSet rest,
      List<BitSet> sets,
      Map<BitSet, Count> counts,
      List<Count> chosen,
      List<List<Count>> found) {
    if (found.size() >= SPLITS_PER_COUNT) {
      return;
    }
    if (rest.isEmpty()) {
      found.add(List.copyOf(chosen));
      return;
    }
    int lowest = rest.nextSetBit(0);
    for (BitSet s : sets) {
      if (!s.get(lowest) || s.equals(target)) {
        continue;
      }
      BitSet outside = (BitSet) s.clone();
      outside.andNot(rest);
      if (!outside.isEmpty()) {
        continue;
      }
      BitSet next = (BitSet) rest.clone();
      next.andNot(s);
      chosen.add(counts.get(s));
      cover(target, next, sets, counts, chosen, found);
      chosen.remove(chosen.size() - 1);
    }
  }

  private void add(List<Count> parts, Count total) {
    long sum = 0;
    int[] cells = new int[parts.size() + 1];
    long[] values = new long[parts.size() + 1];
    for (int i = 0; i < parts.size(); i++) {
      cells[i] = parts.get(i).cell;
      values[i] = parts.get(i).value;
      sum += values[i];
    }
    cells[parts.size()] = total.cell;
    values[parts.size()] = total.value;
    if (sum == total.value) {
      sums.add(new Sum(cells, values));
    }
  }

  private BitSet bits(String population, String attribute, TreeSet<String> values) {
    List<String> all = universe.get(population + "/" + attribute);
    BitSet b = new BitSet();
    for (String v : values) {
      b.set(all.indexOf(v));
    }
    return b;
  }

  private static String name(Count c) {
    return c.population + "|" + c.restriction;
  }

  /** The counts cell i of a grid publishes, with what each counts. */
  private static List<Count> counts(CellGrid grid, int i, int id) {
    String code = grid.request.indicator().code();
    Map<Dimension, String> cell = grid.cell(i);
    TreeMap<String, TreeSet<String>> key = new TreeMap<>();
    for (Dimension d : grid.request.dimensions()) {
      restrict(key, d, cell.get(d));
    }
    long[] c = grid.counts[i];
    Counts out = new Counts(id, key, c, new ArrayList<>(4));
    switch (code) {
      case "CAS-01":
        out.add(CASUALTIES, c[0]);
        break;
      case "CAS-02":
        out.quotient(CASUALTIES, "OUTCOME", "killed", "killed,injured", "unknown");
        break;
      case "CAS-03":
        out.quotient(
            CASUALTIES,
            "CIVILIAN_STATUS",
            "civilian",
            "civilian,deminer,military_or_security",
            "unknown");
        break;
      case "CAS-04":
        out.with("CIVILIAN_STATUS", "civilian")
            .quotient(CASUALTIES, "AGE_GROUP", "child", "child,adult", "unknown");
        break;
      case "CAS-05":
        out.quotient(CASUALTIES, "SEX", "female", "male,female", "unknown");
        break;
      case "CAS-06":
        out.add(CASUALTIES, c[0], "CIVILIAN_STATUS", "deminer");
        out.add(CASUALTIES, c[2], "CIVILIAN_STATUS", "unknown");
        break;
      case "CAS-07":
        out.add(CASUALTIES, c[0]);
        out.add(INCIDENTS, c[1]);
        break;
      case "CAS-08":
        out.with("OUTCOME", "injured").quotient(CASUALTIES, "amputation", "yes", "yes,no", "");
        break;
      case "CAS-09":
        out.quotient(CASUALTIES, "risk_education", "yes", "yes,no", "unknown");
        break;
      case "CAS-10":
        out.quotient(INCIDENTS, "unmarked", "yes", "yes,no", "unknown");
        break;
      case "SUR-01":
        out.add(SURVIVORS, c[0]);
        break;
      case "SUR-02":
        String identifier = cell.get(Dimension.WG_IDENTIFIER);
        if (identifier.equals("disability3")) {
          out.add(SURVIVORS, c[0], "DISABILITY3", "yes");
          out.add(SURVIVORS, c[1], "DISABILITY3", "yes,no");
        }
        out.with("assessed", "yes").quotient(SURVIVORS, identifier, "yes", "yes,no", "unknown");
        break;
      case "NEED-01":
        out.quotient(SURVIVORS, "needs_assessed_12_months", "yes", "yes,no", "");
        break;
      case "SRV-01":
        out.quotient(SURVIVORS, "served_" + cell.get(Dimension.PILLAR), "yes", "yes,no", "");
        break;
      case "DQ-01":
        dataQuality(out, cell.get(Dimension.FIELD));
        break;
      case "REF-01":
        out.quotient(ATTEMPTS, "counted", "", "yes", "no");
        out.with("counted", "yes").add(ATTEMPTS, c[0], "reached_accepted", "yes");
        break;
      case "REF-02":
        out.quotient(ATTEMPTS, "counted", "", "yes", "no");
        out.with("counted", "yes").add(ATTEMPTS, c[0], "completed", "yes");
        break;
      case "REF-03":
        out.quotient(ATTEMPTS, cell.get(Dimension.INTERVAL), "", "yes", "no");
        break;
      default:
        // NEED-02 counts needs and REF-04 final statuses: nothing else counts those.
        break;
    }
    return out.list;
  }

  private static void dataQuality(Counts out, String field) {
    out.add(CASUALTIES, out.counts[1]);
    switch (field) {
      case "sex":
        out.add(CASUALTIES, out.counts[0], "SEX", "male,female");
        break;
      case "age":
        out.add(CASUALTIES, out.counts[0], "AGE_GROUP", "child,adult");
        break;
      case "disability":
        out.add(CASUALTIES, out.counts[0], "DISABILITY3", "yes,no");
        break;
      default:
        out.add(CASUALTIES, out.counts[0], "saddd_complete", "yes");
        break;
    }
  }

  /** Writes a dimension value into a restriction, a coarse code as its fine codes. */
  private static void restrict(TreeMap<String, TreeSet<String>> key, Dimension d, String value) {
    if (d == Dimension.DEVICE_GROUP) {
      TreeSet<String> categories = new TreeSet<>();
      for (DeviceCategory c : DeviceCategory.values()) {
        if (c.group().code().equals(value)) {
          categories.add(c.code());
        }
      }
      if (!categories.isEmpty()) {
        narrow(key, Dimension.DEVICE_CATEGORY.name(), categories);
        return;
      }
    }
    if (d == Dimension.LANDMINE_MONITOR_GROUP) {
      TreeSet<String> sexes = new TreeSet<>();
      TreeSet<String> ages = new TreeSet<>();
      int pairs = 0;
      for (Sex s : Sex.values()) {
        for (AgeGroup a : AgeGroup.values()) {
          if (LandmineMonitorGroup.of(s, a).code().equals(value)) {
            sexes.add(s.code());
            ages.add(a.code());
            pairs++;
          }
        }
      }
      if (pairs == 1) {
        narrow(key, Dimension.SEX.name(), sexes);
        narrow(key, Dimension.AGE_GROUP.name(), ages);
        return;
      }
    }
    narrow(key, d.name(), new TreeSet<>(List.of(value)));
  }

  /** Restricts an attribute to the values also allowed so far (empty: the count is of nobody). */
  private static void narrow(
      TreeMap<String, TreeSet<String>> key, String attribute, TreeSet<String> values) {
    TreeSet<String> now = key.get(attribute);
    if (now == null) {
      key.put(attribute, values);
    } else {
      TreeSet<String> both = new TreeSet<>(now);
      both.retainAll(values);
      key.put(attribute, both);
    }
  }

  /** The counts of one cell, as they are written. */
  private static final class Counts {
    final int cell;
    final TreeMap<String, TreeSet<String>> key;
    final long[] counts;
    final List<Count> list;

    Counts(int cell, TreeMap<String, TreeSet<String>> key, long[] counts, List<Count> list) {
      this.cell = cell;
      this.key = key;
      this.counts = counts;
      this.list = list;
    }

    /** The same cell with one more restriction on every count written through the result. */
    Counts with(String attribute, String values) {
      TreeMap<String, TreeSet<String>> narrowed = copy(key);
      narrow(narrowed, attribute, set(values));
      return new Counts(cell, narrowed, counts, list);
    }

    void add(String population, long value) {
      add(population, value, null, null);
    }

    void add(String population, long value, String attribute, String values) {
      TreeMap<String, TreeSet<String>> r = copy(key);
      if (attribute != null) {
        narrow(r, attribute, set(values));
      }
      for (TreeSet<String> v : r.values()) {
        if (v.isEmpty()) {
          return; // counts nobody whatever the data: nothing to link
        }
      }
      list.add(new Count(cell, value, population, r));
    }

    /**
     * A proportion's numerator, denominator, unknowns and size (denominator plus unknowns, the
     * whole restriction) as values of one attribute. An empty numerator leaves it out; with no
     * unknown values the denominator is the whole restriction.
     */
    void quotient(
        String population, String attribute, String numerator, String denominator, String unknown) {
      if (!numerator.isEmpty()) {
        add(population, counts[0], attribute, numerator);
      }
      if (unknown.isEmpty()) {
        add(population, counts[1]);
        return;
      }
      add(population, counts[1], attribute, denominator);
      add(population, counts[2], attribute, unknown);
      add(population, counts[1] + counts[2]);
    }

    private static TreeSet<String> set(String values) {
      return new TreeSet<>(List.of(values.split(",")));
    }

    private static TreeMap<String, TreeSet<String>> copy(TreeMap<String, TreeSet<String>> key) {
      TreeMap<String, TreeSet<String>> m = new TreeMap<>();
      key.forEach((k, v) -> m.put(k, new TreeSet<>(v)));
      return m;
    }
  }
}
