package org.vansdk.schema.validation;

import com.networknt.schema.regex.RegularExpression;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vansdk.schema.validation.PatternSyntax.Alternation;
import org.vansdk.schema.validation.PatternSyntax.Node;
import org.vansdk.schema.validation.PatternSyntax.NotInSubset;
import org.vansdk.schema.validation.PatternSyntax.Parser;
import org.vansdk.schema.validation.PatternSyntax.Repetition;
import org.vansdk.schema.validation.PatternSyntax.Sequence;
import org.vansdk.schema.validation.PatternSyntax.Symbols;

/**
 * A JSON Schema {@code pattern} compiled into a deterministic automaton that answers exactly as the
 * registry's JDK regular expression does, without allocating. networknt's {@code
 * JDKRegularExpression} rewrites each {@code $} outside a character class into {@code \z} (end of
 * input: no final line terminator is allowed) and calls {@code Matcher.find()} with no flags, so
 * {@code \d} is {@code [0-9]}, {@code \s} is {@code [ \t\n\x0B\f\r]} and {@code \S} its complement,
 * and an unanchored pattern matches anywhere in the text.
 *
 * <p>Only a small subset is compiled: {@code ^} first and {@code $} last (then with a single
 * top-level branch), printable ASCII literals, escaped punctuation, {@code \d}, {@code \s}, {@code
 * \S}, classes {@code [...]} and {@code [^...]} of ASCII literals, ascending ranges and those three
 * escapes, groups {@code (...)} with non-empty branches separated by {@code |}, and the greedy
 * quantifiers {@code *}, {@code +}, {@code ?}, {@code {n}}, {@code {m,n}} (on a group only when it
 * cannot match the empty string). Anything else, or an automaton above its size limits, is not
 * compiled ({@link #compile} returns empty) and the caller keeps the registry's expression.
 *
 * <p>Every atom of the subset treats all non-ASCII code points alike (none is a digit or an ASCII
 * space), so the automaton reads a string by code point over 129 symbols: the 128 ASCII characters
 * and "any other code point", where a surrogate pair is one code point and a lone surrogate is one
 * too, as in {@code java.util.regex}. (A search that starts inside a pair sees the same symbols as
 * one that starts before it.) {@code DfaPatternTest} compares both on seeded strings.
 *
 * <p>Immutable and thread-safe.
 */
final class DfaPattern implements RegularExpression {
  private static final int SYMBOLS = PatternSyntax.SYMBOLS;
  private static final int OTHER = 128;
  private static final int MAX_NFA_STATES = 20_000;
  private static final int MAX_DFA_STATES = 10_000;

  private final int[] symbolClass;
  private final int classes;
  private final int[] next;
  private final boolean[] accepting;
  private final boolean[] settled;

  private DfaPattern(int[] symbolClass, int classes, int[] next, boolean[] accepting) {
    this.symbolClass = symbolClass;
    this.classes = classes;
    this.next = next;
    this.accepting = accepting;
    this.settled = new boolean[accepting.length];
    for (int s = 0; s < accepting.length; s++) {
      boolean self = true;
      for (int c = 0; c < classes; c++) {
        self &= next[s * classes + c] == s;
      }
      settled[s] = self;
    }
  }

  /**
   * Compiles a pattern of the subset.
   *
   * @param pattern the pattern as written in the schema
   * @return the automaton, or empty when the pattern is outside the subset or too large
   */
  static Optional<DfaPattern> compile(String pattern) {
    try {
      Parser parser = new Parser(pattern);
      Node body = parser.pattern();
      Nfa nfa = new Nfa();
      int start = nfa.build(body, Nfa.ACCEPT);
      return Optional.of(nfa.determinise(start, parser.anchoredStart, parser.anchoredEnd));
    } catch (NotInSubset e) {
      return Optional.empty();
    }
  }

  /**
   * Returns what {@code Matcher.find()} of the registry's expression returns: whether a part of the
   * text matches (all of it, for a pattern anchored at both ends).
   *
   * @param value the text, not null
   * @return whether the pattern is found
   */
  @Override
  public boolean matches(String value) {
    int state = 0;
    int n = value.length();
    int i = 0;
    while (i < n && !settled[state]) {
      char c = value.charAt(i++);
      int symbol = OTHER;
      if (c < OTHER) {
        symbol = c;
      } else if (Character.isHighSurrogate(c)
          && i < n
          && Character.isLowSurrogate(value.charAt(i))) {
        i++;
      }
      state = next[state * classes + symbolClass[symbol]];
    }
    return accepting[state];
  }

