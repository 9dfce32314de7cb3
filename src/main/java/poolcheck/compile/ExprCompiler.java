package poolcheck.compile;

import poolcheck.check.Symbols;
import poolcheck.check.Scope;
import poolcheck.check.Reports;
import poolcheck.check.Suggestions;
import poolcheck.check.CheckError;
import static poolcheck.language.ErrorCode.BAD_INSTANCE_COUNT;
import static poolcheck.language.ErrorCode.CONSTANT_OVERFLOW;
import static poolcheck.language.ErrorCode.MISSING_LABEL;
import static poolcheck.language.ErrorCode.NOT_ALLOWED_HERE;
import static poolcheck.language.ErrorCode.NOT_A_CONTAINER;
import static poolcheck.language.ErrorCode.NOT_A_RECORD;
import static poolcheck.language.ErrorCode.NOT_CONSTANT;
import static poolcheck.language.ErrorCode.SELF_OUTSIDE_PROCESS;
import static poolcheck.language.ErrorCode.TYPE_MISMATCH;
import static poolcheck.language.ErrorCode.UNKNOWN_NAME;

import poolcheck.check.CheckedModel;
import poolcheck.check.Names;
import poolcheck.check.Type;
import poolcheck.language.Expr;
import poolcheck.language.Position;
import poolcheck.system.Site;

/**
 * Types and compiles the expressions of steps, init blocks and properties, once per process
 * instance (self and locals are constants and slots there). Result types are kinds: int, bool
 * or an enum. Names, storage and bound variables are resolved by the checker's {@link Names};
 * constant expressions (declarations, bounds, sizes) were typed and evaluated by the checker.
 */
final class ExprCompiler {
  record Typed(Code code, Type type) {}

  private final Compiling ctx;
  private final Names names;
  private final Symbols symbols;
  private final Reports reports;

  ExprCompiler(Compiling ctx) {
    this.ctx = ctx;
    this.names = ctx.names();
    this.symbols = ctx.symbols();
    this.reports = ctx.reports();
  }

  Code bool(Expr e, Scope scope) {
    Typed t = compile(e, scope);
    expect(e.pos(), Type.BOOL, t.type(), "a boolean condition");
    return t.code();
  }

  /** A constant computation outside the 32-bit range: reported where the expression is. */
  private CheckError overflow(Violation v, Position pos) {
    return reports.error(CONSTANT_OVERFLOW, pos, "integer overflow in a constant expression: "
        + v.detail.replace(" at " + pos + ":", ":"));
  }

  void expect(Position pos, Type expected, Type found, String what) {
    names.expect(pos, expected, found, what);
  }

  static Type kindOf(Type t) {
    return Names.kindOf(t);
  }

  CheckedModel.Variable variable(String name, Scope scope) {
    return names.variable(name, scope);
  }

  Typed compile(Expr e, Scope scope) {
    return e.accept(new Checker(scope));
  }

  /** Checks and compiles one expression in one scope; parts go back through {@link #compile}. */
  private final class Checker implements Expr.Visitor<Typed> {
    private final Scope scope;

    Checker(Scope scope) {
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
        throw reports.error(SELF_OUTSIDE_PROCESS, s.pos(), "'self' is only meaningful inside a "
            + "process");
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
        expect(u.operand().pos(), Type.BOOL, a.type(), "a boolean operand of '!'");
        return new Typed(new Code.Not(a.code()), Type.BOOL);
      }
      expect(u.operand().pos(), Type.INT, a.type(), "an integer operand of '-'");
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
    CheckedModel.Variable v = variable(name, scope);
    if (v != null) {
      if (scope.constOnly()) {
        throw reports.error(NOT_CONSTANT, n.pos(), "not a constant expression: '" + name
            + "' is a variable");
      }
      if (!(v.type() instanceof Type.Scalar s)) {
        throw reports.error(TYPE_MISMATCH, n.pos(), "type mismatch: '" + name + "' is a "
            + v.type().describe() + ", expected a value here"
            + (v.type() instanceof Type.Container ? " (len(" + name + "), head(" + name
                + ") or " + name + "[i] read it)" : " (index it: " + name + "[i]"
                + (v.type() instanceof Type.Array a && a.second() != null ? "[j]" : "") + ")"));
      }
      return new Typed(new Code.Slot(v.base()), s.kind());
    }
    CheckedModel.Constant k = symbols.constants.get(name);
    if (k != null) return new Typed(new Code.Const(k.value()), k.kind());
    CheckedModel.EnumValue ev = symbols.enumValues.get(name);
    if (ev != null) return new Typed(new Code.Const(ev.ordinal()), ev.type());
    throw names.notAValue(n);
  }

