package poolcheck.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import poolcheck.check.Type;
import poolcheck.language.Expr;

/**
 * Model expressions as Promela expressions. Promela has no quantifiers, so forall, exists and
 * count expand over their (finite) domain; bound variables become their values. With a
 * {@link Substitution}, a scalar the step has already assigned reads as the expression it was
 * assigned, which lets a guard computed before the step see the values a later {@code when}
 * will see.
 */
final class PromelaExpressions {
  /** Where an expression is evaluated: the instance (null process for global scope). */
  record Scope(ModelShape.Process process, int instance, StepPaths.Bindings bindings,
      Substitution substitution) {
    Scope bind(String name, int value, Type.Scalar type) {
      return new Scope(process, instance, bindings.with(name, value, type), substitution);
    }

    Scope with(StepPaths.Bindings b, Substitution s) {
      return new Scope(process, instance, b, s);
    }
  }

  /**
   * What a step has done so far, seen from its start: the new value of every scalar, array
   * element (key {@code name#k}, k counted from 0) and container length (key {@code name_len})
   * it assigned, as an expression over the state before the step. Promela has no array update
   * expression, so arrays and containers are followed slot by slot; a computed index becomes a
   * chain of conditional expressions.
   */
  static final class Substitution {
    final Map<String, String> values = new HashMap<>();

    Substitution copy() {
      Substitution s = new Substitution();
      s.values.putAll(values);
      return s;
    }
  }


  private final ModelShape shape;

  PromelaExpressions(ModelShape shape) {
    this.shape = shape;
    this.bounds = new ValueBounds(shape);
  }

  private final ValueBounds bounds;

  /** What names mean in this scope, for {@link ValueBounds}. */
  ValueBounds.Names names(Scope scope) {
    return new ValueBounds.Names(n -> scope.bindings().values().get(n), n -> {
      Storage s = storage(n, scope);
      return s == null ? null : s.type();
    }, scope.process() == null ? null : scope.instance());
  }

  /** The variable a name denotes in this scope (local first), or null. */
  Storage storage(String name, Scope scope) {
    return Storage.of(shape, scope.process(), scope.instance(), name, PromelaNames::id);
  }

  /** The variable a checked statement writes. */
  Storage storage(poolcheck.check.Action.Place place, Scope scope) {
    return Storage.of(place, scope.process(), scope.instance(), PromelaNames::id);
  }


  private static String read(Storage s, Scope scope) {
    return slot(s.name(), s.name(), scope);
  }

  private static String slot(String key, String plain, Scope scope) {
    Substitution sub = scope.substitution();
    String v = sub == null ? null : sub.values.get(key);
    return v == null ? plain : paren(v);
  }

  /** Slot k (from 0) of an array or container, as the step has left it so far. */
  static String element(String name, int k, Scope scope) {
    return slot(name + "#" + k, name + "[" + k + "]", scope);
  }

  static String length(String name, Scope scope) {
    String len = PromelaNames.length(name);
    return slot(len, len, scope);
  }

  /** Whether the step has written any slot of this array or container so far. */
  private static boolean modified(String name, Scope scope) {
    Substitution sub = scope.substitution();
    if (sub == null) return false;
    for (String key : sub.values.keySet()) {
      if (key.startsWith(name + "#")) return true;
    }
    return false;
  }

  /**
   * Slot {@code index} (0-based, an expression) of storage with {@code size} slots. A computed
   * index reads through a conditional chain once the step has written a slot.
   */
  String indexed(String name, int size, String index, Scope scope) {
    if (!modified(name, scope)) return name + "[" + index + "]";
    try {
      int k = Integer.parseInt(index.replace("(", "").replace(")", "").trim());
      if (k >= 0 && k < size) return element(name, k, scope);
    } catch (NumberFormatException computed) {
      // a chain below
    }
    String chain = element(name, size - 1, scope);
    for (int k = size - 2; k >= 0; k--) {
      chain = "(" + index + " == " + k + " -> " + element(name, k, scope) + " : " + chain + ")";
    }
    return chain;
  }

  String expr(Expr e, Scope scope) {
    return e.accept(new Writer(scope));
  }

  private boolean mayBeNegative(Expr.Binary b, Scope scope) {
    return bounds.of(b.left(), names(scope))[0] < 0 || bounds.of(b.right(), names(scope))[0] < 0;
  }

  /**
   * poolcheck's / and % round toward minus infinity (floorDiv, floorMod), C's toward zero: they
   * differ by one step when the remainder is non-zero and the signs differ. Written so only
   * where an operand may be negative, so models without negative operands export as before.
   */
  static String floored(String op, String a, String b) {
    String differs = "((" + a + " % " + b + ") != 0 && ((" + a + " < 0) != (" + b + " < 0)))";
    return op.equals("/") ? "((" + a + " / " + b + ") - (" + differs + " -> 1 : 0))"
        : "((" + a + " % " + b + ") + (" + differs + " -> " + b + " : 0))";
  }

