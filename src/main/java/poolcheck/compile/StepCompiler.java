package poolcheck.compile;

import static poolcheck.language.ErrorCode.DUPLICATE_DECLARATION;
import static poolcheck.language.ErrorCode.FOR_OVER_SCALARSET;
import static poolcheck.language.ErrorCode.INITIAL_VALUE_OUT_OF_RANGE;
import static poolcheck.language.ErrorCode.MISSING_LABEL;
import static poolcheck.language.ErrorCode.NOT_ALLOWED_HERE;
import static poolcheck.language.ErrorCode.NOT_ASSIGNABLE;
import static poolcheck.language.ErrorCode.TYPE_MISMATCH;
import static poolcheck.language.ErrorCode.UNKNOWN_NAME;

import com.google.common.collect.ImmutableList;
import java.util.List;
import poolcheck.check.CheckedModel;
import poolcheck.check.Type;
import poolcheck.language.Decl;
import poolcheck.language.Expr;
import poolcheck.language.Stmt;
import poolcheck.system.Property;
import poolcheck.system.Site;

/**
 * Compiles statements into linked instructions: each statement is compiled knowing what runs
 * after it, so control flow (if, goto, the end of a loop body) is fixed at compile time.
 * Every step is compiled once per process instance, with self and locals resolved to constants
 * and slots.
 */
final class StepCompiler {
  private final Symbols symbols;
  private final Reports reports;
  private final Sites sites;
  private final PropertyTable properties;
  private final ExprCompiler exprs;

  StepCompiler(Checking ctx) {
    this.symbols = ctx.symbols();
    this.reports = ctx.reports();
    this.sites = ctx.sites();
    this.properties = ctx.properties();
    this.exprs = ctx.exprs();
  }

  void registerAsserts(List<Decl> decls) {
    for (Decl d : decls) {
      if (d instanceof Decl.Init init) {
        registerAsserts(init.body(), "init", "init at " + init.pos());
      } else if (d instanceof Decl.Process p) {
        for (Decl.Step s : p.steps()) {
          registerAsserts(s.body(), p.name() + "_" + s.label(),
              p.name() + "." + s.label() + " at " + s.pos());
        }
      }
    }
  }

  private void registerAsserts(List<Stmt> body, String place, String where) {
    for (Stmt s : body) {
      if (s instanceof Stmt.Assert a) {
        Property other = properties.get(assertName(a, place));
        if (other != null && other.kind() != Property.Kind.ASSERTION) {
          // Asserts may share a name with each other, never with another kind of property.
          reports.add(new poolcheck.language.Diagnostic(DUPLICATE_DECLARATION, a.pos(),
              "duplicate declaration of property '" + assertName(a, place) + "' (already "
                  + PropertyTable.describe(other) + ")"));
          continue;
        }
        properties.add(assertName(a, place), Property.Kind.ASSERTION, where);
      } else {
        s.blocks().forEach(b -> registerAsserts(b, place, where));
      }
    }
  }

  private static String assertName(Stmt.Assert a, String place) {
    return a.name() != null ? a.name() : "assert_" + place;
  }

  /** Variable initialisers, then each instance's locals, then init blocks, in text order. */
  void compileInit(List<Decl> decls, CompiledModel.Builder model) {
    Instr end = new Instr.Emit(-1, 0);
    Instr chain = end;
    List<Decl> reversed = ImmutableList.copyOf(decls).reverse();
    for (Decl d : reversed) {
      try {
        if (d instanceof Decl.Init init) chain = block(init.body(), chain, Scope.INIT, "init");
      } catch (CompileError e) {
        // recorded
      }
    }
    for (Symbols.Process p : ImmutableList.copyOf(symbols.processes.values()).reverse()) {
      for (int i = p.instances - 1; i >= 0; i--) {
        for (Decl.Var v : p.decl.locals().reverse()) {
          if (v.init() == null || !p.localTypes.containsKey(v.name())) continue;
          try {
            Scope scope = Scope.of(p, i);
            chain = initialise(exprs.variable(v.name(), scope), v.init(), scope, chain);
          } catch (CompileError e) {
            // recorded
          }
        }
      }
    }
    for (Decl d : reversed) {
      if (d instanceof Decl.Var v && v.init() != null && symbols.globals.containsKey(v.name())) {
        try {
          chain = initialise(symbols.globals.get(v.name()), v.init(), Scope.GLOBAL, chain);
        } catch (CompileError e) {
          // recorded
        }
      }
    }
    model.init(chain);
  }

