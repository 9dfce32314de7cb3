package poolcheck.browse;

import java.util.ArrayList;
import java.util.List;

/**
 * A state's id in a link: the choice numbers of its path joined by dots ({@code 0.3.1}). Text
 * that is not one names no state, as a choice the state lacks does.
 */
final class ChoicePath {
  private ChoicePath() {}

  static List<Integer> parse(String text) throws Refusal {
    if (text == null || text.isEmpty()) {
      throw Refusal.notFound("no path given: a state is named by its path of choices, such as "
          + "?path=0.3.1 (0 for the first initial state)");
    }
    List<Integer> out = new ArrayList<>();
    for (String part : text.split("\\.", -1)) {
      if (part.isEmpty() || part.length() > 9 || !part.chars().allMatch(Character::isDigit)) {
        throw Refusal.notFound("no state at '" + printable(text) + "': a path is choice numbers "
            + "joined by dots, such as 0.3.1");
      }
      out.add(Integer.parseInt(part));
    }
    return out;
  }

  /** Text from a request, with control characters shown and its length cut for messages. */
  static String printable(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && i < 80; i++) {
      char c = s.charAt(i);
      b.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return s.length() > 80 ? b + "..." : b.toString();
  }
}
