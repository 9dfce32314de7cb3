package poolcheck.check;

import static poolcheck.language.ErrorCode.CONSTANT_ASSUMPTION_FALSE;
import static poolcheck.language.ErrorCode.DUPLICATE_DECLARATION;
import static poolcheck.language.ErrorCode.INITIAL_VALUE_OUT_OF_RANGE;
import static poolcheck.language.ErrorCode.TYPE_MISMATCH;
import static poolcheck.language.ErrorCode.UNKNOWN_NAME;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import poolcheck.language.Decl;
import poolcheck.language.Expr;
import poolcheck.language.Position;
import poolcheck.language.Printer;

/**
 * Types every expression of the initialisers, init blocks, steps and properties, for every
 * process instance (self is a number there, so an instance out of range or a constant overflow
 * may show in one instance only), and collects the properties as written. It visits them in
 * the order the compiler compiles them (init blocks, locals and globals last first; each
 * statement list last statement first; a step's body before its guard), so that of several
 * mistakes the same are reported as when the compiler found them: the first error abandons its
 * step, init block, initialiser or property.
 */
final class ExpressionPass {
  private final Symbols symbols;
  private final Reports reports;
  private final Names names;
  private final ExprChecker exprs;
  /** Invariants, the final predicate, assumptions, liveness and fairness, in text order. */
  final List<CheckedModel.Spec> spec = new ArrayList<>();

  ExpressionPass(Checking ctx) {
    this.symbols = ctx.symbols();
    this.reports = ctx.reports();
    this.names = ctx.names();
    this.exprs = ctx.exprs();
  }

  void run(List<Decl> decls, List<ImmutableList<Action>> inits) {
    initial(inits);
    steps();
    properties(decls);
  }

  private void initial(List<ImmutableList<Action>> inits) {
    for (ImmutableList<Action> init : ImmutableList.copyOf(inits).reverse()) {
      try {
        block(init, Scope.INIT);
      } catch (CheckError e) {
        // recorded
      }
    }
    // the initialisers the declarations accepted, as the compiler takes them from the checked
    // model (CheckedModel.initialValues), visited in the reverse of that order
    for (Symbols.Process p : ImmutableList.copyOf(symbols.processes.values()).reverse()) {
      for (int i = p.instances - 1; i >= 0; i--) {
        for (Map.Entry<String, Expr> v : reversed(p.initialValues)) {
          try {
            Scope scope = Scope.of(p, i);
            initialise(names.variable(v.getKey(), scope), v.getValue(), scope);
          } catch (CheckError e) {
            // recorded
          }
        }
      }
    }
    for (Map.Entry<String, Expr> v : reversed(symbols.initialValues)) {
      try {
        initialise(symbols.globals.get(v.getKey()), v.getValue(), Scope.GLOBAL);
      } catch (CheckError e) {
        // recorded
      }
    }
  }

  private static ImmutableList<Map.Entry<String, Expr>> reversed(Map<String, Expr> inOrder) {
    return ImmutableList.copyOf(inOrder.entrySet()).reverse();
  }

  private void initialise(CheckedModel.Variable v, Expr init, Scope scope) {
    ExprChecker.Typed value = exprs.type(init, scope);
    if (v.type() instanceof Type.Scalar s) {
      names.expect(init.pos(), s.kind(), value.type(), "a value of " + v.name() + "'s type");
      initialInRange(v.name(), s, value.term(), init, scope);
    } else if (v.type() instanceof Type.Array a) {
      names.expect(init.pos(), a.element().kind(), value.type(), "one value for every element "
          + "of " + v.name());
      initialInRange(v.name(), a.element(), value.term(), init, scope);
    } else {
      throw reports.error(TYPE_MISMATCH, init.pos(), "type mismatch: " + v.name() + " is a "
          + v.type().describe() + ", which starts empty and takes no initial value");
    }
  }