  private Instr initialise(CheckedModel.Variable v, Expr init, Scope scope, Instr next) {
    ExprCompiler.Typed value = exprs.compile(init, scope);
    String name = displayName(v.name(), scope);
    if (v.type() instanceof Type.Scalar s) {
      exprs.expect(init.pos(), s.kind(), value.type(), "a value of " + v.name() + "'s type");
      initialInRange(v.name(), s, value.code(), init, scope);
      return link(store(v.base(), s, value.code(), name, init.pos()), next);
    } else if (v.type() instanceof Type.Array a) {
      exprs.expect(init.pos(), a.element().kind(), value.type(), "one value for every element "
          + "of " + v.name());
      initialInRange(v.name(), a.element(), value.code(), init, scope);
      Instr chain = next;
      for (int i = a.index().size() - 1; i >= 0; i--) {
        chain = link(store(v.base() + i, a.element(), value.code(),
            FailureText.element(name, a.index().lo() + i, a), init.pos()), chain);
      }
      return chain;
    } else {
      throw reports.error(TYPE_MISMATCH, init.pos(), "type mismatch: " + v.name() + " is a "
          + "" + v.type().describe() + ", which starts empty and takes no initial value");
    }
  }

  /**
   * A constant initial value outside the variable's range is a mistake in the text, not a
   * behaviour: an error at load time rather than a violation with no step.
   */
  private void initialInRange(String name, Type.Scalar type, Code value, Expr init,
      Scope scope) {
    if (value instanceof Code.Const k && (k.value < type.lo() || k.value > type.hi())) {
      // one message per declaration, not one per instance of its process
      if (scope.instance() > 0) throw new CompileError();
      String who = scope.process() == null ? name : scope.process().name + "." + name;
      throw reports.error(INITIAL_VALUE_OUT_OF_RANGE, init.pos(), "initial value " + k.value + " "
          + "of " + who
          + " is outside its type " + type.describe());
    }
  }

  private static Instr.Store store(int slot, Type.Scalar type, Code value, String target,
      poolcheck.language.Position pos) {
    Instr.Store store = new Instr.Store(slot, type.lo(), type.hi(), value,
        Compiler.VALUE_OUT_OF_RANGE);
    store.target = target;
    store.pos = pos;
    return store;
  }

  /** A local is shown with its instance ("reader[1].x"), as in traces; a global by its name. */
  private static String displayName(String name, Scope scope) {
    if (scope.process() != null && scope.process().localTypes.containsKey(name)) {
      return scope.process().instanceName(scope.instance()) + "." + name;
    }
    return name;
  }

  void compileProcesses(CompiledModel.Builder model) {
    for (Symbols.Process p : symbols.processes.values()) {
      for (int i = 0; i < p.instances; i++) {
        Scope scope = Scope.of(p, i);
        int pcSlot = p.pcBase + i;
        List<Decl.Step> steps = p.decl.steps();
        Instr[] entries = new Instr[steps.size()];
        for (int k = 0; k < steps.size(); k++) {
          Decl.Step step = steps.get(k);
          sites.enterStep(p.name + "." + step.label());
          try {
            Instr end = new Instr.Emit(pcSlot, k + 1);
            Instr body = block(step.body(), end, scope, p.name + "_" + step.label());
            if (step.guard() != null) {
              body = link(new Instr.When(exprs.bool(step.guard(), scope), -1), body);
            }
            entries[k] = body;
          } catch (CompileError e) {
            entries[k] = new Instr.Nop();
          }
        }
        sites.enterStep(null);
        model.instance(p.instanceName(i), pcSlot, steps, entries);
      }
    }
  }

