package poolcheck.language;

import static poolcheck.language.ErrorCode.DUPLICATE_DECLARATION;
import static poolcheck.language.ErrorCode.RECURSIVE_DEF;
import static poolcheck.language.ErrorCode.SELF_OUTSIDE_PROCESS;
import static poolcheck.language.ErrorCode.UNKNOWN_NAME;
import static poolcheck.language.ErrorCode.WRONG_ARGUMENT_COUNT;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands {@code def} uses, so the checker, the compiler, the interpreter and the exports see
 * plain expressions and need nothing of their own for them. A def is lexically scoped: its body
 * sees its parameters, its own bound variables and top-level names (globals, constants, enum
 * values, processes, defs declared before it), never the locals of a process that uses it;
 * pass a local as an argument. Declared-before-use rules out recursion. A bound variable of a
 * body that would capture a name at the use is renamed, so an argument means what it means
 * where it is written.
 */
final class Definitions {
  private static final Set<String> BUILTINS = Set.of("len", "cap", "empty", "full", "head",
      "contains", "min", "max", "push", "pop", "at");

  /** A def with its body already expanded: it mentions no def. */
  private record Expanded(Decl.Def decl, Expr body) {}

  private final Map<String, Expanded> defs = new LinkedHashMap<>();
  /** Every def's name, declared or not yet, so a later def reads as recursion, not unknown. */
  private final Map<String, Decl.Def> all = new HashMap<>();
  private final Set<String> topLevel = new HashSet<>();
  /** The global variables: what a def used where a constant is needed may not read. */
  private final Set<String> variables = new HashSet<>();
  /** Defs whose own expansion failed and was reported: their uses say nothing more. */
  private final Set<String> failed = new HashSet<>();
  private final List<Diagnostic> errors = new ArrayList<>();
  private int fresh;
  /** Expression nodes written by expansion so far, against {@link #MAX_NODES}. */
  private long nodes;
  /**
   * A bound on what expansion may write: defs that use another twice each double the text
   * ({@code def d2 = d1 && d1;}), so forty lines could ask for 2^40 nodes.
   */
  static final long MAX_NODES = 1_000_000;

  /** Expansion over {@link #MAX_NODES}: the model is refused where the use is. */
  private static final class TooLarge extends RuntimeException {
    final Position at;

    TooLarge(Position at) {
      super(null, null, false, false);
      this.at = at;
    }
  }

  private Definitions() {}

  static ImmutableList<Decl> expand(ImmutableList<Decl> decls) throws ModelException {
    if (decls.stream().noneMatch(d -> d instanceof Decl.Def)) return decls;
    Definitions in = new Definitions();
    in.declare(decls);
    ImmutableList.Builder<Decl> out = ImmutableList.builder();
    try {
      for (Decl d : decls) {
        if (d instanceof Decl.Def def) in.define(def);
      }
      for (Decl d : decls) {
        if (d instanceof Decl.Def) continue;
        Decl expanded = in.decl(d);
        Diagnostic deep = expanded == d ? null : Nesting.check(expanded);
        if (deep != null) {
          in.errors.add(deep);
        } else {
          out.add(expanded);
        }
      }
    } catch (TooLarge t) {
      in.error(ErrorCode.STEP_TOO_COSTLY, t.at, "expanding defs writes more than " + MAX_NODES
          + " expression nodes in this model, reached at this use (a def that uses another "
          + "several times multiplies it): use fewer nested defs");
    }
    if (!in.errors.isEmpty()) throw new ModelException(in.errors);
    return out.build();
  }

  private void declare(List<Decl> decls) {
    for (Decl d : decls) {
      if (d instanceof Decl.Def) continue; // declared next, each against these names
      topLevel.addAll(TopLevelNames.of(d).keySet());
      if (d instanceof Decl.Var v) variables.add(v.name());
    }
    for (Decl d : decls) {
      if (!(d instanceof Decl.Def def)) continue;
      Decl.Def first = all.putIfAbsent(def.name(), def);
      if (first != null) {
        error(DUPLICATE_DECLARATION, def.pos(), "duplicate declaration of def '" + def.name()
            + "' (first declared at " + first.pos() + ")");
      } else if (topLevel.contains(def.name())) {
        error(DUPLICATE_DECLARATION, def.pos(), "duplicate declaration of '" + def.name()
            + "': a def may not reuse the name of a constant, type, variable, lock or process");
      } else if (BUILTINS.contains(def.name())) {
        error(DUPLICATE_DECLARATION, def.pos(), "def '" + def.name() + "' would hide the "
            + "builtin " + def.name() + "(...)");
      }
    }
    for (Decl d : decls) {
      if (!(d instanceof Decl.Process p)) continue;
      for (Decl.Var local : p.locals()) {
        if (all.containsKey(local.name())) {
          error(DUPLICATE_DECLARATION, local.pos(), "duplicate declaration: local '"
              + local.name() + "' of process '" + p.name() + "' hides the def declared at "
              + all.get(local.name()).pos());
        }
      }
    }
  }