  /**
   * A constant initial value outside the variable's range is a mistake in the text, not a
   * behaviour: an error at load time rather than a violation with no step.
   */
  private void initialInRange(String name, Type.Scalar type, ConstantTerm value, Expr init,
      Scope scope) {
    if (value instanceof ConstantTerm.Lit k && (k.value() < type.lo() || k.value() > type.hi())) {
      // one message per declaration, not one per instance of its process
      if (scope.instance() > 0) throw new CheckError();
      String who = scope.process() == null ? name : scope.process().name + "." + name;
      throw reports.error(INITIAL_VALUE_OUT_OF_RANGE, init.pos(), "initial value " + k.value()
          + " of " + who + " is outside its type " + type.describe());
    }
  }

  private void steps() {
    for (Symbols.Process p : symbols.processes.values()) {
      for (int i = 0; i < p.instances; i++) {
        Scope scope = Scope.of(p, i);
        for (CheckedStep step : p.checkedSteps) {
          if (step == null) continue; // refused by the statement checker, and reported
          try {
            block(step.body(), scope);
            if (step.guard() != null) exprs.bool(step.guard(), scope);
          } catch (CheckError e) {
            // recorded; the step's other instances are still checked
          }
        }
      }
    }
  }

  private void block(ImmutableList<Action> body, Scope scope) {
    for (Action a : body.reverse()) a.accept(new Statement(scope));
  }

  /** The expressions of one checked statement, in the order the compiler compiles them. */
  private final class Statement implements Action.Visitor<Void> {
    private final Scope scope;

    Statement(Scope scope) {
      this.scope = scope;
    }

    @Override
    public Void assign(Action.Assign a) {
      store(a.target(), exprs.type(a.value(), scope).type(), a.value().pos(), scope);
      return null;
    }

    @Override
    public Void push(Action.Push p) {
      ExprChecker.Typed value = exprs.type(p.value(), scope);
      names.expect(p.value().pos(), p.type().element().kind(), value.type(), "an element of "
          + p.container().name());
      return null;
    }

    @Override
    public Void pop(Action.Pop p) {
      if (p.target() != null) {
        store(p.target(), p.type().element().kind(), p.containerAt(), scope);
      }
      return null;
    }

    @Override
    public Void ifElse(Action.If i) {
      exprs.bool(i.condition(), scope);
      block(i.then(), scope);
      block(i.otherwise(), scope);
      return null;
    }

    @Override
    public Void when(Action.When w) {
      return condition(w.condition());
    }

    @Override
    public Void either(Action.Either e) {
      for (ImmutableList<Action> branch : e.branches()) block(branch, scope);
      return null;
    }

    @Override
    public Void choose(Action.Choose ch) {
      return bound(ch.variable(), ch.domain(), ch.body());
    }

    @Override
    public Void forEach(Action.For f) {
      return bound(f.variable(), f.domain(), f.body());
    }

    @Override
    public Void assertion(Action.Assert a) {
      return condition(a.condition());
    }

    @Override
    public Void jump(Action.Goto g) {
      return null;
    }

    @Override
    public Void skip(Action.Skip s) {
      return null;
    }

    private Void condition(Expr condition) {
      exprs.bool(condition, scope);
      return null;
    }

    /** A choose or for body, with its variable bound at the next index. */
    private Void bound(String variable, Type.Scalar domain, ImmutableList<Action> body) {
      block(body, scope.bind(variable, scope.nextIndex(), domain));
      return null;
    }
  }

  /** A value of type {@code value} stored where the statement checker resolved the target. */
  private void store(Action.Target target, Type value, Position valuePos, Scope scope) {
    String name = target.variable().name();
    if (target.index() == null) {
      names.expect(valuePos, target.stored().kind(), value, "a value of " + name + "'s type");
      return;
    }
    Type.Array a = (Type.Array) target.variable().type();
    ExprChecker.Typed i = exprs.type(target.index(), scope);
    names.expect(target.index().pos(), a.index().kind(), i.type(), "an index of type "
        + a.index().describe());
    if (target.second() != null) {
      ExprChecker.Typed j = exprs.type(target.second(), scope);
      names.expect(target.second().pos(), a.second().kind(), j.type(), "a second index of type "
          + a.second().describe());
    }
    names.expect(valuePos, a.element().kind(), value, "an element of " + name);
  }