  private Instr block(List<Stmt> body, Instr next, Scope scope, String place) {
    Instr chain = next;
    for (Stmt s : ImmutableList.copyOf(body).reverse()) {
      chain = statement(s, chain, scope, place);
    }
    return chain;
  }

  private static Instr link(Instr instr, Instr next) {
    instr.next = next;
    return instr;
  }

  private Instr statement(Stmt stmt, Instr next, Scope scope, String place) {
    return stmt.accept(new Statement(next, scope, place));
  }

  /**
   * One statement compiled knowing what runs after it ({@code next}); blocks inside it go back
   * through {@link #block}.
   */
  private final class Statement implements Stmt.Visitor<Instr> {
    private final Instr next;
    private final Scope scope;
    private final String place;

    Statement(Instr next, Scope scope, String place) {
      this.next = next;
      this.scope = scope;
      this.place = place;
    }

    @Override
    public Instr assign(Stmt.Assign a) {
      return StepCompiler.this.assign(a.target(), a.value(), next, scope);
    }

    @Override
    public Instr push(Stmt.Push p) {
      CheckedModel.Variable v = exprs.storage(p.container(), scope, "a fifo or lifo");
      Type.Container ct = exprs.container(v, p.container().pos());
      ExprCompiler.Typed value = exprs.compile(p.value(), scope);
      exprs.expect(p.value().pos(), ct.element().kind(), value.type(), "an element of "
          + v.name());
      Instr.Push push = new Instr.Push(v.base(), ct.capacity(), ct.element().lo(),
          ct.element().hi(), value.code(), Compiler.OVERFLOW, Compiler.VALUE_OUT_OF_RANGE);
      push.target = displayName(v.name(), scope);
      push.element = ct.element().kind();
      push.pos = p.pos();
      return link(push, next);
    }

    @Override
    public Instr pop(Stmt.Pop p) {
      CheckedModel.Variable v = exprs.storage(p.container(), scope, "a fifo or lifo");
      Type.Container ct = exprs.container(v, p.container().pos());
      Instr after = next;
      if (p.target() != null) {
        after = store(p.target(), new ExprCompiler.Typed(new Code.Register(),
            ct.element().kind()), p.container(), next, scope);
      }
      Instr.Pop pop = new Instr.Pop(v.base(), ct.fifo(), ct.element().lo(), Compiler.UNDERFLOW);
      pop.target = displayName(v.name(), scope);
      pop.pos = p.pos();
      return link(pop, after);
    }

    @Override
    public Instr ifElse(Stmt.If i) {
      return new Instr.If(exprs.bool(i.condition(), scope), block(i.then(), next, scope, place),
          block(i.otherwise(), next, scope, place));
    }

    @Override
    public Instr when(Stmt.When w) {
      return link(new Instr.When(exprs.bool(w.condition(), scope),
          sites.site(Site.Kind.WHEN, w.pos(), null)), next);
    }

    @Override
    public Instr either(Stmt.Either e) {
      Instr[] branches = new Instr[e.branches().size()];
      for (int b = 0; b < branches.length; b++) {
        branches[b] = block(e.branches().get(b), next, scope, place);
      }
      return new Instr.Either(branches);
    }

    @Override
    public Instr choose(Stmt.Choose ch) {
      Scope inner = exprs.bind(ch.variable(), ch.domain(), scope, ch.pos());
      Scope.Bound b = inner.bound().get(ch.variable());
      return new Instr.Choose(b.index(), b.type().lo(), b.type().hi(),
          block(ch.body(), next, inner, place));
    }

    @Override
    public Instr forEach(Stmt.For f) {
      Scope inner = exprs.bind(f.variable(), f.domain(), scope, f.pos());
      if (inner.bound().get(f.variable()).type() instanceof Type.Symmetric sym) {
        throw reports.error(FOR_OVER_SCALARSET, f.domain().pos(), "for over scalarset "
            + sym.name() + " runs in the order of its values, which breaks its symmetry: use "
            + "choose, or forall/exists/count in expressions");
      }
      Scope.Bound b = inner.bound().get(f.variable());
      Instr.For loop = new Instr.For(b.index(), b.type().lo(), b.type().hi());
      loop.body = block(f.body(), new Instr.ForNext(loop), inner, place);
      return link(loop, next);
    }