  private void define(Decl.Def def) {
    if (all.get(def.name()) != def) return; // a duplicate, reported
    Set<String> params = new HashSet<>();
    for (int k = 0; k < def.parameters().size(); k++) {
      String p = def.parameters().get(k);
      if (!params.add(p) || topLevel.contains(p) || all.containsKey(p)) {
        error(DUPLICATE_DECLARATION, def.parameterPositions().get(k), "duplicate declaration: "
            + "parameter '" + p + "' of def '" + def.name() + "' hides another name");
      }
    }
    Use use = new Use(def, params, Set.of());
    Expr body = use.expr(def.body());
    Diagnostic deep = Nesting.check(body);
    if (deep != null) {
      // nested too deeply once the defs it uses are in place: its uses would be deeper still
      errors.add(Nesting.tooDeep(def.pos()));
      failed.add(def.name());
      return;
    }
    defs.put(def.name(), new Expanded(def, body));
  }

  /** A declaration with every def it uses expanded. */
  private Decl decl(Decl d) {
    return d.accept(new Use(null, Set.of(), Set.of()));
  }

  private void error(ErrorCode code, Position pos, String message) {
    errors.add(new Diagnostic(code, pos, message));
  }

  /**
   * Expanding defs in one place: the def whose body this is (null outside a def, where any
   * name may appear), its parameters, and the names a use's bound variables must not capture.
   */
  private final class Use extends ExpressionRewrite {
    private final Decl.Def in;
    private final Set<String> params;
    private final Set<String> scope;
    /** Where a constant is needed ("a type's bounds and sizes"), or null. */
    private final String constantFor;

    Use(Decl.Def in, Set<String> params, Set<String> scope) {
      this(in, params, scope, null);
    }

    private Use(Decl.Def in, Set<String> params, Set<String> scope, String constantFor) {
      this.in = in;
      this.params = params;
      this.scope = scope;
      this.constantFor = constantFor;
    }

    /** Uses where a constant is needed: a def that reads the state is an error at its use. */
    Use constantFor(String where) {
      return new Use(in, params, scope, where);
    }

    @Override
    Use binding(String name, Position pos) {
      binder(name, pos);
      Set<String> s = new HashSet<>(scope);
      s.add(name);
      return new Use(in, params, s, constantFor);
    }

    // Declarations whose constant expressions (a constant's value and bounds, a type's sizes,
    // an instance count, a configuration's setting) take defs as a constant would.

    @Override
    public Decl constant(Decl.Const c) {
      return new Decl.Const(c.pos(), c.name(), c.bounds() == null ? null
          : inType().type(c.bounds()), constantFor("a constant's value").expr(c.value()));
    }

    @Override
    public Decl typeAlias(Decl.TypeAlias d) {
      return new Decl.TypeAlias(d.pos(), d.name(), inType().type(d.type()));
    }

    @Override
    public Decl variable(Decl.Var v) {
      return new Decl.Var(v.pos(), v.name(), inType().type(v.type()), v.init() == null ? null
          : expr(v.init()), v.guard(), v.ghost());
    }

    @Override
    public Decl process(Decl.Process p) {
      Use inProcess = inProcess(p);
      ImmutableList.Builder<Decl.Var> locals = ImmutableList.builder();
      for (Decl.Var v : p.locals()) locals.add((Decl.Var) inProcess.variable(v));
      return new Decl.Process(p.pos(), p.name(), p.instances() == null ? null
          : constantFor("a process's instance count").expr(p.instances()), locals.build(),
          steps(p), p.uses());
    }

    @Override
    public Decl config(Decl.Config d) {
      ImmutableList.Builder<Decl.Setting> settings = ImmutableList.builder();
      for (Decl.Setting s : d.settings()) {
        settings.add(new Decl.Setting(s.pos(), s.constant(),
            constantFor("a configuration's setting").expr(s.value())));
      }
      return new Decl.Config(d.pos(), d.name(), settings.build());
    }

    private Use inType() {
      return constantFor("a type's bounds and sizes");
    }

