package poolcheck.compile;

import com.google.common.collect.ImmutableList;
import java.util.Map;
import poolcheck.check.Action;
import poolcheck.check.CheckedModel;
import poolcheck.check.CheckedStep;
import poolcheck.check.Type;
import poolcheck.language.Expr;
import poolcheck.system.Site;

/**
 * Compiles checked statements ({@link Action}s, from poolcheck.check.StepChecker) into linked
 * instructions: each statement is compiled knowing what runs after it, so control flow (if,
 * goto, the end of a loop body) is fixed at compile time. Every step is compiled once per
 * process instance, with self and locals resolved to constants and slots; what a statement
 * writes, its domains, its gotos and the types of its expressions were resolved by the checker
 * (poolcheck.check), which has accepted the model: nothing here reports an error.
 */
final class StepCompiler {
  private final Compiling ctx;
  private final CheckedModel checked;
  private final Sites sites;
  private final ExprCompiler exprs;

  StepCompiler(Compiling ctx) {
    this.ctx = ctx;
    this.checked = ctx.checked();
    this.sites = ctx.sites();
    this.exprs = ctx.exprs();
  }

  /**
   * Variable initialisers, then each instance's locals, then the checked init blocks, in text
   * order.
   */
  void compileInit(CompiledModel.Builder model) {
    Instr end = new Instr.Emit(-1, 0);
    Instr chain = end;
    for (ImmutableList<Action> init : checked.inits().reverse()) {
      chain = block(init, chain, Scope.GLOBAL);
    }
    for (CheckedModel.Process p : checked.processes().values().asList().reverse()) {
      for (int i = p.instances() - 1; i >= 0; i--) {
        Scope scope = Scope.of(p, i);
        for (Map.Entry<String, Expr> v : p.initialValues().entrySet().asList().reverse()) {
          chain = initialise(exprs.variable(v.getKey(), scope), v.getValue(), scope, chain);
        }
      }
    }
    for (Map.Entry<String, Expr> v : checked.initialValues().entrySet().asList().reverse()) {
      chain = initialise(checked.globals().get(v.getKey()), v.getValue(), Scope.GLOBAL, chain);
    }
    model.init(chain);
  }

  private Instr initialise(CheckedModel.Variable v, Expr init, Scope scope, Instr next) {
    ExprCompiler.Typed value = exprs.compile(init, scope);
    String name = scope.process() == null ? v.name()
        : scope.process().instanceName(scope.instance()) + "." + v.name();
    if (v.type() instanceof Type.Scalar s) {
      return link(store(v.base(), s, value.code(), name, init.pos()), next);
    } else if (v.type() instanceof Type.Array a) {
      Instr chain = next;
      for (int i = a.slots() - 1; i >= 0; i--) {
        chain = link(store(v.base() + i, a.element(), value.code(),
            FailureText.element(name, a.second() == null ? a.index().lo() + i : i, a),
            init.pos()), chain);
      }
      return chain;
    }
    throw ExprCompiler.unchecked(init.pos()); // a container takes no initial value
  }

  private static Instr.Store store(int slot, Type.Scalar type, Code value, String target,
      poolcheck.language.Position pos) {
    Instr.Store store = new Instr.Store(slot, type.lo(), type.hi(), value,
        Compiler.VALUE_OUT_OF_RANGE);
    store.target = target;
    store.pos = pos;
    return store;
  }

  void compileProcesses(CompiledModel.Builder model) {
    for (CheckedModel.Process p : checked.processes().values()) {
      for (int i = 0; i < p.instances(); i++) {
        Scope scope = Scope.of(p, i);
        int pcSlot = p.pcBase() + i;
        Instr[] entries = new Instr[p.checkedSteps().size()];
        for (int k = 0; k < entries.length; k++) {
          CheckedStep step = p.checkedSteps().get(k);
          entries[k] = step(p, step, scope, pcSlot);
        }
        sites.enterStep(null);
        model.instance(p.instanceName(i), pcSlot, p.checkedSteps(), entries);
      }
    }
  }

  private Instr step(CheckedModel.Process p, CheckedStep step, Scope scope, int pcSlot) {
    sites.enterStep(p.name() + "." + step.label());
    Instr body = block(step.body(), new Instr.Emit(pcSlot, step.next()), scope);
    if (step.guard() != null) {
      body = link(new Instr.When(exprs.bool(step.guard(), scope), -1), body);
    }
    return body;
  }

  private Instr block(ImmutableList<Action> body, Instr next, Scope scope) {
    Instr chain = next;
    for (Action a : body.reverse()) chain = a.accept(new Statement(chain, scope));
    return chain;
  }

  private static Instr link(Instr instr, Instr next) {
    instr.next = next;
    return instr;
  }

  /**
   * One checked statement compiled knowing what runs after it ({@code next}); blocks inside it
   * go back through {@link #block}.
   */
  private final class Statement implements Action.Visitor<Instr> {
    private final Instr next;
    private final Scope scope;

    Statement(Instr next, Scope scope) {
      this.next = next;
      this.scope = scope;
    }