  private Typed index(Expr.Index ix, Scope scope) {
    if (ix.target() instanceof Expr.Index row) return cell(row, ix, scope);
    CheckedModel.Variable v = names.storage(ix.target(), scope, "an array or a container");
    Typed i = compile(ix.index(), scope);
    if (v.type() instanceof Type.Array a && a.second() != null) {
      throw names.wrongIndexCount(v, a, ix.target().pos(), 1);
    }
    if (v.type() instanceof Type.Array a) {
      expect(ix.index().pos(), a.index().kind(), i.type(), "an index of type "
          + a.index().describe());
      Code.ArrayRead read = new Code.ArrayRead(v.base(), a.index().lo(), a.index().size(),
          i.code(), Compiler.INDEX_OUT_OF_RANGE);
      read.source = ix;
      read.type = a;
      return new Typed(read, a.element().kind());
    }
    if (v.type() instanceof Type.Container ct) {
      expect(ix.index().pos(), Type.INT, i.type(), "an integer position");
      Code.ElementRead read = new Code.ElementRead(v.base(), i.code(),
          Compiler.INDEX_OUT_OF_RANGE);
      read.source = ix;
      return new Typed(read, ct.element().kind());
    }
    throw reports.error(NOT_A_CONTAINER, ix.target().pos(), "'" + v.name() + "' is a "
        + "" + v.type().describe()
        + ", expected an array or a container to index");
  }

