package poolcheck.check;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Did you mean" for unknown names: the closest name of the right kind by edit distance, and the
 * spellings of TLA+ and Promela that a reader of those languages types by habit.
 */
final class Suggestions {
  private static final Pattern UNKNOWN =
      Pattern.compile("^unknown (name|type|process|function) '([A-Za-z_][A-Za-z0-9_]*)'");
  private static final List<String> BUILTINS =
      List.of("len", "cap", "empty", "full", "head", "contains", "min", "max");

  private Suggestions() {}

  /** The message with a hint appended when one fits. */
  static String forUnknown(String message, Symbols symbols) {
    Matcher m = UNKNOWN.matcher(message);
    if (!m.find()) return message;
    String name = m.group(2);
    String habit = habit(name);
    if (habit != null) return message + " (" + habit + ")";
    Collection<String> candidates = switch (m.group(1)) {
      case "type" -> symbols.types.keySet();
      case "process" -> symbols.processNames;
      case "function" -> BUILTINS;
      default -> symbols.namesInScope();
    };
    String best = closest(name, candidates);
    return best == null ? message : message + " (did you mean '" + best + "'?)";
  }

  /** Names from other languages with a poolcheck spelling. */
  private static String habit(String name) {
    return switch (name) {
      case "TRUE", "FALSE", "True", "False" -> "write '" + name.toLowerCase(Locale.ROOT)
          + "': booleans are lower case";
      case "Nat", "Int", "int", "byte" -> "write a range type such as '0 .. 3'";
      case "UNCHANGED" -> "variables a step does not assign keep their values";
      default -> null;
    };
  }

  /**
   * The candidate nearest to {@code name}, if it is near enough to be a typo: at most one edit
   * for short names, a third of the length for long ones. Ties go to the first in order.
   */
  public static String closest(String name, Collection<String> candidates) {
    int limit = Math.max(1, name.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates instanceof Set ? candidates
        : new java.util.TreeSet<>(candidates)) {
      if (candidate.equals(name) || Math.abs(candidate.length() - name.length()) > limit) {
        continue;
      }
      int d = distance(name, candidate);
      if (d <= limit && d < name.length() && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Levenshtein distance, with a swap of two neighbours counted as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
