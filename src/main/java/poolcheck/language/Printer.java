package poolcheck.language;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import java.util.List;

/**
 * Prints parsed declarations back as model text that parses to the same declarations (positions
 * aside): two-space indentation, one statement per line, parentheses only where precedence
 * needs them. Comments are not in the tree, so they are not printed.
 */
public final class Printer {
  private final StringBuilder out = new StringBuilder();

  private Printer() {}

  public static String print(List<Decl> decls) {
    return DeepStack.callPlain(() -> {
      Printer p = new Printer();
      for (Decl d : decls) p.decl(d);
      return p.out.toString();
    });
  }

  public static String print(Expr e) {
    return PRINTED.getUnchecked(e);
  }

  /**
   * Each expression printed once: printing is handed to a deep-stack thread, and a search or a
   * simulation can fail the same check, or overflow in the same expression, in many states (the
   * default test suite printed 22,000 failure texts in one test, 8 s of system time when each
   * print started a thread). Weak keys compare by identity, so a text goes with the model holding its
   * expression.
   */
  private static final LoadingCache<Expr, String> PRINTED = CacheBuilder.newBuilder().weakKeys()
      .build(CacheLoader.from(e -> DeepStack.callPlain(() -> expr(e, 0))));

  public static String print(TypeExpr t) {
    return t.accept(TYPES);
  }

  private static final TypeExpr.Visitor<String> TYPES = new TypeExpr.Visitor<>() {
    @Override
    public String bool(TypeExpr.Bool t) {
      return "bool";
    }

    @Override
    public String range(TypeExpr.Range r) {
      return bound(r.lo()) + " .. " + bound(r.hi());
    }

    @Override
    public String named(TypeExpr.Named n) {
      return n.name();
    }

    @Override
    public String array(TypeExpr.Array a) {
      return element(a.element()) + "[" + print(a.index()) + "]";
    }

    @Override
    public String scalarset(TypeExpr.Scalarset s) {
      return "scalarset(" + print(s.size()) + ")";
    }

    @Override
    public String container(TypeExpr.Container c) {
      return (c.fifo() ? "fifo<" : "lifo<") + print(c.element()) + ", " + bound(c.capacity())
          + ">";
    }

    @Override
    public String record(TypeExpr.Record r) {
      List<String> fields = new java.util.ArrayList<>();
      for (TypeExpr.Field f : r.fields()) fields.add(f.name() + " : " + print(f.type()));
      return "record { " + String.join(", ", fields) + " }";
    }
  };

  /**
   * Element {@code index} of array variable {@code array} as the model writes it: {@code a[i]},
   * and {@code page[i].pp_ref} for the field variable {@code page[].pp_ref} of an array of
   * records (docs/language.md, Records).
   */
  public static String element(String array, String index) {
    int dot = array.indexOf("[].");
    if (dot < 0) return array + "[" + index + "]";
    return array.substring(0, dot) + "[" + index + "]" + array.substring(dot + 2);
  }

  /** A range element type is parenthesised so that its '[' is not read as the array's. */
  private static String element(TypeExpr t) {
    return t instanceof TypeExpr.Range ? "(" + print(t) + ")" : print(t);
  }

  /**
   * Range bounds and capacities are parsed as sums with indexing off, so anything beyond a
   * simple sum is parenthesised.
   */
  private static String bound(Expr e) {
    return simpleSum(e) ? expr(e, ADDITIVE) : "(" + expr(e, 0) + ")";
  }

  private static boolean simpleSum(Expr e) {
    if (e instanceof Expr.IntLit || e instanceof Expr.Name || e instanceof Expr.BoolLit
        || e instanceof Expr.Self || e instanceof Expr.Call || e instanceof Expr.At) {
      return true;
    }
    if (e instanceof Expr.Unary u) return simpleSum(u.operand());
    if (e instanceof Expr.Binary b) {
      return precedence(b) >= ADDITIVE && simpleSum(b.left()) && simpleSum(b.right());
    }
    return false;
  }

  // ---- declarations

