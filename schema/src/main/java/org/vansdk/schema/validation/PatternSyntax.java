package org.vansdk.schema.validation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The syntax of {@link DfaPattern}'s subset of regular expressions: a recursive-descent parser into
 * a small tree whose leaves are sets of the 129 symbols (the ASCII characters and "any other code
 * point"). Any construct outside the subset is {@link NotInSubset}.
 */
final class PatternSyntax {
  static final int SYMBOLS = 129;
  private static final int MAX_COUNT = 5_000;
  private static final String LITERALS = " !\"#%&',-/:;<=>@_`~";

  private PatternSyntax() {}

  /** The pattern uses something outside the subset. */
  static final class NotInSubset extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotInSubset() {
      super(null, null, false, false);
    }
  }

  /** A parsed pattern: a set of symbols, a sequence, an alternation or a repetition. */
  interface Node {}

  record Symbols(BitSet set) implements Node {}

  record Sequence(List<Node> items) implements Node {}

  record Alternation(List<Node> branches) implements Node {}

  /** {@code max} is -1 for no upper bound. */
  record Repetition(Node body, int min, int max) implements Node {}

  private static boolean nullable(Node node) {
    if (node instanceof Sequence s) {
      return s.items().stream().allMatch(PatternSyntax::nullable);
    }
    if (node instanceof Alternation a) {
      return a.branches().stream().anyMatch(PatternSyntax::nullable);
    }
    if (node instanceof Repetition r) {
      return r.min() == 0 || nullable(r.body());
    }
    return false;
  }

  /** A recursive-descent parser of the subset; any other construct is {@link NotInSubset}. */
  static final class Parser {
    private final String text;
    private int pos;
    boolean anchoredStart;
    boolean anchoredEnd;

    Parser(String text) {
      this.text = text;
    }

    Node pattern() {
      if (text.startsWith("^")) {
        anchoredStart = true;
        pos = 1;
      }
      List<Node> branches = branches();
      if (pos != text.length()) {
        throw new NotInSubset(); // an unmatched ')'
      }
      if ((anchoredStart || anchoredEnd) && branches.size() > 1) {
        throw new NotInSubset(); // '^a|b$' anchors single branches
      }
      return branches.size() == 1 ? branches.get(0) : new Alternation(branches);
    }

    private List<Node> branches() {
      List<Node> branches = new ArrayList<>();
      branches.add(sequence());
      while (peek() == '|') {
        pos++;
        branches.add(sequence());
      }
      return branches;
    }

    private Node sequence() {
      List<Node> items = new ArrayList<>();
      while (pos < text.length() && peek() != '|' && peek() != ')') {
        if (peek() == '$') {
          if (pos != text.length() - 1) {
            throw new NotInSubset();
          }
          anchoredEnd = true;
          pos++;
          break;
        }
        items.add(quantified(atom()));
      }
      if (items.isEmpty()) {
        throw new NotInSubset();
      }
      return items.size() == 1 ? items.get(0) : new Sequence(items);
    }

    private Node atom() {
      char c = text.charAt(pos++);
      if (c == '(') {
        if (peek() == '?') {
          throw new NotInSubset();
        }
        List<Node> branches = branches();
        expect(')');
        return branches.size() == 1 ? branches.get(0) : new Alternation(branches);
      }
      if (c == '[') {
        return characterClass();
      }
      if (c == '\\') {
        return new Symbols(escape());
      }
      if (Character.isLetterOrDigit(c) && c < 0x80 || LITERALS.indexOf(c) >= 0) {
        return new Symbols(of(c, c));
      }
      throw new NotInSubset();
    }

    private Node quantified(Node atom) {
      int min;
      int max;
      switch (peek()) {
        case '*' -> {
          min = 0;
          max = -1;
        }
        case '+' -> {
          min = 1;
          max = -1;
        }
        case '?' -> {
          min = 0;
          max = 1;
        }
        case '{' -> {
          pos++;
          min = number();
          max = min;
          if (peek() == ',') {
            pos++;
            max = number();
          }
          if (peek() != '}' || max < min) {
            throw new NotInSubset();
          }
        }
        default -> {
          return atom;
        }
      }
      pos++;
      // lazy and possessive forms and stacked quantifiers are not in the subset
      if ("*+?{".indexOf(peek()) >= 0 || nullable(atom)) {
        throw new NotInSubset();
      }
      return new Repetition(atom, min, max);
    }

    private int number() {
      int start = pos;
      while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
        pos++;
      }
      if (pos == start || pos - start > 4) {
        throw new NotInSubset();
      }
      int n = Integer.parseInt(text.substring(start, pos));
      if (n > MAX_COUNT) {
        throw new NotInSubset();
      }
      return n;
    }

    private Node characterClass() {
      boolean negated = peek() == '^';
      if (negated) {
        pos++;
      }
      BitSet set = new BitSet(SYMBOLS);
      boolean first = true;
      while (true) {
        if (pos >= text.length()) {
          throw new NotInSubset();
        }
        if (text.charAt(pos) == ']') {
          break;
        }
        char c = text.charAt(pos++);
        if (c == '\\') {
          set.or(escape());
        } else if (c == '-' && (first || peek() == ']')) {
          set.set('-');
        } else if (c != '-' && c >= ' ' && c < 0x7f && "[]&^".indexOf(c) < 0) {
          char last = c;
          if (peek() == '-' && pos + 1 < text.length() && text.charAt(pos + 1) != ']') {
            last = text.charAt(pos + 1);
            pos += 2;
            if (last < c || last >= 0x7f || "\\[]&^-".indexOf(last) >= 0) {
              throw new NotInSubset();
            }
          }
          set.or(of(c, last));
        } else {
          throw new NotInSubset();
        }
        first = false;
      }
      pos++;
      if (negated) {
        set.flip(0, SYMBOLS);
      }
      return new Symbols(set);
    }

    /** The symbols of an escape after its backslash: {@code \d}, {@code \s}, {@code \S}. */
    private BitSet escape() {
      if (pos >= text.length()) {
        throw new NotInSubset();
      }
      char c = text.charAt(pos++);
      switch (c) {
        case 'd':
          return of('0', '9');
        case 's':
          return spaces();
        case 'S':
          BitSet set = spaces();
          set.flip(0, SYMBOLS);
          return set;
        default:
          // a backslash before ASCII punctuation quotes it; before a letter or digit it is a
          // construct of its own
          if (c > ' ' && c < 0x7f && !Character.isLetterOrDigit(c)) {
            return of(c, c);
          }
          throw new NotInSubset();
      }
    }

    private static BitSet spaces() {
      BitSet set = new BitSet(SYMBOLS);
      for (char c : " \t\n\u000B\f\r".toCharArray()) {
        set.set(c);
      }
      return set;
    }

    private static BitSet of(char from, char to) {
      BitSet set = new BitSet(SYMBOLS);
      set.set(from, to + 1);
      return set;
    }

    /** The next character, or NUL at the end (a NUL in the pattern is refused where it is read). */
    private char peek() {
      return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) {
      if (pos >= text.length() || text.charAt(pos) != c) {
        throw new NotInSubset();
      }
      pos++;
    }
  }
}
