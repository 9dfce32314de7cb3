package poolcheck.compile;

import poolcheck.check.CheckedModel;
import poolcheck.check.Type;
import poolcheck.language.Expr;
import poolcheck.language.Position;
import poolcheck.system.Site;

/**
 * Compiles the expressions of steps, init blocks and properties, once per process instance
 * (self and locals are constants and slots there). The checker has typed every one of them
 * (poolcheck.check.ExprChecker) and reported every mistake, so nothing here is a user's error:
 * what it would refuse is an {@link IllegalStateException}. Result types are kinds: int, bool
 * or an enum, kept for the failure texts.
 */
final class ExprCompiler {
  record Typed(Code code, Type type) {}

  private final Compiling ctx;
  private final CheckedModel checked;

  ExprCompiler(Compiling ctx) {
    this.ctx = ctx;
    this.checked = ctx.checked();
  }

  Code bool(Expr e, Scope scope) {
    return compile(e, scope).code();
  }

  /**
   * What the checker would have refused: the model reached the compiler unchecked, or the
   * checker and the compiler disagree. A bug, not a user's mistake.
   */
  static IllegalStateException unchecked(Position pos) {
    return new IllegalStateException("an expression the checker did not accept, at " + pos);
  }

  static Type kindOf(Type t) {
    return Type.kindOf(t);
  }

  /** The variable a name means in this scope: the instance's local, else the global. */
  CheckedModel.Variable variable(String name, Scope scope) {
    return checked.variable(name, scope.process(), scope.instance());
  }

  /** The array or container a checked reference names. */
  private CheckedModel.Variable storage(Expr target, Scope scope) {
    if (!(target instanceof Expr.Name n) || variable(n.name(), scope) == null) {
      throw unchecked(target.pos());
    }
    return variable(n.name(), scope);
  }

  Typed compile(Expr e, Scope scope) {
    return e.accept(new Walk(scope));
  }

  /** Compiles one checked expression in one scope; parts go back through {@link #compile}. */
  private final class Walk implements Expr.Visitor<Typed> {
    private final Scope scope;

    Walk(Scope scope) {
      this.scope = scope;
    }

    @Override
    public Typed intLit(Expr.IntLit i) {
      return new Typed(new Code.Const(i.value()), Type.INT);
    }

    @Override
    public Typed boolLit(Expr.BoolLit b) {
      return new Typed(new Code.Const(b.value() ? 1 : 0), Type.BOOL);
    }

    @Override
    public Typed self(Expr.Self s) {
      if (scope.process() == null) {
        throw unchecked(s.pos());
      }
      return new Typed(new Code.Const(scope.instance()), Type.INT);
    }

    @Override
    public Typed name(Expr.Name n) {
      return ExprCompiler.this.name(n, scope);
    }

    @Override
    public Typed index(Expr.Index ix) {
      return ExprCompiler.this.index(ix, scope);
    }

    @Override
    public Typed unary(Expr.Unary u) {
      Typed a = compile(u.operand(), scope);
      if (u.op().equals("!")) {
        return new Typed(new Code.Not(a.code()), Type.BOOL);
      }
      Code.Negate negate = new Code.Negate(a.code());
      negate.source = u;
      return new Typed(fold(negate, u.pos(), a.code()), Type.INT);
    }

    @Override
    public Typed binary(Expr.Binary b) {
      return ExprCompiler.this.binary(b, scope);
    }

    @Override
    public Typed call(Expr.Call call) {
      return ExprCompiler.this.call(call, scope);
    }

    @Override
    public Typed at(Expr.At at) {
      return ExprCompiler.this.at(at, scope);
    }

    @Override
    public Typed quantifier(Expr.Quantifier q) {
      return ExprCompiler.this.quantifier(q, scope);
    }

    @Override
    public Typed localOf(Expr.LocalOf l) {
      return ExprCompiler.this.localOf(l, scope);
    }

    @Override
    public Typed recordLit(Expr.RecordLit r) {
      throw new IllegalStateException("records are flattened by the loader");
    }
  }


  private Typed name(Expr.Name n, Scope scope) {
    String name = n.name();
    Scope.Bound bound = scope.bound().get(name);
    if (bound != null) return new Typed(new Code.Bound(bound.index()), kindOf(bound.type()));
    CheckedModel.Referent r = checked.referent(name, scope.process(), scope.instance());
    if (r instanceof CheckedModel.Variable v) {
      if (!(v.type() instanceof Type.Scalar s)) throw unchecked(n.pos());
      return new Typed(new Code.Slot(v.base()), s.kind());
    }
    if (r instanceof CheckedModel.Constant k) return new Typed(new Code.Const(k.value()), k.kind());
    if (r instanceof CheckedModel.EnumValue ev) {
      return new Typed(new Code.Const(ev.ordinal()), ev.type());
    }
    throw unchecked(n.pos());
  }