  /** One expression in one scope; sub-expressions go back through {@link #expr}. */
  private final class Writer extends ExprWriter {
    private final Scope scope;

    Writer(Scope scope) {
      super(scope.instance());
      this.scope = scope;
    }

    @Override
    public String boolLit(Expr.BoolLit b) {
      return b.value() ? "true" : "false";
    }

    @Override
    public String name(Expr.Name n) {
      Integer bound = scope.bindings().values().get(n.name());
      if (bound != null) return bound < 0 ? "(" + bound + ")" : bound.toString();
      Storage s = storage(n.name(), scope);
      if (s != null) return read(s, scope);
      return PromelaNames.id(n.name());
    }

    @Override
    public String index(Expr.Index ix) {
      if (ix.target() instanceof Expr.Index row) {
        Storage s = storage(((Expr.Name) row.target()).name(), scope);
        Type.Array a = (Type.Array) s.type();
        return indexed(s.name(), a.slots(), cell(expr(row.index(), scope),
            expr(ix.index(), scope), a), scope);
      }
      Storage s = storage(((Expr.Name) ix.target()).name(), scope);
      String i = expr(ix.index(), scope);
      if (s.type() instanceof Type.Array a) {
        return indexed(s.name(), a.index().size(), fold(offset(i, a.index().lo())), scope);
      }
      return indexed(s.name(), ((Type.Container) s.type()).capacity(), i, scope);
    }

    @Override
    public String unary(Expr.Unary u) {
      String a = expr(u.operand(), scope);
      return u.op().equals("!") ? "!" + paren(a) : "(-" + paren(a) + ")";
    }

    @Override
    public String binary(Expr.Binary b) {
      String l = expr(b.left(), scope);
      String r = expr(b.right(), scope);
      if (b.op().equals("=>")) return "(!" + paren(l) + " || " + r + ")";
      if ((b.op().equals("/") || b.op().equals("%")) && mayBeNegative(b, scope)) {
        return floored(b.op(), paren(l), paren(r));
      }
      return "(" + l + " " + b.op() + " " + r + ")";
    }

    @Override
    public String call(Expr.Call c) {
      return PromelaExpressions.this.call(c, scope);
    }

    @Override
    public String at(Expr.At at) {
      return PromelaExpressions.this.at(at, scope);
    }

    @Override
    public String quantifier(Expr.Quantifier q) {
      return PromelaExpressions.this.quantifier(q, scope);
    }

    @Override
    public String localOf(Expr.LocalOf l) {
      return PromelaExpressions.this.localOf(l, scope);
    }

    @Override
    public String recordLit(Expr.RecordLit r) {
      throw new IllegalStateException("records are flattened by the loader");
    }
  }

  /** Another instance's local: its flattened variable, a chain for a computed instance. */
  private String localOf(Expr.LocalOf l, Scope scope) {
    ModelShape.Process p = shape.process(l.process());
    Integer fixed = l.instance() == null ? Integer.valueOf(0) : constantValue(l.instance(), scope);
    if (fixed != null) return read(local(p, fixed, l.local()), scope);
    String i = expr(l.instance(), scope);
    String chain = read(local(p, p.instances() - 1, l.local()), scope);
    for (int k = p.instances() - 2; k >= 0; k--) {
      chain = "(" + i + " == " + k + " -> " + read(local(p, k, l.local()), scope) + " : "
          + chain + ")";
    }
    return chain;
  }

  private Storage local(ModelShape.Process p, int instance, String name) {
    return Storage.of(shape, p, instance, name, PromelaNames::id);
  }