  /**
   * {@code owner[p][c]}: element (p, c) of a two-dimensional array, read at its row-major slot
   * through a {@link Code.Cell} that checks each index against its own dimension.
   */
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
    Typed i = compile(row.index(), scope);
    expect(row.index().pos(), a.index().kind(), i.type(), "a first index of type "
        + a.index().describe());
    Typed j = compile(ix.index(), scope);
    expect(ix.index().pos(), a.second().kind(), j.type(), "a second index of type "
        + a.second().describe());
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
        expect(b.left().pos(), Type.BOOL, l.type(), "a boolean operand of '" + op + "'");
        expect(b.right().pos(), Type.BOOL, r.type(), "a boolean operand of '" + op + "'");
        Code code = switch (op) {
          case "&&" -> new Code.And(l.code(), r.code());
          case "||" -> new Code.Or(l.code(), r.code());
          default -> new Code.Implies(l.code(), r.code(),
              scope.constOnly() ? -1 : ctx.sites().site(Site.Kind.IMPLIES, b.pos(), null));
        };
        return new Typed(code, Type.BOOL);
      }
      case "==", "!=" -> {
        if (!Type.compatible(l.type(), r.type())) {
          throw reports.error(TYPE_MISMATCH, b.pos(), "type mismatch: '" + op + "' compares "
              + l.type().describe() + " with " + r.type().describe());
        }
        return new Typed(arith(op.equals("==") ? Code.Arith.EQ : Code.Arith.NE, l, r, b),
            Type.BOOL);
      }
      default -> {
        expect(b.left().pos(), Type.INT, l.type(), "an integer operand of '" + op + "'");
        expect(b.right().pos(), Type.INT, r.type(), "an integer operand of '" + op + "'");
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
   * overflows is an error wherever it is written (it would fail every time the step runs); a
   * division by a constant zero stays a runtime check, as it always was.
   */
  private Code fold(Code code, Position pos, Code... operands) {
    for (Code o : operands) {
      if (!(o instanceof Code.Const)) return code;
    }
    try {
      return new Code.Const(code.eval(null, new int[0]));
    } catch (Violation v) {
      if (v.property == Compiler.ARITHMETIC_OVERFLOW) throw overflow(v, pos);
      return code;
    }
  }

  private Typed call(Expr.Call call, Scope scope) {
    String f = call.function();
    switch (f) {
      case "len", "cap", "empty", "full", "head" -> {
        names.arity(call, 1);
        CheckedModel.Variable v = names.storage(call.args().get(0), scope, "a fifo or lifo");
        Type.Container ct = names.container(v, call.args().get(0).pos());
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
        names.arity(call, 2);
        CheckedModel.Variable v = names.storage(call.args().get(0), scope, "a fifo or lifo");
        Type.Container ct = names.container(v, call.args().get(0).pos());
        Typed value = compile(call.args().get(1), scope);
        expect(call.args().get(1).pos(), ct.element().kind(), value.type(),
            "an element of " + v.name());
        return new Typed(new Code.Contains(v.base(), value.code()), Type.BOOL);
      }
      case "min", "max" -> {
        names.arity(call, 2);
        Typed a = compile(call.args().get(0), scope);
        Typed b = compile(call.args().get(1), scope);
        expect(call.args().get(0).pos(), Type.INT, a.type(), "an integer argument of " + f);
        expect(call.args().get(1).pos(), Type.INT, b.type(), "an integer argument of " + f);
        return new Typed(arith(f.equals("min") ? Code.Arith.MIN : Code.Arith.MAX, a, b, call),
            Type.INT);
      }
      default -> throw names.notABuiltin(call);
    }
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
    int label;
    if (at.label().equals("done")) {
      label = p.doneLabel();
    } else {
      Integer l = p.labels.get(at.label());
      if (l == null) {
        throw reports.error(MISSING_LABEL, at.labelPos(), "no label '" + at.label() + "' in "
            + "process '"
            + p.name + "'");
      }
      label = l;
    }
    if (at.instance() == null) {
      if (p.indexed) {
        throw reports.error(BAD_INSTANCE_COUNT, at.pos(), "process '" + p.name + "' has "
            + "" + p.instances
            + " instances: write at(" + p.name + "[i], " + at.label() + ")");
      }
      return new Typed(new Code.Arith(Code.Arith.EQ, new Code.Slot(p.pcBase),
          new Code.Const(label), 0), Type.BOOL);
    }
    Typed i = compile(at.instance(), scope);
    expect(at.instance().pos(), Type.INT, i.type(), "an instance number");
    if (i.code() instanceof Code.Const k) {
      if (k.value < 0 || k.value >= p.instances) {
        throw reports.error(BAD_INSTANCE_COUNT, at.instance().pos(), "instance " + k.value + " of "
            + "process '"
            + p.name + "' does not exist: expected 0 .. " + (p.instances - 1));
      }
      return new Typed(new Code.Arith(Code.Arith.EQ, new Code.Slot(p.pcBase + k.value),
          new Code.Const(label), 0), Type.BOOL);
    }
    // the program counters are one slot per instance: a stride of 1
    Code.LocalRead pc = new Code.LocalRead(p.pcBase, 1, p.instances, i.code(),
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
      return new Typed(new Code.Slot(p.localSlots.get(0).get(l.local())), s.kind());
    }
    if (!p.indexed) {
      throw reports.error(BAD_INSTANCE_COUNT, l.instance().pos(), "process '" + p.name + "' has "
          + "one instance: write " + p.name + "." + l.local());
    }
    Typed i = compile(l.instance(), scope);
    expect(l.instance().pos(), Type.INT, i.type(), "an instance number");
    if (i.code() instanceof Code.Const k) {
      if (k.value < 0 || k.value >= p.instances) {
        throw reports.error(BAD_INSTANCE_COUNT, l.instance().pos(), "instance " + k.value
            + " of process '" + p.name + "' does not exist: expected 0 .. " + (p.instances - 1));
      }
      return new Typed(new Code.Slot(p.localSlots.get(k.value).get(l.local())), s.kind());
    }
    int base = p.localSlots.get(0).get(l.local());
    int stride = p.instances == 1 ? 0 : p.localSlots.get(1).get(l.local()) - base;
    for (int k = 0; k < p.instances; k++) {
      if (p.localSlots.get(k).get(l.local()) != base + k * stride) {
        throw new IllegalStateException("locals of " + p.name + " are not laid out by instance");
      }
    }
    Code.LocalRead read = new Code.LocalRead(base, stride, p.instances, i.code(),
        Compiler.INDEX_OUT_OF_RANGE);
    read.source = l;
    return new Typed(read, s.kind());
  }

  private Typed quantifier(Expr.Quantifier q, Scope scope) {
    Scope inner = names.bind(q.variable(), q.domain(), scope, q.pos());
    Scope.Bound b = inner.bound().get(q.variable());
    Typed body = compile(q.body(), inner);
    expect(q.body().pos(), Type.BOOL, body.type(), "a boolean body of '" + q.kind() + "'");
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