  /**
   * An assumption that reads no state is about the constants alone, as TLA+'s ASSUME: true, it
   * constrains nothing and is dropped; false, the configuration is one the model rules out (a
   * feature constant set without the ones it needs), and a search would otherwise prune every
   * initial state and say "verified" about nothing. Evaluated with the constants in place, so
   * {@code N == 0 || x == 1} is dropped for N = 0 and a state constraint for N = 1.
   */
  private boolean constantAssumption(Decl.Assume a) {
    ExprChecker.Typed t = exprs.bool(a.condition(), Scope.PROPERTY);
    int value;
    try {
      value = exprs.evaluate(t.term(), a.pos());
    } catch (ConstantTerm.StateRead reads) {
      return false;
    }
    if (value != 0) return true;
    String text = Printer.print(a.condition());
    // the constants it names, in the order it names them
    TreeMap<Integer, String> values = new TreeMap<>();
    for (CheckedModel.Constant k : symbols.constants.values()) {
      Matcher m = Pattern.compile("\\b" + Pattern.quote(k.name()) + "\\b")
          .matcher(text);
      if (m.find()) {
        values.put(m.start(), k.name() + " = " + (k.bool() ? String.valueOf(k.value() != 0)
            : k.value()));
      }
    }
    String named = values.isEmpty() ? "" : " for " + String.join(", ", values.values());
    throw reports.error(CONSTANT_ASSUMPTION_FALSE, a.pos(), "assumption '" + text + "' is false"
        + named + ": expected constants it allows (a configuration, or -D values, that the "
        + "model is written for)");
  }

  /** Invariants, the final predicate, assumptions, fairness and liveness, in text order. */
  private void properties(List<Decl> decls) {
    boolean finalSeen = false;
    for (Decl d : decls) {
      try {
        if (d instanceof Decl.Invariant inv) {
          spec.add(new CheckedModel.Invariant(inv.name(), inv.condition(), inv.pos()));
          exprs.bool(inv.condition(), Scope.PROPERTY);
        } else if (d instanceof Decl.Final fin) {
          spec.add(new CheckedModel.Final(fin.condition(), fin.pos()));
          if (finalSeen) {
            throw reports.error(DUPLICATE_DECLARATION, fin.pos(), "duplicate final-state "
                + "predicate: only one 'final' declaration is allowed");
          }
          exprs.bool(fin.condition(), Scope.PROPERTY);
          finalSeen = true;
        } else if (d instanceof Decl.Assume a) {
          if (!constantAssumption(a)) {
            spec.add(new CheckedModel.Assume(a.condition()));
          }
        } else if (d instanceof Decl.Fairness fair) {
          for (int k = 0; k < fair.processes().size(); k++) {
            if (!symbols.processes.containsKey(fair.processes().get(k))) {
              throw reports.error(UNKNOWN_NAME, fair.positions().get(k), "unknown process '"
                  + fair.processes().get(k) + "' in fairness declaration");
            }
          }
          spec.add(new CheckedModel.Fairness(fair.processes(), fair.strong(),
              fair.positions()));
        } else if (d instanceof Decl.Liveness live) {
          spec.add(new CheckedModel.Liveness(live.name(), kind(live.kind()), live.p(), live.q(),
              live.pos()));
          if (live.p() != null) exprs.bool(live.p(), Scope.PROPERTY);
          exprs.bool(live.q(), Scope.PROPERTY);
        }
      } catch (CheckError e) {
        // recorded
      }
    }
  }

  /** The checked model's own name for a liveness form (see {@link CheckedModel.LivenessKind}). */
  private static CheckedModel.LivenessKind kind(Decl.LivenessKind written) {
    return switch (written) {
      case EVENTUALLY -> CheckedModel.LivenessKind.EVENTUALLY;
      case INFINITELY -> CheckedModel.LivenessKind.INFINITELY;
      case LEADS_TO -> CheckedModel.LivenessKind.LEADS_TO;
    };
  }

}
