package dev.e911.core.dialplan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a finite set of digit strings back as a compact regular expression (no anchors, no capture
 * groups): the strings go into a trie, sibling digits whose remaining suffix sets are equal share one
 * character class, so {@code 9110..9119} becomes {@code 911[0-9]}. Used for the Genesys export, where
 * the plan's effective sets, not the operator's original patterns, are what must be pushed.
 */
final class DigitRegex {

  private DigitRegex() {}

  private static final class Node {
    final Node[] children = new Node[10];
    boolean terminal;
  }

  /** A regex matching exactly {@code numbers} (non-empty digit strings) when anchored. */
  static String of(Collection<String> numbers) {
    if (numbers.isEmpty()) {
      throw new IllegalArgumentException("no numbers");
    }
    Node root = new Node();
    for (String n : numbers) {
      if (n.isEmpty()) {
        throw new IllegalArgumentException("empty number");
      }
      Node at = root;
      for (int i = 0; i < n.length(); i++) {
        int d = n.charAt(i) - '0';
        if (d < 0 || d > 9) {
          throw new IllegalArgumentException("not a digit string");
        }
        if (at.children[d] == null) {
          at.children[d] = new Node();
        }
        at = at.children[d];
      }
      at.terminal = true;
    }
    return body(root);
  }

  private static String body(Node n) {
    Map<String, Integer> groups = new LinkedHashMap<>();
    for (int d = 0; d < 10; d++) {
      if (n.children[d] != null) {
        groups.merge(body(n.children[d]), 1 << d, (a, b) -> a | b);
      }
    }
    if (groups.isEmpty()) {
      return "";
    }
    List<String> alternatives = new ArrayList<>(groups.size());
    groups.forEach((suffix, mask) -> alternatives.add(characterClass(mask) + suffix));
    if (alternatives.size() > 1) {
      String alternation = "(?:" + String.join("|", alternatives) + ")";
      return n.terminal ? alternation + "?" : alternation;
    }
    String only = alternatives.get(0);
    if (!n.terminal) {
      return only;
    }
    return isSingleAtom(only) ? only + "?" : "(?:" + only + ")?";
  }

  private static boolean isSingleAtom(String regex) {
    return regex.length() == 1 || (regex.charAt(0) == '[' && regex.indexOf(']') == regex.length() - 1);
  }

  static String characterClass(int mask) {
    if (Integer.bitCount(mask) == 1) {
      return String.valueOf((char) ('0' + Integer.numberOfTrailingZeros(mask)));
    }
    StringBuilder sb = new StringBuilder("[");
    int d = 0;
    while (d < 10) {
      if ((mask & (1 << d)) == 0) {
        d++;
        continue;
      }
      int runEnd = d;
      while (runEnd + 1 < 10 && (mask & (1 << (runEnd + 1))) != 0) {
        runEnd++;
      }
      sb.append((char) ('0' + d));
      if (runEnd - d >= 2) {
        sb.append('-').append((char) ('0' + runEnd));
      } else if (runEnd - d == 1) {
        sb.append((char) ('0' + runEnd));
      }
      d = runEnd + 1;
    }
    return sb.append(']').toString();
  }
}
