package poolcheck.check;

import static poolcheck.language.ErrorCode.BAD_INSTANCE_COUNT;
import static poolcheck.language.ErrorCode.CONSTANT_OVERFLOW;
import static poolcheck.language.ErrorCode.MISSING_LABEL;
import static poolcheck.language.ErrorCode.NOT_ALLOWED_HERE;
import static poolcheck.language.ErrorCode.NOT_A_CONTAINER;
import static poolcheck.language.ErrorCode.NOT_A_RECORD;
import static poolcheck.language.ErrorCode.NOT_CONSTANT;
import static poolcheck.language.ErrorCode.OUT_OF_RANGE;
import static poolcheck.language.ErrorCode.SELF_OUTSIDE_PROCESS;
import static poolcheck.language.ErrorCode.TYPE_MISMATCH;
import static poolcheck.language.ErrorCode.UNKNOWN_NAME;

import poolcheck.language.Expr;
import poolcheck.language.Position;

/**
 * Types every expression and reports its mistakes: in steps, init blocks and properties (once
 * per process instance, where self is a number) and constant expressions (constants' values and
 * settings, range bounds, sizes, capacities and instance counts), which it also evaluates.
 * Constant operands are folded as the compiler folds them, so an overflow or an instance out of
 * range is found here. Walks an expression in the order the expression compiler does (operands
 * left to right, then their types, then folding), so that of two mistakes the same one is
 * reported. Result types are kinds: int, bool or an enum.
 */
final class ExprChecker {
  record Typed(ConstantTerm term, Type type) {}

  /** What an expression that reads the state stands for: no constant, never evaluated here. */
  private static final ConstantTerm STATE = new ConstantTerm.State();

  private final Symbols symbols;
  private final Reports reports;
  private final Names names;

  ExprChecker(Checking ctx) {
    this.symbols = ctx.symbols();
    this.reports = ctx.reports();
    this.names = ctx.names();
  }

  Typed constant(Expr e, Scope scope) {
    return type(e, scope.constant());
  }

  int constantInt(Expr e) {
    Typed t = constant(e, Scope.CONSTANT);
    names.expect(e.pos(), Type.INT, t.type(), "an integer");
    return evaluate(t.term(), e.pos());
  }

  /** {@code pos} is where a failing constant expression is reported (never pass null). */
  int evaluate(ConstantTerm term, Position pos) {
    try {
      return term.eval(new int[Math.max(symbols.envSize, 8)]);
    } catch (ConstantTerm.Failure f) {
      if (f.overflow) throw overflow(f, pos);
      throw reports.error(OUT_OF_RANGE, pos, "constant expression fails: division by zero");
    }
  }

  /** A constant computation outside the 32-bit range: reported where the expression is. */
  private CheckError overflow(ConstantTerm.Failure f, Position pos) {
    return reports.error(CONSTANT_OVERFLOW, pos, "integer overflow in a constant expression: "
        + f.detail.replace(" at " + pos + ":", ":"));
  }

  Typed type(Expr e, Scope scope) {
    return e.accept(new Walk(scope));
  }

  /** A condition: a boolean expression. */
  Typed bool(Expr e, Scope scope) {
    Typed t = type(e, scope);
    names.expect(e.pos(), Type.BOOL, t.type(), "a boolean condition");
    return t;
  }

  /** One expression in one scope; parts go back through {@link #type}. */
  private final class Walk implements Expr.Visitor<Typed> {
    private final Scope scope;

    Walk(Scope scope) {
      this.scope = scope;
    }

    @Override
    public Typed intLit(Expr.IntLit i) {
      return new Typed(new ConstantTerm.Lit(i.value()), Type.INT);
    }

    @Override
    public Typed boolLit(Expr.BoolLit b) {
      return new Typed(new ConstantTerm.Lit(b.value() ? 1 : 0), Type.BOOL);
    }

    @Override
    public Typed self(Expr.Self s) {
      if (scope.process() == null) {
        throw reports.error(SELF_OUTSIDE_PROCESS, s.pos(), "'self' is only meaningful inside a "
            + "process");
      }
      return new Typed(new ConstantTerm.Lit(scope.instance()), Type.INT);
    }