  private void decl(Decl d) {
    d.accept(new Declaration());
  }

  /** One declaration printed at the top level. */
  private final class Declaration implements Decl.Visitor<Void> {
    @Override
    public Void modelName(Decl.ModelName m) {
      line(0, "model " + m.name() + ";");
      return null;
    }

    @Override
    public Void include(Decl.Include i) {
      line(0, "include \"" + i.path() + "\";");
      return null;
    }

    @Override
    public Void constant(Decl.Const c) {
      line(0, "const " + c.name() + (c.bounds() == null ? "" : " : " + print(c.bounds()))
          + " = " + print(c.value()) + ";");
      return null;
    }

    @Override
    public Void typeAlias(Decl.TypeAlias t) {
      line(0, "type " + t.name() + " = " + print(t.type()) + ";");
      return null;
    }

    @Override
    public Void enumeration(Decl.Enum e) {
      line(0, "enum " + e.name() + " { " + String.join(", ", e.values()) + " }");
      return null;
    }

    @Override
    public Void variable(Decl.Var v) {
      line(0, Printer.variable(v));
      return null;
    }

    @Override
    public Void lock(Decl.Lock l) {
      line(0, "lock " + l.name() + ";");
      return null;
    }

    @Override
    public Void init(Decl.Init i) {
      line(0, "init {");
      block(1, i.body());
      line(0, "}");
      return null;
    }

    @Override
    public Void process(Decl.Process p) {
      line(0, "process " + p.name() + (p.instances() == null ? "" : "[" + print(p.instances())
          + "]") + " {");
      for (Decl.Var v : p.locals()) line(1, Printer.variable(v));
      int next = 0;
      for (Decl.InlineUse use : p.uses()) {
        while (next < use.index()) step(p.steps().get(next++));
        line(1, "inline " + use.name() + "(" + String.join(", ", use.arguments().stream()
            .map(Printer::print).toList()) + ");");
      }
      while (next < p.steps().size()) step(p.steps().get(next++));
      line(0, "}");
      return null;
    }

    @Override
    public Void inline(Decl.Inline in) {
      line(0, "inline " + in.name() + "(" + String.join(", ", in.parameters()) + ") {");
      for (Decl.Step s : in.steps()) step(s);
      line(0, "}");
      return null;
    }

    @Override
    public Void invariant(Decl.Invariant i) {
      line(0, "invariant " + i.name() + ": " + print(i.condition()) + ";");
      return null;
    }

    @Override
    public Void finalState(Decl.Final f) {
      line(0, "final " + print(f.condition()) + ";");
      return null;
    }

    @Override
    public Void def(Decl.Def def) {
      line(0, "def " + def.name() + (def.parameters().isEmpty() ? "" : "("
          + String.join(", ", def.parameters()) + ")") + " = " + print(def.body()) + ";");
      return null;
    }

    @Override
    public Void assume(Decl.Assume a) {
      line(0, "assume " + print(a.condition()) + ";");
      return null;
    }

    @Override
    public Void fairness(Decl.Fairness f) {
      line(0, "fairness " + (f.strong() ? "strong" : "weak") + ": "
          + String.join(", ", f.processes()) + ";");
      return null;
    }

    @Override
    public Void liveness(Decl.Liveness l) {
      String body = switch (l.kind()) {
        case EVENTUALLY -> "eventually " + print(l.q());
        case INFINITELY -> "always eventually " + print(l.q());
        case LEADS_TO -> print(l.p()) + " ~> " + print(l.q());
      };
      line(0, "liveness " + l.name() + ": " + body + ";");
      return null;
    }

    @Override
    public Void config(Decl.Config c) {
      line(0, "config " + c.name() + " {");
      for (Decl.Setting s : c.settings()) line(1, s.constant() + " = " + print(s.value()) + ";");
      line(0, "}");
      return null;
    }
  }

  private static String variable(Decl.Var v) {
    return (v.ghost() ? "ghost var " : "var ") + v.name() + " : " + print(v.type()) + (v.init() == null ? ""
        : " = " + print(v.init())) + (v.guard() == null ? "" : " guarded_by "
        + v.guard().lock() + (v.guard().readOnce() ? ", read_once" : "")) + ";";
  }

