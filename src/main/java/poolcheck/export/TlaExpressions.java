package poolcheck.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import poolcheck.check.Type;
import poolcheck.system.Value;
import poolcheck.language.Expr;

/**
 * Model expressions as TLA+ expressions over a symbolic state: each variable reads as the
 * expression of its value so far in the step (its own name before any assignment), so that a
 * whole step becomes one formula over the unprimed state. Booleans are TLA+ booleans, enum
 * values strings, arrays functions over their index set, containers sequences (head or bottom
 * first), program counters label strings.
 */
final class TlaExpressions {
  private static final Set<String> RESERVED = Set.of("ASSUME", "ASSUMPTION", "AXIOM", "CASE",
      "CHOOSE", "CONSTANT", "CONSTANTS", "DOMAIN", "ELSE", "ENABLED", "EXCEPT", "EXTENDS", "IF",
      "IN", "INSTANCE", "LET", "LOCAL", "MODULE", "OTHER", "SF_", "SUBSET", "THEN", "THEOREM",
      "UNCHANGED", "UNION", "VARIABLE", "VARIABLES", "WF_", "WITH", "BOOLEAN", "TRUE", "FALSE",
      "STRING", "Nat", "Int", "Seq", "Len", "Head", "Tail", "Append", "SubSeq", "Cardinality",
      "Assert", "Print", "Init", "Next", "Spec", "Done", "vars", "Min", "Max", "Permutations",
      "SortSeq", "ToString", "JavaTime", "Any", "RandomElement", "TLCGet", "TLCSet", "TLCEval",
      "PrintT", "IsFiniteSet", "SelectSeq", "Assumption", "AssumptionEvaluates");

  /** Where an expression is evaluated. {@code state} maps a TLA+ variable to its value now. */
  record Scope(ModelShape.Process process, int instance, StepPaths.Bindings bindings,
      Set<String> quantified, Map<String, String> state) {
    Scope with(StepPaths.Bindings b) {
      return new Scope(process, instance, b, quantified, state);
    }

    Scope quantify(String name) {
      Set<String> q = new java.util.HashSet<>(quantified);
      q.add(name);
      return new Scope(process, instance, bindings, q, state);
    }
  }


  private final ModelShape shape;

  TlaExpressions(ModelShape shape) {
    this.shape = shape;
    this.bounds = new ValueBounds(shape);
  }

  private final ValueBounds bounds;
  /**
   * Where a / or % may have a negative divisor: the Integers module defines \div and % for a
   * positive divisor only (where they are poolcheck's floorDiv and floorMod).
   */
  private final java.util.Set<poolcheck.language.Position> negativeDivisors =
      new java.util.LinkedHashSet<>();

  /** What names mean in this scope, for {@link ValueBounds}. */
  ValueBounds.Names names(Scope scope) {
    return new ValueBounds.Names(n -> scope.quantified().contains(n) ? null
        : scope.bindings().values().get(n), n -> {
          if (scope.quantified().contains(n)) return null;
          Storage s = storage(n, scope);
          return s == null ? null : s.type();
        }, scope.process() == null ? null : scope.instance());
  }

  /** The positions of the / and % written so far whose divisor may be negative. */
  java.util.Set<poolcheck.language.Position> negativeDivisors() {
    return negativeDivisors;
  }

  /** A model identifier in TLA+: a Reserved word renamed, a record field's spelled. */
  static String id(String name) {
    name = FlatNames.spell(name);
    return RESERVED.contains(name) ? name + "_" : name;
  }

  static String string(String s) {
    return "\"" + s + "\"";
  }

  /** The set of a finite type's values. */
  static String set(Type.Scalar t) {
    if (t instanceof Type.Bool) return "BOOLEAN";
    if (t instanceof Type.Enum e) {
      List<String> v = new ArrayList<>();
      for (String name : e.values()) v.add(string(name));
      return "{" + String.join(", ", v) + "}";
    }
    return "(" + t.lo() + ".." + t.hi() + ")";
  }

