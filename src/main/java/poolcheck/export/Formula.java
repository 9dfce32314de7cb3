package poolcheck.export;

import java.util.ArrayList;
import java.util.List;

/**
 * A TLA+ formula as the TLA+ export builds it, written as TLA+ bulleted lists: the layout is
 * the meaning (a conjunct's bullet column delimits it), so formulas are trees until written.
 */
sealed interface Formula {
  record Atom(String text) implements Formula {}

  record And(List<Formula> items) implements Formula {}

  record Or(List<Formula> items) implements Formula {}

  record If(String condition, Formula then, Formula otherwise) implements Formula {}

  /** A LET definition of a name for a value. */
  record Definition(String name, String value) {}

  record Let(List<Definition> definitions, Formula body) implements Formula {}

  static Formula atom(String text) {
    return new Atom(text);
  }

  /** Lines of {@code f}, the first to be placed at some column, the rest indented from it. */
  static List<String> lines(Formula f) {
    List<String> lines = new ArrayList<>();
    render(f, lines);
    return lines;
  }

  private static void render(Formula f, List<String> lines) {
    if (f instanceof Atom a) {
      lines.add(a.text());
    } else if (f instanceof And a && a.items().size() == 1) {
      render(a.items().get(0), lines);
    } else if (f instanceof And a) {
      bullets("/\\ ", a.items(), lines);
    } else if (f instanceof Or o) {
      bullets("\\/ ", o.items(), lines);
    } else if (f instanceof Let let) {
      for (int k = 0; k < let.definitions().size(); k++) {
        Definition d = let.definitions().get(k);
        lines.add((k == 0 ? "LET " : "    ") + d.name() + " == " + d.value());
      }
      List<String> body = lines(let.body());
      lines.add("IN  " + body.get(0));
      for (String l : body.subList(1, body.size())) lines.add("    " + l);
    } else if (f instanceof If i) {
      lines.add("IF " + i.condition());
      List<String> then = lines(i.then());
      lines.add("   THEN " + then.get(0));
      for (String l : then.subList(1, then.size())) lines.add("        " + l);
      List<String> otherwise = lines(i.otherwise());
      lines.add("   ELSE " + otherwise.get(0));
      for (String l : otherwise.subList(1, otherwise.size())) lines.add("        " + l);
    }
  }

  private static void bullets(String bullet, List<Formula> items, List<String> lines) {
    for (Formula item : items) {
      List<String> sub = lines(item);
      lines.add(bullet + sub.get(0));
      for (String l : sub.subList(1, sub.size())) lines.add("   " + l);
    }
  }
}