  private Typed index(Expr.Index ix, Scope scope) {
    if (ix.target() instanceof Expr.Index row) return cell(row, ix, scope);
    CheckedModel.Variable v = storage(ix.target(), scope);
    Typed i = compile(ix.index(), scope);
    if (v.type() instanceof Type.Array a && a.second() == null) {
      Code.ArrayRead read = new Code.ArrayRead(v.base(), a.index().lo(), a.index().size(),
          i.code(), Compiler.INDEX_OUT_OF_RANGE);
      read.source = ix;
      read.type = a;
      return new Typed(read, a.element().kind());
    }
    if (v.type() instanceof Type.Container ct) {
      Code.ElementRead read = new Code.ElementRead(v.base(), i.code(),
          Compiler.INDEX_OUT_OF_RANGE);
      read.source = ix;
      return new Typed(read, ct.element().kind());
    }
    throw unchecked(ix.target().pos());
  }

  /**
   * {@code owner[p][c]}: element (p, c) of a two-dimensional array, read at its row-major slot
   * through a {@link Code.Cell} that checks each index against its own dimension.
   */
  private Typed cell(Expr.Index row, Expr.Index ix, Scope scope) {
    CheckedModel.Variable v = storage(row.target(), scope);
    if (!(v.type() instanceof Type.Array a) || a.second() == null) {
      throw unchecked(row.target().pos());
    }
    Typed i = compile(row.index(), scope);
    Typed j = compile(ix.index(), scope);
    Code.Cell offset = new Code.Cell(i.code(), a, j.code(), Compiler.INDEX_OUT_OF_RANGE);
    offset.source = ix;
    Code.ArrayRead read = new Code.ArrayRead(v.base(), 0, a.slots(), offset,
        Compiler.INDEX_OUT_OF_RANGE);
    read.source = ix;
    read.type = a;
    return new Typed(read, a.element().kind());
  }

  private Typed binary(Expr.Binary b, Scope scope) {
    Typed l = compile(b.left(), scope);
    Typed r = compile(b.right(), scope);
    String op = b.op();
    switch (op) {
      case "&&", "||", "=>" -> {
        Code code = switch (op) {
          case "&&" -> new Code.And(l.code(), r.code());
          case "||" -> new Code.Or(l.code(), r.code());
          default -> new Code.Implies(l.code(), r.code(),
              ctx.sites().site(Site.Kind.IMPLIES, b.pos(), null));
        };
        return new Typed(code, Type.BOOL);
      }
      case "==", "!=" -> {
        if (!Type.compatible(l.type(), r.type())) {
          throw unchecked(b.pos());
        }
        return new Typed(arith(op.equals("==") ? Code.Arith.EQ : Code.Arith.NE, l, r, b),
            Type.BOOL);
      }
      default -> {
        int code = switch (op) {
          case "+" -> Code.Arith.ADD;
          case "-" -> Code.Arith.SUB;
          case "*" -> Code.Arith.MUL;
          case "/" -> Code.Arith.DIV;
          case "%" -> Code.Arith.MOD;
          case "<" -> Code.Arith.LT;
          case "<=" -> Code.Arith.LE;
          case ">" -> Code.Arith.GT;
          case ">=" -> Code.Arith.GE;
          default -> throw new IllegalStateException(op);
        };
        Type result = code >= Code.Arith.LT ? Type.BOOL : Type.INT;
        return new Typed(arith(code, l, r, b), result);
      }
    }
  }

  /** Folds constant operands so that model constants cost nothing in the hot loop. */
  private Code arith(int op, Typed l, Typed r, Expr source) {
    Code.Arith code = new Code.Arith(op, l.code(), r.code(), Compiler.DIVISION_BY_ZERO);
    code.source = source;
    return fold(code, source.pos(), l.code(), r.code());
  }

  /**
   * The value of {@code code} when its operands are constants. A constant computation that
   * overflows was refused by the checker, which folds the same way; a division by a constant
   * zero stays a runtime check, as it always was.
   */
  private Code fold(Code code, Position pos, Code... operands) {
    for (Code o : operands) {
      if (!(o instanceof Code.Const)) return code;
    }
    try {
      return new Code.Const(code.eval(null, new int[0]));
    } catch (Violation v) {
      if (v.property == Compiler.ARITHMETIC_OVERFLOW) throw unchecked(pos);
      return code;
    }
  }