    /**
     * A declared type with defs expanded in its constant expressions (range bounds, scalarset
     * sizes, capacities), so a def of constants sizes a type as a constant does.
     */
    TypeExpr type(TypeExpr t) {
      if (t instanceof TypeExpr.Array a) {
        return new TypeExpr.Array(a.pos(), type(a.element()), type(a.index()));
      } else if (t instanceof TypeExpr.Scalarset s) {
        return new TypeExpr.Scalarset(s.pos(), expr(s.size()));
      } else if (t instanceof TypeExpr.Container c) {
        return new TypeExpr.Container(c.pos(), c.fifo(), type(c.element()), expr(c.capacity()));
      }
      return domain(t);
    }

    /** A process's locals are in scope in its steps: a bound variable must not capture one. */
    @Override
    Use inProcess(Decl.Process p) {
      Set<String> locals = new HashSet<>();
      for (Decl.Var v : p.locals()) locals.add(v.name());
      return new Use(null, Set.of(), locals);
    }

    private void binder(String name, Position pos) {
      if (all.containsKey(name) && !scope.contains(name)) {
        error(DUPLICATE_DECLARATION, pos, "duplicate declaration: bound variable '" + name
            + "' hides the def declared at " + all.get(name).pos());
      }
    }

    @Override
    Expr expr(Expr e) {
      if (e instanceof Expr.Name n) return name(n);
      if (e instanceof Expr.Self s && in != null) {
        error(SELF_OUTSIDE_PROCESS, s.pos(), "'self' in def '" + in.name() + "': a def sees "
            + "no process; pass self as an argument");
        return s;
      }
      if (e instanceof Expr.Call c) return call(c);
      return children(e);
    }

    private Expr name(Expr.Name n) {
      String name = n.name();
      if (scope.contains(name) || params.contains(name)) return n;
      if (all.containsKey(name)) return use(n.pos(), name, ImmutableList.of(), false);
      if (in != null && !topLevel.contains(name)) {
        error(UNKNOWN_NAME, n.pos(), "unknown name '" + name + "' in def '" + in.name()
            + "': a def sees its parameters and top-level names, not a process's locals "
            + "(pass it as an argument)");
      }
      return n;
    }

    private Expr call(Expr.Call c) {
      ImmutableList.Builder<Expr> args = ImmutableList.builder();
      for (Expr a : c.args()) args.add(expr(a));
      if (!all.containsKey(c.function()) || scope.contains(c.function())) {
        return new Expr.Call(c.pos(), c.function(), args.build());
      }
      return use(c.pos(), c.function(), args.build(), true);
    }

    /** A use of def {@code name}: its expanded body with the arguments in place. */
    private Expr use(Position pos, String name, ImmutableList<Expr> args, boolean called) {
      Decl.Def def = all.get(name);
      if (failed.contains(name)) return new Expr.BoolLit(pos, false);
      if (in != null && (def == in || !defs.containsKey(name))) {
        error(RECURSIVE_DEF, pos, "def '" + in.name() + "' uses def '" + name + "'"
            + (def == in ? ", itself" : ", declared after it at " + def.pos())
            + ": defs may not be recursive; declare a def before the defs that use it");
        return new Expr.BoolLit(pos, false);
      }
      Expanded x = defs.get(name);
      if (x == null) return new Expr.BoolLit(pos, false); // its own error was reported
      if (x.decl().parameters().size() != args.size()) {
        error(WRONG_ARGUMENT_COUNT, pos, "def " + name + " takes "
            + x.decl().parameters().size() + " argument(s), found " + args.size()
            + (called ? "" : " (a def with parameters is called: " + name + "(...))"));
        return new Expr.BoolLit(pos, false);
      }
      Map<String, Expr> bindings = new HashMap<>();
      Set<String> avoid = new HashSet<>(scope);
      for (int k = 0; k < args.size(); k++) {
        bindings.put(x.decl().parameters().get(k), args.get(k));
        names(args.get(k), avoid);
      }
      Expr expanded;
      try {
        expanded = substitute(x.body(), bindings, avoid);
      } catch (TooLarge t) {
        throw new TooLarge(pos); // reported at the outermost use, where the text multiplies
      }
      String read = constantFor == null ? null : stateRead(expanded);
      if (read != null) {
        // said here, at the use: the checker would point into the def's body
        error(ErrorCode.NOT_CONSTANT, pos, "not a constant expression: def '" + name
            + "' reads " + read + ", and " + constantFor + " must be constant (a def of "
            + "constants and literals may be used here)");
      }
      return expanded;
    }
  }