    @Override
    public Typed name(Expr.Name n) {
      Scope.Bound bound = scope.bound().get(n.name());
      if (bound != null) {
        return new Typed(new ConstantTerm.BoundRead(bound.index()), Names.kindOf(bound.type()));
      }
      CheckedModel.Variable v = names.variable(n.name(), scope);
      if (v != null) {
        if (scope.constOnly()) {
          throw reports.error(NOT_CONSTANT, n.pos(), "not a constant expression: '" + n.name()
              + "' is a variable");
        }
        if (!(v.type() instanceof Type.Scalar s)) {
          throw reports.error(TYPE_MISMATCH, n.pos(), "type mismatch: '" + n.name() + "' is a "
              + v.type().describe() + ", expected a value here"
              + (v.type() instanceof Type.Container ? " (len(" + n.name() + "), head("
                  + n.name() + ") or " + n.name() + "[i] read it)" : " (index it: " + n.name()
                  + "[i]" + (v.type() instanceof Type.Array a && a.second() != null ? "[j]" : "")
                  + ")"));
        }
        return new Typed(STATE, s.kind());
      }
      CheckedModel.Constant k = symbols.constants.get(n.name());
      if (k != null) return new Typed(new ConstantTerm.Lit(k.value()), k.kind());
      CheckedModel.EnumValue ev = symbols.enumValues.get(n.name());
      if (ev != null) return new Typed(new ConstantTerm.Lit(ev.ordinal()), ev.type());
      throw names.notAValue(n);
    }

    @Override
    public Typed index(Expr.Index ix) {
      return ExprChecker.this.index(ix, scope);
    }

    @Override
    public Typed unary(Expr.Unary u) {
      Typed a = type(u.operand(), scope);
      if (u.op().equals("!")) {
        names.expect(u.operand().pos(), Type.BOOL, a.type(), "a boolean operand of '!'");
        return new Typed(new ConstantTerm.Not(a.term()), Type.BOOL);
      }
      names.expect(u.operand().pos(), Type.INT, a.type(), "an integer operand of '-'");
      return new Typed(fold(new ConstantTerm.Negate(a.term(), u), u.pos(), a.term()),
          Type.INT);
    }

    @Override
    public Typed binary(Expr.Binary b) {
      Typed l = type(b.left(), scope);
      Typed r = type(b.right(), scope);
      String op = b.op();
      switch (op) {
        case "&&", "||", "=>" -> {
          names.expect(b.left().pos(), Type.BOOL, l.type(), "a boolean operand of '" + op + "'");
          names.expect(b.right().pos(), Type.BOOL, r.type(), "a boolean operand of '" + op
              + "'");
          int logic = op.equals("&&") ? 0 : op.equals("||") ? 1 : 2;
          return new Typed(new ConstantTerm.Logic(logic, l.term(), r.term()), Type.BOOL);
        }
        case "==", "!=" -> {
          if (!Type.compatible(l.type(), r.type())) {
            throw reports.error(TYPE_MISMATCH, b.pos(), "type mismatch: '" + op + "' compares "
                + l.type().describe() + " with " + r.type().describe());
          }
          return new Typed(arith(op.equals("==") ? Arithmetic.EQ : Arithmetic.NE, l, r, b),
              Type.BOOL);
        }
        default -> {
          names.expect(b.left().pos(), Type.INT, l.type(), "an integer operand of '" + op + "'");
          names.expect(b.right().pos(), Type.INT, r.type(), "an integer operand of '" + op
              + "'");
          int code = switch (op) {
            case "+" -> Arithmetic.ADD;
            case "-" -> Arithmetic.SUB;
            case "*" -> Arithmetic.MUL;
            case "/" -> Arithmetic.DIV;
            case "%" -> Arithmetic.MOD;
            case "<" -> Arithmetic.LT;
            case "<=" -> Arithmetic.LE;
            case ">" -> Arithmetic.GT;
            case ">=" -> Arithmetic.GE;
            default -> throw new IllegalStateException(op);
          };
          return new Typed(arith(code, l, r, b), code >= Arithmetic.LT ? Type.BOOL : Type.INT);
        }
      }
    }

    @Override
    public Typed call(Expr.Call call) {
      String f = call.function();
      switch (f) {
        case "len", "cap", "empty", "full", "head" -> {
          names.arity(call, 1);
          CheckedModel.Variable v = names.storage(call.args().get(0), scope, "a fifo or lifo");
          Type.Container ct = names.container(v, call.args().get(0).pos());
          return switch (f) {
            case "len" -> new Typed(STATE, Type.INT);
            case "cap" -> new Typed(new ConstantTerm.Lit(ct.capacity()), Type.INT);
            case "empty", "full" -> new Typed(STATE, Type.BOOL);
            default -> new Typed(STATE, ct.element().kind());
          };
        }
        case "contains" -> {
          names.arity(call, 2);
          CheckedModel.Variable v = names.storage(call.args().get(0), scope, "a fifo or lifo");
          Type.Container ct = names.container(v, call.args().get(0).pos());
          Typed value = type(call.args().get(1), scope);
          names.expect(call.args().get(1).pos(), ct.element().kind(), value.type(),
              "an element of " + v.name());
          return new Typed(STATE, Type.BOOL);
        }
        case "min", "max" -> {
          names.arity(call, 2);
          Typed a = type(call.args().get(0), scope);
          Typed b = type(call.args().get(1), scope);
          names.expect(call.args().get(0).pos(), Type.INT, a.type(), "an integer argument of "
              + f);
          names.expect(call.args().get(1).pos(), Type.INT, b.type(), "an integer argument of "
              + f);
          return new Typed(arith(f.equals("min") ? Arithmetic.MIN : Arithmetic.MAX, a, b, call),
              Type.INT);
        }
        default -> throw names.notABuiltin(call);
      }
    }