  /**
   * A Thompson automaton built back to front ({@link #build} returns the entry of a node whose exit
   * is {@code next}), then determinised over classes of symbols that no set tells apart.
   */
  private static final class Nfa {
    static final int ACCEPT = 0;
    private final List<BitSet> symbols = new ArrayList<>();
    private final List<int[]> targets = new ArrayList<>();
    private final BitSet emptyMoves = new BitSet(); // states that read nothing and branch

    Nfa() {
      add(new BitSet()); // ACCEPT: reads nothing, goes nowhere
    }

    private int add(BitSet set, int... to) {
      if (symbols.size() >= MAX_NFA_STATES) {
        throw new NotInSubset();
      }
      symbols.add(set);
      targets.add(to);
      return symbols.size() - 1;
    }

    private int branch(int... to) {
      emptyMoves.set(symbols.size());
      return add(new BitSet(), to);
    }

    int build(Node node, int next) {
      if (node instanceof Symbols s) {
        return add(s.set(), next);
      }
      if (node instanceof Sequence s) {
        int entry = next;
        for (int i = s.items().size() - 1; i >= 0; i--) {
          entry = build(s.items().get(i), entry);
        }
        return entry;
      }
      if (node instanceof Alternation a) {
        return branch(a.branches().stream().mapToInt(b -> build(b, next)).toArray());
      }
      Repetition r = (Repetition) node;
      int entry = next;
      if (r.max() < 0) {
        entry = branch();
        targets.set(entry, new int[] {build(r.body(), entry), next});
      } else {
        // nested optional copies, each of which may leave for next: x{0,2} = (x(x)?)?
        for (int k = r.min(); k < r.max(); k++) {
          entry = branch(build(r.body(), entry), next);
        }
      }
      for (int k = 0; k < r.min(); k++) {
        entry = build(r.body(), entry);
      }
      return entry;
    }

    /**
     * The symbol-reading states and the accepting one reachable from {@code state} by empty moves.
     */
    private BitSet closure(int state, BitSet into) {
      if (!emptyMoves.get(state)) {
        into.set(state);
      } else {
        for (int t : targets.get(state)) {
          closure(t, into);
        }
      }
      return into;
    }

    DfaPattern determinise(int start, boolean anchoredStart, boolean anchoredEnd) {
      // classes of symbols: two symbols in the same class are in exactly the same sets
      Map<BitSet, Integer> signatures = new HashMap<>();
      int[] symbolClass = new int[SYMBOLS];
      List<Integer> representatives = new ArrayList<>();
      for (int c = 0; c < SYMBOLS; c++) {
        BitSet signature = new BitSet();
        for (int s = 0; s < symbols.size(); s++) {
          if (symbols.get(s).get(c)) {
            signature.set(s);
          }
        }
        Integer id = signatures.putIfAbsent(signature, signatures.size());
        symbolClass[c] = id == null ? signatures.size() - 1 : id;
        if (id == null) {
          representatives.add(c);
        }
      }
      int classes = representatives.size();
      BitSet initial = closure(start, new BitSet());
      Map<BitSet, Integer> ids = new HashMap<>();
      List<BitSet> states = new ArrayList<>();
      ids.put(initial, 0);
      states.add(initial);
      int[] next = new int[16 * classes];
      for (int d = 0; d < states.size(); d++) {
        BitSet current = states.get(d);
        if (next.length < (d + 1) * classes) {
          next = Arrays.copyOf(next, next.length * 2);
        }
        for (int k = 0; k < classes; k++) {
          BitSet moved = new BitSet();
          if (!anchoredEnd && current.get(ACCEPT)) {
            moved = current; // found: every continuation is found too
          } else {
            int symbol = representatives.get(k);
            for (int s = current.nextSetBit(0); s >= 0; s = current.nextSetBit(s + 1)) {
              if (symbols.get(s).get(symbol)) {
                closure(targets.get(s)[0], moved);
              }
            }
            if (!anchoredStart) {
              moved.or(initial); // find() tries every start
            }
          }
          Integer id = ids.putIfAbsent(moved, states.size());
          if (id == null) {
            if (states.size() == MAX_DFA_STATES) {
              throw new NotInSubset();
            }
            id = states.size();
            states.add(moved);
          }
          next[d * classes + k] = id;
        }
      }
      boolean[] accepting = new boolean[states.size()];
      for (int d = 0; d < accepting.length; d++) {
        accepting[d] = states.get(d).get(ACCEPT);
      }
      return new DfaPattern(
          symbolClass, classes, Arrays.copyOf(next, states.size() * classes), accepting);
    }
  }
}
