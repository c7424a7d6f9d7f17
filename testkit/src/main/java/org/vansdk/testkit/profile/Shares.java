package org.vansdk.testkit.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An ordered set of codes with shares that sum to one, ready for sampling. The order is the order
 * of the profile file, so sampling is reproducible. Immutable and thread-safe.
 *
 * @since 1.0
 */
public final class Shares {
  private final String[] codes;
  private final double[] shares;
  private final double[] cumulative;

  Shares(Map<String, Double> ordered) {
    codes = ordered.keySet().toArray(new String[0]);
    shares = new double[codes.length];
    cumulative = new double[codes.length];
    double sum = 0;
    for (int i = 0; i < codes.length; i++) {
      shares[i] = Objects.requireNonNull(ordered.get(codes[i]));
      sum += shares[i];
    }
    double running = 0;
    for (int i = 0; i < codes.length; i++) {
      running += shares[i] / sum;
      cumulative[i] = running;
    }
    cumulative[codes.length - 1] = 1.0;
  }

  /**
   * Returns the codes in file order.
   *
   * @return an unmodifiable list
   */
  public List<String> codes() {
    return Collections.unmodifiableList(new ArrayList<>(List.of(codes)));
  }

  /**
   * Returns the share of a code, zero if the code is not listed.
   *
   * @param code a code, e.g. {@code killed}
   * @return the share in [0, 1]
   */
  public double share(String code) {
    for (int i = 0; i < codes.length; i++) {
      if (codes[i].equals(code)) {
        return shares[i];
      }
    }
    return 0;
  }

  /** Returns the number of codes. */
  public int size() {
    return codes.length;
  }

  /**
   * Returns the code at an index.
   *
   * @param index from 0 to {@link #size()} - 1
   * @return the code
   */
  public String code(int index) {
    return codes[index];
  }

  /**
   * Returns the index of the code a uniform number in [0, 1) falls on.
   *
   * @param uniform a number in [0, 1)
   * @return the index of the chosen code
   */
  public int pick(double uniform) {
    for (int i = 0; i < cumulative.length; i++) {
      if (uniform < cumulative[i] && shares[i] > 0) {
        return i;
      }
    }
    for (int i = codes.length - 1; i >= 0; i--) {
      if (shares[i] > 0) {
        return i;
      }
    }
    return codes.length - 1;
  }

  /**
   * Returns the codes and shares as an ordered map.
   *
   * @return an unmodifiable map in file order
   */
  public Map<String, Double> asMap() {
    Map<String, Double> map = new LinkedHashMap<>();
    for (int i = 0; i < codes.length; i++) {
      map.put(codes[i], shares[i]);
    }
    return Collections.unmodifiableMap(map);
  }

  @Override
  public String toString() {
    return asMap().toString();
  }
}