  /** The TLA+ value of the scalar with encoding {@code v}. */
  static String scalar(Type.Scalar t, int v) {
    if (t instanceof Type.Bool) return v != 0 ? "TRUE" : "FALSE";
    if (t instanceof Type.Enum e) return string(e.values().get(v));
    return v < 0 ? "(" + v + ")" : Integer.toString(v);
  }

  static String literal(Value v) {
    if (v instanceof Value.Bool b) return b.value() ? "TRUE" : "FALSE";
    if (v instanceof Value.Int i) return i.value() < 0 ? "(" + i.value() + ")"
        : Integer.toString(i.value());
    if (v instanceof Value.Enum e) return string(e.name());
    if (v instanceof Value.Label l) return string(l.name());
    if (v instanceof Value.Sequence s) {
      List<String> out = new ArrayList<>();
      for (Value x : s.elements()) out.add(literal(x));
      return "<<" + String.join(", ", out) + ">>";
    }
    if (v instanceof Value.Array a) {
      boolean uniform = a.values().stream().distinct().count() <= 1;
      if (uniform && !a.values().isEmpty()) {
        return null; // the caller writes [k \in D |-> v], which needs the index set
      }
      List<String> out = new ArrayList<>();
      for (int i = 0; i < a.values().size(); i++) {
        out.add(literal(a.keys().get(i)) + " :> " + literal(a.values().get(i)));
      }
      return "(" + String.join(" @@ ", out) + ")";
    }
    throw new IllegalArgumentException("no TLA+ literal for " + v);
  }

  Storage storage(String name, Scope scope) {
    return Storage.of(shape, scope.process(), scope.instance(), name, TlaExpressions::id);
  }

  /** The variable a checked statement writes. */
  Storage storage(poolcheck.check.Action.Place place, Scope scope) {
    return Storage.of(place, scope.process(), scope.instance(), TlaExpressions::id);
  }


  String read(Storage s, Scope scope) {
    return scope.state().getOrDefault(s.name(), s.name());
  }

  String expr(Expr e, Scope scope) {
    return e.accept(new Writer(scope));
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
      return b.value() ? "TRUE" : "FALSE";
    }

    @Override
    public String name(Expr.Name n) {
      if (scope.quantified().contains(n.name())) return id(n.name());
      Integer bound = scope.bindings().values().get(n.name());
      if (bound != null) return scalar(scope.bindings().types().get(n.name()), bound);
      Storage s = storage(n.name(), scope);
      if (s != null) return read(s, scope);
      if (shape.constants().containsKey(n.name())) return id(n.name());
      return string(n.name()); // an enum value
    }

    @Override
    public String index(Expr.Index ix) {
      if (ix.target() instanceof Expr.Index row) {
        // a function of functions: owner[p][c] as the model writes it
        Storage s = storage(((Expr.Name) row.target()).name(), scope);
        return paren(read(s, scope)) + "[" + expr(row.index(), scope) + "]["
            + expr(ix.index(), scope) + "]";
      }
      Storage s = storage(((Expr.Name) ix.target()).name(), scope);
      String i = expr(ix.index(), scope);
      String v = read(s, scope);
      if (s.type() instanceof Type.Container) return paren(v) + "[" + i + " + 1]";
      return paren(v) + "[" + i + "]";
    }

    @Override
    public String unary(Expr.Unary u) {
      String a = expr(u.operand(), scope);
      return u.op().equals("!") ? "~" + paren(a) : "(-" + paren(a) + ")";
    }

    @Override
    public String binary(Expr.Binary b) {
      String l = expr(b.left(), scope);
      String r = expr(b.right(), scope);
      if ((b.op().equals("/") || b.op().equals("%"))
          && bounds.of(b.right(), names(scope))[0] < 0) {
        negativeDivisors.add(b.pos());
      }
      String op = switch (b.op()) {
        case "&&" -> "/\\";
        case "||" -> "\\/";
        case "==" -> "=";
        case "!=" -> "#";
        case "/" -> "\\div";
        default -> b.op();
      };
      return "(" + l + " " + op + " " + r + ")";
    }