  private Typed call(Expr.Call call, Scope scope) {
    String f = call.function();
    switch (f) {
      case "len", "cap", "empty", "full", "head" -> {
        CheckedModel.Variable v = storage(call.args().get(0), scope);
        Type.Container ct = (Type.Container) v.type();
        int len = v.base();
        return switch (f) {
          case "len" -> new Typed(new Code.Slot(len), Type.INT);
          case "cap" -> new Typed(new Code.Const(ct.capacity()), Type.INT);
          case "empty" -> new Typed(new Code.Arith(Code.Arith.EQ, new Code.Slot(len),
              new Code.Const(0), 0), Type.BOOL);
          case "full" -> new Typed(new Code.Arith(Code.Arith.EQ, new Code.Slot(len),
              new Code.Const(ct.capacity()), 0), Type.BOOL);
          default -> {
            Code.Head head = new Code.Head(len, ct.fifo(), Compiler.UNDERFLOW);
            head.source = call;
            yield new Typed(head, ct.element().kind());
          }
        };
      }
      case "contains" -> {
        CheckedModel.Variable v = storage(call.args().get(0), scope);
        Type.Container ct = (Type.Container) v.type();
        Typed value = compile(call.args().get(1), scope);
        return new Typed(new Code.Contains(v.base(), value.code()), Type.BOOL);
      }
      case "min", "max" -> {
        Typed a = compile(call.args().get(0), scope);
        Typed b = compile(call.args().get(1), scope);
        return new Typed(arith(f.equals("min") ? Code.Arith.MIN : Code.Arith.MAX, a, b, call),
            Type.INT);
      }
      default -> throw unchecked(call.pos());
    }
  }

  private Typed at(Expr.At at, Scope scope) {
    CheckedModel.Process p = checked.processes().get(at.process());
    if (p == null) throw unchecked(at.pos());
    int label = p.labelIndex(at.label());
    if (label < 0) throw unchecked(at.labelPos());
    if (at.instance() == null) {
      return new Typed(new Code.Arith(Code.Arith.EQ, new Code.Slot(p.pcBase()),
          new Code.Const(label), 0), Type.BOOL);
    }
    Typed i = compile(at.instance(), scope);
    if (i.code() instanceof Code.Const k) {
      return new Typed(new Code.Arith(Code.Arith.EQ, new Code.Slot(p.pcBase() + k.value),
          new Code.Const(label), 0), Type.BOOL);
    }
    // the program counters are one slot per instance: a stride of 1
    Code.LocalRead pc = new Code.LocalRead(p.pcBase(), 1, p.instances(), i.code(),
        Compiler.INDEX_OUT_OF_RANGE);
    pc.source = at;
    return new Typed(new Code.Arith(Code.Arith.EQ, pc, new Code.Const(label), 0), Type.BOOL);
  }

  /**
   * {@code reader[0].got}: read-only and in properties only. A step that read another instance's
   * local would share memory the step-granularity rule counts as private, so steps, guards,
   * {@code init} and initialisers are refused; a property is the checker's instrument and makes
   * no access. Process instances are never permuted by symmetry reduction (only scalarset values
   * are, in every slot, locals included), so naming an instance keeps a property symmetric.
   */
  private Typed localOf(Expr.LocalOf l, Scope scope) {
    CheckedModel.Process p = checked.processes().get(l.process());
    if (!scope.property() || p == null
        || !(p.localTypes().get(l.local()) instanceof Type.Scalar s)) {
      throw unchecked(l.pos());
    }
    if (l.instance() == null) {
      return new Typed(new Code.Slot(p.localSlots().get(0).get(l.local())), s.kind());
    }
    Typed i = compile(l.instance(), scope);
    if (i.code() instanceof Code.Const k) {
      return new Typed(new Code.Slot(p.localSlots().get(k.value).get(l.local())), s.kind());
    }
    int base = p.localSlots().get(0).get(l.local());
    int stride = p.instances() == 1 ? 0 : p.localSlots().get(1).get(l.local()) - base;
    for (int k = 0; k < p.instances(); k++) {
      if (p.localSlots().get(k).get(l.local()) != base + k * stride) {
        throw new IllegalStateException("locals of " + p.name() + " are not laid out by instance");
      }
    }
    Code.LocalRead read = new Code.LocalRead(base, stride, p.instances(), i.code(),
        Compiler.INDEX_OUT_OF_RANGE);
    read.source = l;
    return new Typed(read, s.kind());
  }