  private void step(Decl.Step s) {
    StringBuilder head = new StringBuilder(s.label());
    if (s.kernelFunction() != null) head.append(" @").append(s.kernelFunction());
    head.append(':');
    if (s.atomicReason() != null) head.append(" atomic \"").append(s.atomicReason()).append('"');
    if (s.guard() != null) head.append(" when (").append(print(s.guard())).append(')');
    line(1, head + " {");
    block(2, s.body());
    line(1, "}");
  }

  // ---- statements

  private void block(int depth, List<Stmt> body) {
    for (Stmt s : body) stmt(depth, s);
  }

  private void stmt(int depth, Stmt s) {
    s.accept(new Statement(depth));
  }

  /** One statement printed at {@code depth}: every kind has its line, or a new one fails here. */
  private final class Statement implements Stmt.Visitor<Void> {
    private final int depth;

    Statement(int depth) {
      this.depth = depth;
    }

    @Override
    public Void assign(Stmt.Assign a) {
      line(depth, expr(a.target(), POSTFIX) + " = " + print(a.value()) + ";");
      return null;
    }

    @Override
    public Void push(Stmt.Push p) {
      line(depth, "push(" + print(p.container()) + ", " + print(p.value()) + ");");
      return null;
    }

    @Override
    public Void pop(Stmt.Pop p) {
      String pop = "pop(" + print(p.container()) + ");";
      line(depth, p.target() == null ? pop : expr(p.target(), POSTFIX) + " = " + pop);
      return null;
    }

    @Override
    public Void ifElse(Stmt.If i) {
      ifStatement(depth, "if (", i);
      return null;
    }

    @Override
    public Void when(Stmt.When w) {
      line(depth, "when (" + print(w.condition()) + ");");
      return null;
    }

    @Override
    public Void either(Stmt.Either e) {
      for (int k = 0; k < e.branches().size(); k++) {
        line(depth, (k == 0 ? "either {" : "} or {"));
        block(depth + 1, e.branches().get(k));
      }
      line(depth, "}");
      return null;
    }

    @Override
    public Void choose(Stmt.Choose c) {
      line(depth, "choose " + c.variable() + " in " + print(c.domain()) + " {");
      block(depth + 1, c.body());
      line(depth, "}");
      return null;
    }

    @Override
    public Void forEach(Stmt.For f) {
      line(depth, "for " + f.variable() + " in " + print(f.domain()) + " {");
      block(depth + 1, f.body());
      line(depth, "}");
      return null;
    }

    @Override
    public Void assertion(Stmt.Assert a) {
      line(depth, "assert " + (a.name() == null ? "" : a.name() + ": ") + print(a.condition())
          + ";");
      return null;
    }

    @Override
    public Void jump(Stmt.Goto g) {
      line(depth, "goto " + g.label() + ";");
      return null;
    }

    @Override
    public Void skip(Stmt.Skip k) {
      line(depth, "skip;");
      return null;
    }

    @Override
    public Void lockOp(Stmt.LockOp l) {
      line(depth, (l.acquire() ? "lock(" : "unlock(") + l.lock() + ");");
      return null;
    }
  }

  /** An else branch that is exactly one if prints as "else if", which parses to the same tree. */
  private void ifStatement(int depth, String opening, Stmt.If i) {
    line(depth, opening + print(i.condition()) + ") {");
    block(depth + 1, i.then());
    if (i.otherwise().size() == 1 && i.otherwise().get(0) instanceof Stmt.If nested) {
      ifStatement(depth, "} else if (", nested);
      return;
    }
    if (!i.otherwise().isEmpty()) {
      line(depth, "} else {");
      block(depth + 1, i.otherwise());
    }
    line(depth, "}");
  }

  // ---- expressions: precedence climbing in reverse