  private String call(Expr.Call c, Scope scope) {
    String f = c.function();
    if (f.equals("min") || f.equals("max")) {
      String a = expr(c.args().get(0), scope);
      String b = expr(c.args().get(1), scope);
      return "(" + a + (f.equals("min") ? " <= " : " >= ") + b + " -> " + a + " : " + b + ")";
    }
    Storage s = storage(((Expr.Name) c.args().get(0)).name(), scope);
    Type.Container ct = (Type.Container) s.type();
    String len = length(s.name(), scope);
    return switch (f) {
      case "len" -> len;
      case "cap" -> Integer.toString(ct.capacity());
      case "empty" -> "(" + len + " == 0)";
      case "full" -> "(" + len + " == " + ct.capacity() + ")";
      case "head" -> head(s.name(), ct, scope);
      case "contains" -> {
        String v = expr(c.args().get(1), scope);
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < ct.capacity(); i++) {
          terms.add("(" + len + " > " + i + " && " + element(s.name(), i, scope) + " == " + v
              + ")");
        }
        yield "(" + String.join(" || ", terms) + ")";
      }
      default -> throw new IllegalStateException("unreachable: " + f);
    };
  }

  /** The element pop would take: a fifo's slot 0, a lifo's slot len - 1. */
  String head(String container, Type.Container ct, Scope scope) {
    if (ct.fifo()) return element(container, 0, scope);
    return indexed(container, ct.capacity(), length(container, scope) + " - 1", scope);
  }

  private static final java.util.regex.Pattern CONSTANT_OFFSET =
      java.util.regex.Pattern.compile("\\((-?\\d+)\\) - (\\d+)|(-?\\d+) - (\\d+)");

  /** {@code 3 - 1} as {@code 2}: constant indices after substitution stay readable. */
  static String fold(String index) {
    java.util.regex.Matcher m = CONSTANT_OFFSET.matcher(index);
    if (m.matches()) {
      int a = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(3));
      int b = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(4));
      return Integer.toString(a - b);
    }
    return index;
  }

  private String at(Expr.At at, Scope scope) {
    ModelShape.Process p = shape.process(at.process());
    int label = p.labelIndex(at.label());
    if (at.instance() == null) return "(" + InstanceNames.pc(p, 0) + " == " + label + ")";
    Integer fixed = constantValue(at.instance(), scope);
    if (fixed != null) return "(" + InstanceNames.pc(p, fixed) + " == " + label + ")";
    String i = expr(at.instance(), scope);
    List<String> terms = new ArrayList<>();
    for (int k = 0; k < p.instances(); k++) {
      terms.add("(" + i + " == " + k + " && " + InstanceNames.pc(p, k) + " == " + label + ")");
    }
    return "(" + String.join(" || ", terms) + ")";
  }

  /** Whether e is a variable whose type keeps it within lo..hi, so an index check is moot. */
  boolean within(Expr e, int lo, int hi, Scope scope) {
    if (!(e instanceof Expr.Name n) || scope.bindings().values().containsKey(n.name())) {
      return false;
    }
    Storage s = storage(n.name(), scope);
    return s != null && s.type() instanceof Type.Scalar t && t.lo() >= lo && t.hi() <= hi;
  }

  /** The value of an expression made of literals, constants, self and bound variables, or null. */
  Integer constantValue(Expr e, Scope scope) {
    if (e instanceof Expr.Self) return scope.instance();
    if (e instanceof Expr.Name n) {
      Integer bound = scope.bindings().values().get(n.name());
      if (bound != null) return bound;
      if (storage(n.name(), scope) != null) return null;
    }
    if (e instanceof Expr.Name || e instanceof Expr.IntLit || e instanceof Expr.BoolLit
        || e instanceof Expr.Unary || e instanceof Expr.Binary) {
      try {
        if (e instanceof Expr.Binary b) {
          Integer l = constantValue(b.left(), scope);
          Integer r = constantValue(b.right(), scope);
          if (l == null || r == null) return null;
          // exact or not constant: an overflow is left to the arithmetic_overflow check
          return switch (b.op()) {
            case "+" -> Math.addExact(l, r);
            case "-" -> Math.subtractExact(l, r);
            case "*" -> Math.multiplyExact(l, r);
            default -> null;
          };
        }
        if (e instanceof Expr.Unary u) {
          Integer a = constantValue(u.operand(), scope);
          return a == null || !u.op().equals("-") ? null : Math.negateExact(a);
        }
        return shape.constant(e);
      } catch (IllegalArgumentException | ArithmeticException notConstant) {
        return null;
      }
    }
    return null;
  }

  private String quantifier(Expr.Quantifier q, Scope scope) {
    Type.Scalar d = shape.domain(q.domain());
    List<String> terms = new ArrayList<>();
    for (int v = d.lo(); v <= d.hi(); v++) {
      String body = expr(q.body(), scope.bind(q.variable(), v, d));
      terms.add(q.kind().equals("count") ? "(" + body + " -> 1 : 0)" : body);
    }
    String op = switch (q.kind()) {
      case "forall" -> " && ";
      case "exists" -> " || ";
      default -> " + ";
    };
    return "(" + String.join(op, terms) + ")";
  }

  /**
   * Element [first][second] of a two-dimensional array in its flat Promela array (SPIN has no
   * arrays of arrays but in typedefs): the row-major offset, folded when both are constants.
   */
  static String cell(String first, String second, Type.Array a) {
    String i = fold(offset(first, a.index().lo()));
    String j = fold(offset(second, a.second().lo()));
    if (i.matches("\\d+") && j.matches("\\d+")) {
      return Integer.toString(Integer.parseInt(i) * a.columns() + Integer.parseInt(j));
    }
    return "((" + i + ") * " + a.columns() + " + (" + j + "))";
  }

  static String offset(String index, int lo) {
    if (lo == 0) return index;
    return "(" + index + ") - " + lo;
  }

  /** Expressions this class writes are atoms or wrapped whole in parentheses. */
  private static String paren(String s) {
    if (s.matches("[A-Za-z_0-9]+(\\[[^\\]]*\\])?")) return s;
    return s.startsWith("(") && s.endsWith(")") ? s : "(" + s + ")";
  }
}
