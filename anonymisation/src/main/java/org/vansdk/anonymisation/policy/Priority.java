package org.vansdk.anonymisation.policy;

import java.util.Map;

/**
 * What a release should keep for as many casualties as it can, read from a policy's {@code
 * priorities}: some quasi-identifiers, each at a level or finer (e.g. place at province and
 * incident date at year, so casualties can be counted by province and year), and the share of all
 * casualties, suppressed ones included, that should be released so. Local recoding tries releases
 * that favour the priorities, earlier ones first, and keeps one only when it loses less than the
 * global optimum; among those it prefers the one that meets most of the shares in order (see {@code
 * LocalRecoding}).
 *
 * @param levels each named quasi-identifier with the coarsest level that still meets the priority
 * @param share the wanted share of casualties, between 0 and 1; 0 asks for as many as possible
 * @since 1.0
 */
public record Priority(Map<String, Integer> levels, double share) {
  /** Copies the map (its order is the policy's). */
  public Priority {
    levels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(levels));
  }
}