    @Override
    public Instr assertion(Stmt.Assert a) {
      String name = assertName(a, place);
      Instr.Assert check = new Instr.Assert(properties.get(name).id(),
          exprs.bool(a.condition(), scope), sites.site(Site.Kind.ASSERT, a.pos(), name));
      check.reads = exprs.reads(a.condition(), scope);
      return link(check, next);
    }

    @Override
    public Instr jump(Stmt.Goto g) {
      if (scope.process() == null) {
        throw reports.error(NOT_ALLOWED_HERE, g.pos(), "goto is not allowed in init: only "
            + "steps of a process have labels");
      }
      int target;
      if (g.label().equals("done")) {
        target = scope.process().doneLabel();
      } else {
        Integer l = scope.process().labels.get(g.label());
        if (l == null) {
          throw reports.error(MISSING_LABEL, g.pos(), "goto " + g.label() + ": no label '"
              + g.label() + "' in process '" + scope.process().name + "' (labels: "
              + String.join(", ", scope.process().labels.keySet()) + ")");
        }
        target = l;
      }
      return new Instr.Emit(scope.process().pcBase + scope.instance(), target);
    }

    @Override
    public Instr skip(Stmt.Skip s) {
      return next;
    }

    @Override
    public Instr lockOp(Stmt.LockOp s) {
      throw new IllegalStateException("lock operations are lowered by the loader: " + s);
    }
  }

  private Instr assign(Expr target, Expr value, Instr next, Scope scope) {
    return store(target, exprs.compile(value, scope), value, next, scope);
  }

  private Instr store(Expr target, ExprCompiler.Typed value, Expr valueExpr, Instr next,
      Scope scope) {
    if (target instanceof Expr.Name n) {
      if (scope.bound().containsKey(n.name()) || symbols.constants.containsKey(n.name())
          || symbols.enumValues.containsKey(n.name())) {
        throw reports.error(NOT_ASSIGNABLE, target.pos(), "cannot assign to '" + n.name()
            + "': it is not a variable");
      }
      CheckedModel.Variable v = exprs.variable(n.name(), scope);
      if (v == null) throw reports.error(UNKNOWN_NAME, target.pos(), "unknown name "
          + "'" + n.name() + "'");
      if (!(v.type() instanceof Type.Scalar s)) {
        throw reports.error(TYPE_MISMATCH, target.pos(), "type mismatch: cannot assign a value to "
            + n.name() + ", a " + v.type().describe());
      }
      exprs.expect(valueExpr.pos(), s.kind(), value.type(), "a value of " + n.name()
          + "'s type");
      return link(store(v.base(), s, value.code(), displayName(n.name(), scope), target.pos()),
          next);
    }
    if (target instanceof Expr.Index ix) {
      CheckedModel.Variable v = exprs.storage(ix.target(), scope, "an array");
      if (!(v.type() instanceof Type.Array a)) {
        throw reports.error(NOT_ASSIGNABLE, target.pos(), "cannot assign to an element of "
            + "" + v.name()
            + ", a " + v.type().describe() + (v.type() instanceof Type.Container
                ? ": use push and pop" : ""));
      }
      ExprCompiler.Typed i = exprs.compile(ix.index(), scope);
      exprs.expect(ix.index().pos(), a.index().kind(), i.type(), "an index of type "
          + a.index().describe());
      exprs.expect(valueExpr.pos(), a.element().kind(), value.type(), "an element of "
          + v.name());
      Instr.StoreElement store = new Instr.StoreElement(v.base(), a.index().lo(),
          a.index().size(), i.code(), a.element().lo(), a.element().hi(), value.code(),
          Compiler.INDEX_OUT_OF_RANGE, Compiler.VALUE_OUT_OF_RANGE);
      store.target = displayName(v.name(), scope);
      store.type = a;
      store.pos = target.pos();
      return link(store, next);
    }
    throw reports.error(NOT_ASSIGNABLE, target.pos(), "cannot assign to this expression: "
        + "expected a variable or an array element");
  }
}
