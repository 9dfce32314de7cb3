package poolcheck.compile;

import java.util.ArrayList;
import java.util.List;
import poolcheck.check.Type;
import poolcheck.language.Expr;
import poolcheck.language.Position;
import poolcheck.language.Printer;

/**
 * What a runtime check says when it fails: the variable (with its index), the value, the range
 * it left, the expression and where it is written. Built only when a check fails, so the
 * compiled nodes keep nothing but the syntax they came from; every argument may be null when a
 * node was made up by the compiler, and the text then says less rather than failing.
 */
final class FailureText {
  private FailureText() {}

  /** "`y * y` at m.pool:5:9". */
  static String expression(Expr e) {
    if (e == null) return "an expression";
    return "`" + Printer.print(e) + "` at " + e.pos();
  }

  private static String at(Position pos) {
    return pos == null ? "" : " (at " + pos + ")";
  }

  static String overflow(Expr source, String computation, long exact) {
    return poolcheck.check.Arithmetic.overflow(source, computation, exact);
  }

  static String divisionByZero(Expr source, String computation) {
    return expression(source) + ": " + computation + " divides by zero";
  }

  static String range(String target, int v, int lo, int hi, Position pos) {
    return (target == null ? "the value" : target) + " = " + v + " is outside its range " + lo
        + " .. " + hi + at(pos);
  }

  /**
   * "a[3]", "owner[red]": an element named by its index as the model writes it. For a
   * two-dimensional array {@code index} is the element's row-major offset, and the name has
   * both indices: "owner[1][0]".
   */
  static String element(String array, int index, Type.Array type) {
    String name = array == null ? "the array" : array;
    if (type != null && type.second() != null) {
      return Printer.element(Printer.element(name, show(type.index(), type.index().lo()
          + index / type.columns())), show(type.second(), type.second().lo()
              + index % type.columns()));
    }
    return Printer.element(name, type == null ? Integer.toString(index)
        : show(type.index(), index));
  }

  static String index(Expr source, int v, Type.Array type) {
    return expression(source) + ": index " + v + " is outside " + describeIndex(type);
  }

  /** An index of a two-dimensional array out of its dimension ({@code which}: 0 or 1). */
  static String index(Expr source, int which, int v, Type.Array type) {
    Type.Scalar i = which == 0 ? type.index() : type.second();
    return expression(source) + ": " + (which == 0 ? "first" : "second") + " index " + v
        + " is outside " + describe(i);
  }

  static String index(String array, int v, Type.Array type, Position pos) {
    return poolcheck.language.Printer.element(array == null ? "the array" : array,
        Integer.toString(v)) + ": index " + v + " is outside "
        + describeIndex(type) + at(pos);
  }

  private static String describeIndex(Type.Array type) {
    return type == null ? "the array" : describe(type.index());
  }

  private static String describe(Type.Scalar i) {
    return i instanceof Type.Range ? i.describe() : i.describe() + " (0 .. " + i.hi() + ")";
  }

  static String position(Expr source, int i, int len) {
    return expression(source) + ": position " + i + " is outside the " + len + " element"
        + (len == 1 ? "" : "s") + " held";
  }

  static String instance(Expr source, int i, int instances) {
    return expression(source) + ": instance " + i + " does not exist (0 .. " + (instances - 1)
        + ")";
  }

  static String empty(Expr source) {
    return expression(source) + ": the container is empty";
  }

  static String empty(String container, Position pos) {
    return "pop(" + container + "): " + container + " is empty" + at(pos);
  }

  static String full(String container, Type element, int v, int capacity, Position pos) {
    return "push(" + container + ", " + show(element, v) + "): " + container + " is full (" + capacity
        + " element" + (capacity == 1 ? "" : "s") + ")" + at(pos);
  }

  /** A value as the model writes it: true/false, an enum value's name, or the number. */
  static String show(Type kind, int v) {
    if (kind instanceof Type.Bool) return v == 0 ? "false" : v == 1 ? "true" : Integer.toString(v);
    if (kind instanceof Type.Enum e && v >= 0 && v < e.values().size()) return e.values().get(v);
    return Integer.toString(v);
  }

  /**
   * A condition and the variables it reads (outside quantifiers, whose bodies read a value per
   * iteration): what a failed assert or invariant prints.
   */
  static final class Reads {
    private final Expr condition;
    private final String[] names;
    private final Code[] codes;
    private final Type[] kinds;

    Reads(Expr condition, List<String> names, List<Code> codes, List<Type> kinds) {
      this.condition = condition;
      this.names = names.toArray(new String[0]);
      this.codes = codes.toArray(new Code[0]);
      this.kinds = kinds.toArray(new Type[0]);
    }

    /** "`x + y < 3` at m.pool:4:10 is false with x = 1, y = 2". */
    String explain(Frame f, int[] s) {
      StringBuilder out = new StringBuilder(expression(condition)).append(" is false");
      List<String> values = new ArrayList<>();
      for (int i = 0; i < codes.length; i++) {
        try {
          values.add(names[i] + " = " + show(kinds[i], codes[i].eval(f, s)));
        } catch (Violation v) {
          values.add(names[i] + " cannot be read (" + poolcheck.check.Checker.RUNTIME.get(v.property)
              .replace('_', ' ') + ")");
        }
      }
      if (!values.isEmpty()) out.append(" with ").append(String.join(", ", values));
      return out.toString();
    }
  }
}
