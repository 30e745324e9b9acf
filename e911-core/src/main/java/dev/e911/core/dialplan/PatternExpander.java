package dev.e911.core.dialplan;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Turns a Genesys-style rule pattern into the finite set of digit strings it matches, or says why it
 * cannot. The language is read over the alphabet the hot path sees, the ASCII digits, so {@code .}
 * means any digit and a literal that is not a digit (such as {@code \+}) matches nothing.
 */
final class PatternExpander {

  /** Most digit strings one pattern may expand to. */
  static final int MAX_NUMBERS = 10_000;
  /** Longest digit string a pattern may match (Genesys' {@code digitLength} tops out at 20). */
  static final int MAX_DIGITS = 20;

  private static final int ALL_DIGITS = 0x3FF;

  /** Why a pattern is outside the supported subset; the message is a sentence for the operator. */
  static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported(String reason) {
      super(reason, null, false, false);
    }
  }

  private final String p;
  private final int end;
  private int pos;

  private PatternExpander(String pattern, int start, int end) {
    this.p = pattern;
    this.pos = start;
    this.end = end;
  }

  /** The digit strings {@code pattern} matches in full; never empty, never containing the empty string. */
  static Set<String> expand(String pattern) throws Unsupported {
    if (pattern.isEmpty() || pattern.charAt(0) != '^') {
      throw new Unsupported("must be anchored at the start with ^ (Genesys style, e.g. ^911$)");
    }
    int last = pattern.length() - 1;
    if (last < 1 || pattern.charAt(last) != '$' || escaped(pattern, last)) {
      throw new Unsupported("must be anchored at the end with $ (Genesys style, e.g. ^911$)");
    }
    PatternExpander x = new PatternExpander(pattern, 1, last);
    Set<String> numbers = x.alternation();
    if (x.pos != x.end) {
      throw new Unsupported("unbalanced ')' at index " + x.pos);
    }
    if (numbers.contains("")) {
      throw new Unsupported("matches the empty dial string");
    }
    if (numbers.isEmpty()) {
      throw new Unsupported("matches no string of digits, so no dialled number could ever match it");
    }
    for (String n : numbers) {
      if (n.length() > MAX_DIGITS) {
        throw new Unsupported("matches numbers longer than " + MAX_DIGITS + " digits");
      }
    }
    return numbers;
  }

  private static boolean escaped(String s, int index) {
    int backslashes = 0;
    for (int i = index - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return (backslashes & 1) == 1;
  }

  private Set<String> alternation() throws Unsupported {
    Set<String> result = sequence();
    while (pos < end && p.charAt(pos) == '|') {
      pos++;
      result = union(result, sequence());
    }
    return result;
  }

  private Set<String> sequence() throws Unsupported {
    Set<String> result = Set.of("");
    while (pos < end && p.charAt(pos) != '|' && p.charAt(pos) != ')') {
      result = product(result, term());
    }
    return result;
  }

  private Set<String> term() throws Unsupported {
    Set<String> atom = atom();
    if (pos >= end) {
      return atom;
    }
    char c = p.charAt(pos);
    int min;
    int max;
    if (c == '?') {
      pos++;
      min = 0;
      max = 1;
    } else if (c == '*' || c == '+') {
      throw new Unsupported("unbounded repeat '" + c + "' at index " + pos + " matches infinitely many numbers");
    } else if (c == '{') {
      int close = p.indexOf('}', pos);
      if (close < 0 || close >= end) {
        throw new Unsupported("unclosed repeat '{' at index " + pos);
      }
      String body = p.substring(pos + 1, close);
      int comma = body.indexOf(',');
      try {
        if (comma < 0) {
          min = max = Integer.parseInt(body);
        } else if (comma == body.length() - 1) {
          throw new Unsupported("unbounded repeat '{" + body + "}' at index " + pos + " matches infinitely many numbers");
        } else {
          min = Integer.parseInt(body.substring(0, comma));
          max = Integer.parseInt(body.substring(comma + 1));
        }
      } catch (NumberFormatException e) {
        throw new Unsupported("unreadable repeat '{" + body + "}' at index " + pos);
      }
      if (min < 0 || max < min || max > MAX_DIGITS) {
        throw new Unsupported("repeat '{" + body + "}' at index " + pos + " must be between 0 and " + MAX_DIGITS);
      }
      pos = close + 1;
    } else {
      return atom;
    }
    if (pos < end) {
      char modifier = p.charAt(pos);
      if (modifier == '+') {
        throw new Unsupported("possessive quantifier at index " + pos + " is not supported");
      }
      if (modifier == '?') {
        pos++; // reluctant: the same set of full matches
      }
    }
    return repeat(atom, min, max);
  }

  private Set<String> atom() throws Unsupported {
    char c = p.charAt(pos);
    switch (c) {
      case '(' -> {
        int at = pos;
        pos++;
        if (pos < end && p.charAt(pos) == '?') {
          if (pos + 1 < end && p.charAt(pos + 1) == ':') {
            pos += 2;
          } else {
            throw new Unsupported("group construct '(?' at index " + at
                + " (lookaround, flags, named or atomic group) is not supported; use (...) or (?:...)");
          }
        }
        Set<String> inner = alternation();
        if (pos >= end || p.charAt(pos) != ')') {
          throw new Unsupported("unclosed group '(' at index " + at);
        }
        pos++;
        return inner;
      }
      case '[' -> {
        return digits(characterClass());
      }
      case '\\' -> {
        return escape();
      }
      case '.' -> {
        pos++;
        return digits(ALL_DIGITS);
      }
      case '^', '$' -> throw new Unsupported("anchor '" + c + "' at index " + pos + " is only allowed at the ends");
      case '?', '*', '+', '{' -> throw new Unsupported("quantifier '" + c + "' at index " + pos + " has nothing to repeat");
      default -> {
        pos++;
        return c >= '0' && c <= '9' ? Set.of(String.valueOf(c)) : Set.of();
      }
    }
  }

  /** A backslash escape outside a class: \d, \D, or an escaped punctuation mark. */
  private Set<String> escape() throws Unsupported {
    int at = pos;
    if (pos + 1 >= end) {
      throw new Unsupported("dangling '\\' at index " + at);
    }
    char e = p.charAt(pos + 1);
    pos += 2;
    if (e == 'd') {
      return digits(ALL_DIGITS);
    }
    if (e == 'D') {
      return Set.of();
    }
    if (isEscapablePunctuation(e)) {
      return Set.of(); // a literal non-digit: never in a normalised dial string
    }
    throw new Unsupported("escape '\\" + e + "' at index " + at + " is not supported (only \\d and escaped punctuation)");
  }

  private static boolean isEscapablePunctuation(char e) {
    return e < 128 && !Character.isLetterOrDigit(e) && e > ' ';
  }

  /** Reads {@code [...]} at pos; returns the digits it admits as a bit mask. */
  private int characterClass() throws Unsupported {
    int at = pos;
    pos++;
    boolean negated = false;
    if (pos < end && p.charAt(pos) == '^') {
      negated = true;
      pos++;
    }
    int mask = 0;
    boolean first = true;
    while (true) {
      if (pos >= end) {
        throw new Unsupported("unclosed character class '[' at index " + at);
      }
      char c = p.charAt(pos);
      if (c == ']' && !first) {
        pos++;
        break;
      }
      first = false;
      if (c == '[' || (c == '&' && pos + 1 < end && p.charAt(pos + 1) == '&')) {
        throw new Unsupported("nested class or intersection in character class at index " + at + " is not supported");
      }
      int lo;
      if (c == '\\') {
        if (pos + 1 >= end) {
          throw new Unsupported("dangling '\\' in character class at index " + at);
        }
        char e = p.charAt(pos + 1);
        pos += 2;
        if (e == 'd') {
          mask |= ALL_DIGITS;
          continue;
        }
        if (!isEscapablePunctuation(e)) {
          throw new Unsupported("escape '\\" + e + "' in character class at index " + at + " is not supported");
        }
        lo = e;
      } else {
        lo = c;
        pos++;
      }
      int hi = lo;
      if (pos + 1 < end && p.charAt(pos) == '-' && p.charAt(pos + 1) != ']') {
        char h = p.charAt(pos + 1);
        if (h == '\\' || h == '[') {
          throw new Unsupported("range end in character class at index " + at + " is not supported");
        }
        hi = h;
        pos += 2;
      }
      for (int d = Math.max(lo, '0'); d <= Math.min(hi, '9'); d++) {
        mask |= 1 << (d - '0');
      }
    }
    return negated ? ~mask & ALL_DIGITS : mask;
  }

  private static Set<String> digits(int mask) {
    Set<String> s = new LinkedHashSet<>();
    for (int d = 0; d < 10; d++) {
      if ((mask & (1 << d)) != 0) {
        s.add(String.valueOf((char) ('0' + d)));
      }
    }
    return s;
  }

  private static Set<String> union(Set<String> a, Set<String> b) throws Unsupported {
    Set<String> s = new LinkedHashSet<>(a);
    s.addAll(b);
    checkSize(s.size());
    return s;
  }

  private static Set<String> product(Set<String> a, Set<String> b) throws Unsupported {
    if (a.isEmpty() || b.isEmpty()) {
      return Set.of();
    }
    checkSize((long) a.size() * b.size());
    Set<String> s = new LinkedHashSet<>();
    for (String x : a) {
      for (String y : b) {
        s.add(x.concat(y));
      }
    }
    return s;
  }

  private static Set<String> repeat(Set<String> atom, int min, int max) throws Unsupported {
    Set<String> result = new LinkedHashSet<>();
    Set<String> power = Set.of("");
    for (int k = 0; k <= max; k++) {
      if (k >= min) {
        result = union(result, power);
      }
      if (k < max) {
        power = product(power, atom);
        if (power.isEmpty()) {
          break;
        }
      }
    }
    return result;
  }

  private static void checkSize(long size) throws Unsupported {
    if (size > MAX_NUMBERS) {
      throw new Unsupported("expands to more than " + MAX_NUMBERS + " numbers; use a narrower pattern");
    }
  }
}