  private static final int IMPLIES = 1;
  private static final int OR = 2;
  private static final int AND = 3;
  private static final int COMPARISON = 4;
  private static final int ADDITIVE = 5;
  private static final int MULTIPLICATIVE = 6;
  private static final int UNARY = 7;
  private static final int POSTFIX = 8;
  private static final int PRIMARY = 9;

  private static int precedence(Expr e) {
    if (e instanceof Expr.Binary b) {
      return switch (b.op()) {
        case "=>" -> IMPLIES;
        case "||" -> OR;
        case "&&" -> AND;
        case "==", "!=", "<", "<=", ">", ">=" -> COMPARISON;
        case "+", "-" -> ADDITIVE;
        case "*", "/", "%" -> MULTIPLICATIVE;
        default -> throw new IllegalStateException("unknown operator " + b.op());
      };
    }
    if (e instanceof Expr.Unary) return UNARY;
    if (e instanceof Expr.Index) return POSTFIX;
    // A quantifier extends as far right as it can: it stands alone or in parentheses.
    if (e instanceof Expr.Quantifier) return 0;
    return PRIMARY;
  }

  /** {@code e} printed where an expression of at least precedence {@code min} is expected. */
  private static String expr(Expr e, int min) {
    String s = bare(e);
    return precedence(e) < min ? "(" + s + ")" : s;
  }

  private static String bare(Expr e) {
    return e.accept(BARE);
  }

  /** An expression without parentheses around it: each kind's own syntax. */
  private static final Expr.Visitor<String> BARE = new Expr.Visitor<>() {
    @Override
    public String intLit(Expr.IntLit i) {
      return Integer.toString(i.value());
    }

    @Override
    public String boolLit(Expr.BoolLit b) {
      return Boolean.toString(b.value());
    }

    @Override
    public String name(Expr.Name n) {
      return n.name();
    }

    @Override
    public String self(Expr.Self s) {
      return "self";
    }

    @Override
    public String index(Expr.Index i) {
      if (i.target() instanceof Expr.Name n) return element(n.name(), print(i.index()));
      return expr(i.target(), POSTFIX) + "[" + print(i.index()) + "]";
    }

    @Override
    public String unary(Expr.Unary u) {
      // "- -x" would read as one token in many languages; a space keeps it plain.
      String operand = expr(u.operand(), UNARY);
      return u.op() + (operand.startsWith(u.op()) ? " " : "") + operand;
    }

    @Override
    public String binary(Expr.Binary b) {
      int p = precedence(b);
      // => is right-associative, comparisons do not chain, the rest are left-associative.
      int left = p == IMPLIES || p == COMPARISON ? p + 1 : p;
      int right = p == IMPLIES ? p : p + 1;
      return expr(b.left(), left) + " " + b.op() + " " + expr(b.right(), right);
    }

    @Override
    public String call(Expr.Call c) {
      StringBuilder out = new StringBuilder(c.function()).append('(');
      for (int k = 0; k < c.args().size(); k++) {
        if (k > 0) out.append(", ");
        out.append(print(c.args().get(k)));
      }
      return out.append(')').toString();
    }

    @Override
    public String at(Expr.At a) {
      return "at(" + a.process() + (a.instance() == null ? "" : "[" + print(a.instance()) + "]")
          + ", " + a.label() + ")";
    }

    @Override
    public String quantifier(Expr.Quantifier q) {
      return q.kind() + " " + q.variable() + " in " + print(q.domain()) + ": " + print(q.body());
    }

    @Override
    public String localOf(Expr.LocalOf l) {
      return l.process() + (l.instance() == null ? "" : "[" + print(l.instance()) + "]") + "."
          + l.local();
    }

    @Override
    public String recordLit(Expr.RecordLit r) {
      List<String> fields = new java.util.ArrayList<>();
      for (int k = 0; k < r.fields().size(); k++) {
        fields.add(r.fields().get(k) + ": " + print(r.values().get(k)));
      }
      return "{" + String.join(", ", fields) + "}";
    }
  };

  private void line(int depth, String text) {
    out.append("  ".repeat(depth)).append(text).append('\n');
  }
}