    @Override
    public Typed at(Expr.At at) {
      return ExprChecker.this.at(at, scope);
    }

    @Override
    public Typed quantifier(Expr.Quantifier q) {
      Scope inner = names.bind(q.variable(), q.domain(), scope, q.pos());
      Scope.Bound b = inner.bound().get(q.variable());
      Typed body = type(q.body(), inner);
      names.expect(q.body().pos(), Type.BOOL, body.type(), "a boolean body of '" + q.kind()
          + "'");
      int kind = switch (q.kind()) {
        case "forall" -> 0;
        case "exists" -> 1;
        default -> 2;
      };
      return new Typed(new ConstantTerm.Quantifier(kind, b.index(), b.type().lo(),
          b.type().hi(), body.term()), kind == 2 ? Type.INT : Type.BOOL);
    }

    @Override
    public Typed localOf(Expr.LocalOf l) {
      return ExprChecker.this.localOf(l, scope);
    }

    @Override
    public Typed recordLit(Expr.RecordLit r) {
      throw new IllegalStateException("records are flattened by the loader");
    }
  }

  private Typed index(Expr.Index ix, Scope scope) {
    if (ix.target() instanceof Expr.Index row) return cell(row, ix, scope);
    CheckedModel.Variable v = names.storage(ix.target(), scope, "an array or a container");
    Typed i = type(ix.index(), scope);
    if (v.type() instanceof Type.Array a && a.second() != null) {
      throw names.wrongIndexCount(v, a, ix.target().pos(), 1);
    }
    if (v.type() instanceof Type.Array a) {
      names.expect(ix.index().pos(), a.index().kind(), i.type(), "an index of type "
          + a.index().describe());
      return new Typed(STATE, a.element().kind());
    }
    if (v.type() instanceof Type.Container ct) {
      names.expect(ix.index().pos(), Type.INT, i.type(), "an integer position");
      return new Typed(STATE, ct.element().kind());
    }
    throw reports.error(NOT_A_CONTAINER, ix.target().pos(), "'" + v.name() + "' is a "
        + v.type().describe() + ", expected an array or a container to index");
  }

  /** {@code owner[p][c]}: element (p, c) of a two-dimensional array, each index its own type. */
  private Typed cell(Expr.Index row, Expr.Index ix, Scope scope) {
    if (row.target() instanceof Expr.Index deeper) {
      CheckedModel.Variable v = names.storage(Names.innermost(deeper), scope, "an array");
      throw names.wrongIndexCount(v, v.type() instanceof Type.Array a ? a : null,
          Names.innermost(deeper).pos(), 3);
    }
    CheckedModel.Variable v = names.storage(row.target(), scope, "an array");
    if (!(v.type() instanceof Type.Array a) || a.second() == null) {
      if (v.type() instanceof Type.Array a) {
        throw names.wrongIndexCount(v, a, row.target().pos(), 2);
      }
      throw reports.error(NOT_A_CONTAINER, row.target().pos(), "'" + v.name() + "' is a "
          + v.type().describe() + ", expected a two-dimensional array to index twice");
    }
    Typed i = type(row.index(), scope);
    names.expect(row.index().pos(), a.index().kind(), i.type(), "a first index of type "
        + a.index().describe());
    Typed j = type(ix.index(), scope);
    names.expect(ix.index().pos(), a.second().kind(), j.type(), "a second index of type "
        + a.second().describe());
    return new Typed(STATE, a.element().kind());
  }

  private Typed at(Expr.At at, Scope scope) {
    if (scope.constOnly()) {
      throw reports.error(NOT_CONSTANT, at.pos(), "not a constant expression: at(...) reads the "
          + "state");
    }
    Symbols.Process p = symbols.processes.get(at.process());
    if (p == null) {
      throw reports.error(UNKNOWN_NAME, at.pos(), "unknown process '" + at.process() + "'");
    }
    if (!at.label().equals("done") && !p.labels.containsKey(at.label())) {
      throw reports.error(MISSING_LABEL, at.labelPos(), "no label '" + at.label() + "' in "
          + "process '" + p.name + "'");
    }
    if (at.instance() == null) {
      if (p.indexed) {
        throw reports.error(BAD_INSTANCE_COUNT, at.pos(), "process '" + p.name + "' has "
            + p.instances + " instances: write at(" + p.name + "[i], " + at.label() + ")");
      }
      return new Typed(STATE, Type.BOOL);
    }
    instance(at.instance(), p, scope);
    return new Typed(STATE, Type.BOOL);
  }