    @Override
    public Instr assign(Action.Assign a) {
      return store(a.target(), exprs.compile(a.value(), scope), a.value().pos(), next, scope);
    }

    @Override
    public Instr push(Action.Push p) {
      int base = slot(p.container(), scope);
      Type.Container ct = p.type();
      ExprCompiler.Typed value = exprs.compile(p.value(), scope);
      Instr.Push push = new Instr.Push(base, ct.capacity(), ct.element().lo(),
          ct.element().hi(), value.code(), Compiler.OVERFLOW, Compiler.VALUE_OUT_OF_RANGE);
      push.target = displayName(p.container(), scope);
      push.element = ct.element().kind();
      push.pos = p.pos();
      return link(push, next);
    }

    @Override
    public Instr pop(Action.Pop p) {
      int base = slot(p.container(), scope);
      Type.Container ct = p.type();
      Instr after = next;
      if (p.target() != null) {
        after = store(p.target(), new ExprCompiler.Typed(new Code.Register(),
            ct.element().kind()), p.containerAt(), next, scope);
      }
      Instr.Pop pop = new Instr.Pop(base, ct.capacity(), ct.fifo(), ct.element().lo(), Compiler.UNDERFLOW);
      pop.target = displayName(p.container(), scope);
      pop.pos = p.pos();
      return link(pop, after);
    }

    @Override
    public Instr ifElse(Action.If i) {
      return new Instr.If(exprs.bool(i.condition(), scope), block(i.then(), next, scope),
          block(i.otherwise(), next, scope));
    }

    @Override
    public Instr when(Action.When w) {
      return link(new Instr.When(exprs.bool(w.condition(), scope),
          sites.site(Site.Kind.WHEN, w.pos(), null)), next);
    }

    @Override
    public Instr either(Action.Either e) {
      Instr[] branches = new Instr[e.branches().size()];
      for (int b = 0; b < branches.length; b++) {
        branches[b] = block(e.branches().get(b), next, scope);
      }
      return new Instr.Either(branches);
    }

    @Override
    public Instr choose(Action.Choose ch) {
      Scope inner = scope.bind(ch.variable(), ch.domain());
      return new Instr.Choose(inner.bound().get(ch.variable()).index(), ch.domain().lo(),
          ch.domain().hi(), block(ch.body(), next, inner));
    }

    @Override
    public Instr forEach(Action.For f) {
      Scope inner = scope.bind(f.variable(), f.domain());
      Instr.For loop = new Instr.For(inner.bound().get(f.variable()).index(), f.domain().lo(),
          f.domain().hi());
      loop.body = block(f.body(), new Instr.ForNext(loop), inner);
      return link(loop, next);
    }

    @Override
    public Instr assertion(Action.Assert a) {
      Instr.Assert check = new Instr.Assert(ctx.property(a.property()).id(),
          exprs.bool(a.condition(), scope), sites.site(Site.Kind.ASSERT, a.pos(), a.property()));
      check.reads = exprs.reads(a.condition(), scope);
      return link(check, next);
    }

    @Override
    public Instr jump(Action.Goto g) {
      return new Instr.Emit(scope.process().pcBase() + scope.instance(), g.pc());
    }

    @Override
    public Instr skip(Action.Skip s) {
      return next;
    }
  }

  /** What the checker resolved a target to, stored with the value's type checked against it. */
  private Instr store(Action.Target target, ExprCompiler.Typed value,
      poolcheck.language.Position valuePos, Instr next, Scope scope) {
    int base = slot(target.variable(), scope);
    String name = displayName(target.variable(), scope);
    if (target.index() == null) {
      Type.Scalar s = target.stored();
      return link(store(base, s, value.code(), name, target.written().pos()), next);
    }
    Type.Array a = (Type.Array) target.variable().type();
    ExprCompiler.Typed i = exprs.compile(target.index(), scope);
    Code index = i.code();
    int indexLo = a.index().lo();
    if (target.second() != null) {
      // owner[p][c]: the store over all the array's slots takes the checked row-major offset
      ExprCompiler.Typed j = exprs.compile(target.second(), scope);
      Code.Cell cell = new Code.Cell(i.code(), a, j.code(), Compiler.INDEX_OUT_OF_RANGE);
      cell.source = target.written();
      index = cell;
      indexLo = 0;
    }
    Instr.StoreElement store = new Instr.StoreElement(base, indexLo, a.slots(), index,
        a.element().lo(), a.element().hi(), value.code(), Compiler.INDEX_OUT_OF_RANGE,
        Compiler.VALUE_OUT_OF_RANGE);
    store.target = name;
    store.type = a;
    store.pos = target.written().pos();
    return link(store, next);
  }

  /** The first slot of what the checker resolved a statement to write, in this instance. */
  private int slot(Action.Place place, Scope scope) {
    return checked.base(place, scope.process(), scope.instance());
  }

  /** A local is shown with its instance ("reader[1].x"), as in traces; a global by its name. */
  private static String displayName(Action.Place place, Scope scope) {
    return place.local() ? scope.process().instanceName(scope.instance()) + "." + place.name()
        : place.name();
  }
}