    @Override
    public String call(Expr.Call c) {
      return TlaExpressions.this.call(c, scope);
    }

    @Override
    public String at(Expr.At at) {
      ModelShape.Process p = shape.process(at.process());
      String label = string(at.label());
      if (at.instance() == null) return "(" + read(pcStorage(p, 0), scope) + " = " + label + ")";
      String i = expr(at.instance(), scope);
      try {
        int k = Integer.parseInt(i);
        return "(" + read(pcStorage(p, k), scope) + " = " + label + ")";
      } catch (NumberFormatException computed) {
        List<String> terms = new ArrayList<>();
        for (int k = 0; k < p.instances(); k++) {
          terms.add("(" + i + " = " + k + " /\\ " + read(pcStorage(p, k), scope) + " = "
              + label + ")");
        }
        return "(" + String.join(" \\/ ", terms) + ")";
      }
    }

    /** Another instance's local: its flattened variable, an IF chain for a computed instance. */
    @Override
    public String localOf(Expr.LocalOf l) {
      ModelShape.Process p = shape.process(l.process());
      if (l.instance() == null) return read(local(p, 0, l.local()), scope);
      String i = expr(l.instance(), scope);
      try {
        return read(local(p, Integer.parseInt(i), l.local()), scope);
      } catch (NumberFormatException computed) {
        String chain = read(local(p, p.instances() - 1, l.local()), scope);
        for (int k = p.instances() - 2; k >= 0; k--) {
          chain = "(IF " + i + " = " + k + " THEN " + read(local(p, k, l.local()), scope)
              + " ELSE " + chain + ")";
        }
        return chain;
      }
    }

    @Override
    public String recordLit(Expr.RecordLit r) {
      throw new IllegalStateException("records are flattened by the loader");
    }

    private Storage local(ModelShape.Process p, int instance, String name) {
      return Storage.of(shape, p, instance, name, TlaExpressions::id);
    }

    @Override
    public String quantifier(Expr.Quantifier q) {
      Type.Scalar d = shape.domain(q.domain());
      String body = expr(q.body(), scope.quantify(q.variable()));
      String var = id(q.variable());
      return switch (q.kind()) {
        case "forall" -> "(\\A " + var + " \\in " + set(d) + " : " + body + ")";
        case "exists" -> "(\\E " + var + " \\in " + set(d) + " : " + body + ")";
        default -> "Cardinality({" + var + " \\in " + set(d) + " : " + body + "})";
      };
    }
  }

  static Storage pcStorage(ModelShape.Process p, int i) {
    return new Storage(InstanceNames.pc(p, i), null);
  }

  private String call(Expr.Call c, Scope scope) {
    String f = c.function();
    if (f.equals("min") || f.equals("max")) {
      String a = expr(c.args().get(0), scope);
      String b = expr(c.args().get(1), scope);
      return "(IF " + a + (f.equals("min") ? " <= " : " >= ") + b + " THEN " + a + " ELSE " + b
          + ")";
    }
    Storage s = storage(((Expr.Name) c.args().get(0)).name(), scope);
    Type.Container ct = (Type.Container) s.type();
    String v = read(s, scope);
    return switch (f) {
      case "len" -> "Len(" + v + ")";
      case "cap" -> Integer.toString(ct.capacity());
      case "empty" -> "(Len(" + v + ") = 0)";
      case "full" -> "(Len(" + v + ") = " + ct.capacity() + ")";
      case "head" -> head(v, ct);
      case "contains" -> "(" + expr(c.args().get(1), scope) + " \\in {" + paren(v)
          + "[k_] : k_ \\in 1..Len(" + v + ")})";
      default -> throw new IllegalStateException("unreachable: " + f);
    };
  }

  static String head(String v, Type.Container ct) {
    return ct.fifo() ? "Head(" + v + ")" : paren(v) + "[Len(" + v + ")]";
  }

  static String paren(String s) {
    if (s.matches("[A-Za-z_][A-Za-z0-9_]*")) return s;
    return "(" + s + ")";
  }
}