  /** An instance number: an integer, and one of the process's if it is a constant. */
  private void instance(Expr instance, Symbols.Process p, Scope scope) {
    Typed i = type(instance, scope);
    names.expect(instance.pos(), Type.INT, i.type(), "an instance number");
    if (i.term() instanceof ConstantTerm.Lit k && (k.value() < 0 || k.value() >= p.instances)) {
      throw reports.error(BAD_INSTANCE_COUNT, instance.pos(), "instance " + k.value() + " of "
          + "process '" + p.name + "' does not exist: expected 0 .. " + (p.instances - 1));
    }
  }

  /**
   * {@code reader[0].got}: read-only and in properties only. A step that read another instance's
   * local would share memory the step-granularity rule counts as private, so steps, guards,
   * {@code init} and initialisers are refused; a property is the checker's instrument and makes
   * no access. Process instances are never permuted by symmetry reduction (only scalarset values
   * are, in every slot, locals included), so naming an instance keeps a property symmetric.
   */
  private Typed localOf(Expr.LocalOf l, Scope scope) {
    String written = poolcheck.language.Printer.print(l);
    if (scope.constOnly()) {
      throw reports.error(NOT_CONSTANT, l.pos(), "not a constant expression: " + written
          + " reads the state");
    }
    if (!symbols.processes.containsKey(l.process()) && symbols.declared.containsKey(l.process())
        && !symbols.processNames.contains(l.process())) {
      throw reports.error(NOT_A_RECORD, l.pos(), "'" + l.process() + "' is neither a record nor "
          + "a process: '.' reads a field of a record variable (page[p].pp_ref) or a local of a "
          + "process instance (reader[0].got)");
    }
    if (!scope.property()) {
      throw reports.error(NOT_ALLOWED_HERE, l.pos(), written + " reads a local of another "
          + "process: only invariants, final and liveness properties may (a step that read it "
          + "would share memory the model declares private; make it a global variable)");
    }
    Symbols.Process p = symbols.processes.get(l.process());
    if (p == null) {
      if (symbols.declared.containsKey(l.process())) {
        throw new CheckError(); // its declaration failed and was reported
      }
      throw reports.error(UNKNOWN_NAME, l.pos(), "unknown process '" + l.process() + "'");
    }
    Type type = p.localTypes.get(l.local());
    if (type == null) {
      if (p.decl.locals().stream().anyMatch(v -> v.name().equals(l.local()))) {
        throw new CheckError(); // its declaration failed and was reported
      }
      String near = Suggestions.closest(l.local(), p.localTypes.keySet());
      throw reports.error(UNKNOWN_NAME, l.localPos(), "process '" + p.name + "' has no local '"
          + l.local() + "'" + (near == null ? "" : ": did you mean '" + near + "'?"));
    }
    if (!(type instanceof Type.Scalar s)) {
      throw reports.error(TYPE_MISMATCH, l.localPos(), "type mismatch: local '" + l.local()
          + "' of process '" + p.name + "' is a " + type.describe() + "; a property reads "
          + "scalar locals of another process only");
    }
    if (l.instance() == null) {
      if (p.indexed) {
        throw reports.error(BAD_INSTANCE_COUNT, l.pos(), "process '" + p.name + "' has "
            + p.instances + " instances: write " + p.name + "[i]." + l.local());
      }
      return new Typed(STATE, s.kind());
    }
    if (!p.indexed) {
      throw reports.error(BAD_INSTANCE_COUNT, l.instance().pos(), "process '" + p.name + "' has "
          + "one instance: write " + p.name + "." + l.local());
    }
    instance(l.instance(), p, scope);
    return new Typed(STATE, s.kind());
  }

  private ConstantTerm arith(int op, Typed l, Typed r, Expr source) {
    return fold(new ConstantTerm.Arith(op, l.term(), r.term(), source), source.pos(), l.term(),
        r.term());
  }

  /**
   * Constant operands are folded as the compiler folds them: an overflow is an error where the
   * expression is written, a division by zero is left to evaluation.
   */
  private ConstantTerm fold(ConstantTerm term, Position pos, ConstantTerm... operands) {
    for (ConstantTerm o : operands) {
      if (!(o instanceof ConstantTerm.Lit)) return term;
    }
    try {
      return new ConstantTerm.Lit(term.eval(new int[0]));
    } catch (ConstantTerm.Failure f) {
      if (f.overflow) throw overflow(f, pos);
      return term;
    }
  }
}