  /** The first read of the state in {@code e} ("variable 'x'"), or null for a constant one. */
  private String stateRead(Expr e) {
    if (e instanceof Expr.Name n && variables.contains(n.name())) {
      return "variable '" + n.name() + "'";
    } else if (e instanceof Expr.At at) {
      return "where process '" + at.process() + "' is";
    } else if (e instanceof Expr.LocalOf l) {
      return "local '" + l.local() + "' of process '" + l.process() + "'";
    }
    for (Expr part : e.accept(OPERANDS)) {
      String read = stateRead(part);
      if (read != null) return read;
    }
    return null;
  }

  /** Every name an expression mentions: what a renamed bound variable must avoid. */
  private static void names(Expr e, Set<String> out) {
    if (e instanceof Expr.Name n) out.add(n.name());
    if (e instanceof Expr.Quantifier q) out.add(q.variable());
    for (Expr part : e.accept(OPERANDS)) names(part, out);
  }

  /**
   * The sub-expressions {@link #stateRead} and {@link #names} look into, in text order: a
   * quantifier's body but not its domain, a record literal's nothing. A visitor, so that a new
   * kind of expression fails to compile here until it says what it holds.
   */
  private static final Expr.Visitor<List<Expr>> OPERANDS = new Expr.Visitor<>() {
    @Override
    public List<Expr> intLit(Expr.IntLit e) {
      return List.of();
    }

    @Override
    public List<Expr> boolLit(Expr.BoolLit e) {
      return List.of();
    }

    @Override
    public List<Expr> name(Expr.Name e) {
      return List.of();
    }

    @Override
    public List<Expr> self(Expr.Self e) {
      return List.of();
    }

    @Override
    public List<Expr> index(Expr.Index ix) {
      return List.of(ix.target(), ix.index());
    }

    @Override
    public List<Expr> unary(Expr.Unary u) {
      return List.of(u.operand());
    }

    @Override
    public List<Expr> binary(Expr.Binary b) {
      return List.of(b.left(), b.right());
    }

    @Override
    public List<Expr> call(Expr.Call c) {
      return c.args();
    }

    @Override
    public List<Expr> at(Expr.At at) {
      return at.instance() == null ? List.of() : List.of(at.instance());
    }

    @Override
    public List<Expr> quantifier(Expr.Quantifier q) {
      return List.of(q.body());
    }

    @Override
    public List<Expr> localOf(Expr.LocalOf l) {
      return l.instance() == null ? List.of() : List.of(l.instance());
    }

    @Override
    public List<Expr> recordLit(Expr.RecordLit e) {
      return List.of();
    }
  };

  /**
   * The body with parameters replaced; a bound variable whose name the use already gives a
   * meaning to ({@code avoid}) is renamed, so it captures nothing.
   */
  private Expr substitute(Expr e, Map<String, Expr> b, Set<String> avoid) {
    return new Substitution(b, avoid).expr(e);
  }

  /**
   * Replacing a def's parameters in its body, counting every node written against {@link
   * #MAX_NODES}: the kinds it does not treat itself are rebuilt by {@link
   * ExpressionRewrite#children}, so a new kind of expression cannot pass through unreplaced.
   */
  private final class Substitution extends ExpressionRewrite {
    private final Map<String, Expr> b;
    private final Set<String> avoid;

    Substitution(Map<String, Expr> b, Set<String> avoid) {
      this.b = b;
      this.avoid = avoid;
    }

    @Override
    Expr expr(Expr e) {
      if (++nodes > MAX_NODES) throw new TooLarge(e.pos());
      if (e instanceof Expr.Name n) {
        Expr arg = b.get(n.name());
        return arg == null ? n : arg;
      }
      return e instanceof Expr.Quantifier q ? quantifier(q) : children(e);
    }

    private Expr quantifier(Expr.Quantifier q) {
      String v = q.variable();
      Map<String, Expr> inner = new HashMap<>(b);
      if (avoid.contains(v)) {
        String renamed;
        do {
          renamed = v + "_" + ++fresh;
        } while (avoid.contains(renamed) || topLevel.contains(renamed)
            || all.containsKey(renamed));
        inner.put(v, new Expr.Name(q.pos(), renamed));
        v = renamed;
      } else {
        inner.remove(v);
      }
      Set<String> innerAvoid = new HashSet<>(avoid);
      innerAvoid.add(v);
      TypeExpr domain = domain(q.domain()); // the bounds in the use's scope, as written
      return new Expr.Quantifier(q.pos(), q.kind(), v, domain,
          new Substitution(inner, innerAvoid).expr(q.body()));
    }
  }
}