  private Typed quantifier(Expr.Quantifier q, Scope scope) {
    Scope inner = scope.bind(q.variable(), checked.domain(q.domain()));
    Scope.Bound b = inner.bound().get(q.variable());
    Typed body = compile(q.body(), inner);
    int kind = switch (q.kind()) {
      case "forall" -> Code.Quantifier.FORALL;
      case "exists" -> Code.Quantifier.EXISTS;
      default -> Code.Quantifier.COUNT;
    };
    return new Typed(new Code.Quantifier(kind, b.index(), b.type().lo(), b.type().hi(),
        body.code()), kind == Code.Quantifier.COUNT ? Type.INT : Type.BOOL);
  }

  /**
   * The variables a condition reads, outside quantifier bodies and at(...), compiled to read
   * them again when the condition fails. Each is compiled from an expression already checked,
   * so no new diagnostic can come of it.
   */
  FailureText.Reads reads(Expr condition, Scope scope) {
    java.util.LinkedHashMap<String, Expr> found = new java.util.LinkedHashMap<>();
    collectReads(condition, scope, found);
    java.util.List<String> names = new java.util.ArrayList<>();
    java.util.List<Code> codes = new java.util.ArrayList<>();
    java.util.List<Type> kinds = new java.util.ArrayList<>();
    for (java.util.Map.Entry<String, Expr> e : found.entrySet()) {
      if (names.size() == 8) break;
      Typed t = compile(e.getValue(), scope);
      names.add(e.getKey());
      codes.add(t.code());
      kinds.add(kindOf(t.type()));
    }
    return new FailureText.Reads(condition, names, codes, kinds);
  }

  private void collectReads(Expr e, Scope scope, java.util.Map<String, Expr> found) {
    e.accept(new Reads(scope, found));
  }

  /**
   * The reads a failure's message shows, first occurrence of each: scalar variables and bound
   * names, elements, len and head; constants, literals, at and quantifiers show none.
   */
  private final class Reads implements Expr.Visitor<Void> {
    private final Scope scope;
    private final java.util.Map<String, Expr> found;

    Reads(Scope scope, java.util.Map<String, Expr> found) {
      this.scope = scope;
      this.found = found;
    }

    @Override
    public Void name(Expr.Name n) {
      if (scope.bound().containsKey(n.name())) {
        found.putIfAbsent(n.name(), n);
      } else {
        CheckedModel.Variable v = variable(n.name(), scope);
        if (v != null && v.type() instanceof Type.Scalar) found.putIfAbsent(n.name(), n);
      }
      return null;
    }

    @Override
    public Void index(Expr.Index ix) {
      found.putIfAbsent(poolcheck.language.Printer.print(ix), ix);
      // owner[p][c]: the element is one read, and so is each index
      if (ix.target() instanceof Expr.Index row) row.index().accept(this);
      return ix.index().accept(this);
    }

    @Override
    public Void unary(Expr.Unary u) {
      return u.operand().accept(this);
    }

    @Override
    public Void binary(Expr.Binary b) {
      b.left().accept(this);
      return b.right().accept(this);
    }

    @Override
    public Void call(Expr.Call call) {
      if (call.function().equals("len") || call.function().equals("head")) {
        found.putIfAbsent(poolcheck.language.Printer.print(call), call);
      } else if (call.function().equals("min") || call.function().equals("max")
          || call.function().equals("contains")) {
        for (int i = call.function().equals("contains") ? 1 : 0; i < call.args().size(); i++) {
          call.args().get(i).accept(this);
        }
      }
      return null;
    }

    @Override
    public Void intLit(Expr.IntLit e) {
      return null;
    }

    @Override
    public Void boolLit(Expr.BoolLit e) {
      return null;
    }

    @Override
    public Void self(Expr.Self e) {
      return null;
    }

    @Override
    public Void at(Expr.At e) {
      return null;
    }

    @Override
    public Void quantifier(Expr.Quantifier e) {
      return null;
    }

    @Override
    public Void localOf(Expr.LocalOf l) {
      found.putIfAbsent(poolcheck.language.Printer.print(l), l);
      return l.instance() == null ? null : l.instance().accept(this);
    }

    @Override
    public Void recordLit(Expr.RecordLit r) {
      throw new IllegalStateException("records are flattened by the loader");
    }
  }
}
