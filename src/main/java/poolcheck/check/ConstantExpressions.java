package poolcheck.check;

import static poolcheck.language.ErrorCode.CONSTANT_OVERFLOW;
import static poolcheck.language.ErrorCode.NOT_CONSTANT;
import static poolcheck.language.ErrorCode.OUT_OF_RANGE;
import static poolcheck.language.ErrorCode.SELF_OUTSIDE_PROCESS;
import static poolcheck.language.ErrorCode.TYPE_MISMATCH;

import poolcheck.language.Expr;
import poolcheck.language.Position;

/**
 * Types and evaluates constant expressions: constants' values and settings, range bounds,
 * sizes, capacities and instance counts. Walks an expression in the order the expression
 * compiler does (operands left to right, then their types, then folding), so that of two
 * mistakes the same one is reported; whatever reads the state is refused as not constant.
 */
final class ConstantExpressions {
  record Typed(ConstantTerm term, Type type) {}

  private final Symbols symbols;
  private final Reports reports;
  private final Names names;

  ConstantExpressions(Checking ctx) {
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

  private Typed type(Expr e, Scope scope) {
    return e.accept(new Walk(scope));
  }

  /** One expression in one constant scope; parts go back through {@link #type}. */
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
      if (names.variable(n.name(), scope) != null) {
        throw reports.error(NOT_CONSTANT, n.pos(), "not a constant expression: '" + n.name()
            + "' is a variable");
      }
      CheckedModel.Constant k = symbols.constants.get(n.name());
      if (k != null) return new Typed(new ConstantTerm.Lit(k.value()), k.kind());
      CheckedModel.EnumValue ev = symbols.enumValues.get(n.name());
      if (ev != null) return new Typed(new ConstantTerm.Lit(ev.ordinal()), ev.type());
      throw names.notAValue(n);
    }

    /** Indexing reads storage, which no constant expression may: the error says why. */
    @Override
    public Typed index(Expr.Index ix) {
      if (ix.target() instanceof Expr.Index row) {
        names.storage(row.target() instanceof Expr.Index deeper ? Names.innermost(deeper)
            : row.target(), scope, "an array");
      } else {
        names.storage(ix.target(), scope, "an array or a container");
      }
      throw new IllegalStateException("storage in a constant expression: " + ix);
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
        case "len", "cap", "empty", "full", "head", "contains" -> {
          names.arity(call, f.equals("contains") ? 2 : 1);
          names.storage(call.args().get(0), scope, "a fifo or lifo");
          throw new IllegalStateException("storage in a constant expression: " + call);
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
      throw reports.error(NOT_CONSTANT, at.pos(), "not a constant expression: at(...) reads the "
          + "state");
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
      throw reports.error(NOT_CONSTANT, l.pos(), "not a constant expression: "
          + poolcheck.language.Printer.print(l) + " reads the state");
    }

    @Override
    public Typed recordLit(Expr.RecordLit r) {
      throw new IllegalStateException("records are flattened by the loader");
    }
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
