package poolcheck.compile;

import com.google.common.collect.ImmutableMap;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import poolcheck.check.Action;
import poolcheck.check.CheckedModel;
import poolcheck.check.CheckedStep;
import poolcheck.check.Type;
import poolcheck.language.Expr;
import poolcheck.system.SuccessorSink;

/**
 * The reference semantics of steps: walks each step as the checker resolved it
 * ({@link CheckedStep}: what a statement writes, gotos and domains resolved once) and each
 * expression as written, with none of the compiler's linking or folding. What a name means is
 * not decided here: it is the checked model's resolution ({@link CheckedModel#referent}), the
 * one the compiled steps use, so the oracle checks evaluation, not a second lookup. Slow and
 * plain on purpose: a property test holds the compiled steps ({@link CompiledModel#successors})
 * to produce exactly what this produces, in the same order, on random states of random models.
 */
public final class Interpreter {
  private final CheckedModel resolved;
  private final boolean[] checked;

  public Interpreter(CompiledModel model, boolean[] checked) {
    this.resolved = model.checked();
    this.checked = checked.clone();
  }

  /** A property broken on the way: aborts the whole step, as the compiled code does. */
  private static final class Broken extends RuntimeException {
    final int property;
    final int[] state;

    Broken(int property, int[] state) {
      super(null, null, false, false);
      this.property = property;
      this.state = state;
    }
  }

  /** What runs after a statement list: the rest of the enclosing block, or the step's end. */
  private interface Continuation {
    void run(int[] s, Map<String, Integer> env);
  }

  /** The step being run: where it goes after its last statement, and where results go. */
  private record Step(CheckedModel.Process process, int instance, int pcSlot, int next,
      int transition, SuccessorSink sink) {}

  /** Every enabled step of every instance, in the compiled model's order. */
  public void successors(int[] s, SuccessorSink sink) {
    if (outsideAssumptions(s)) return;
    int transition = 0;
    for (CheckedModel.Process p : resolved.processes().values()) {
      List<CheckedStep> steps = p.checkedSteps();
      for (int i = 0; i < p.instances(); i++) {
        int pc = s[p.pcBase() + i];
        if (pc < steps.size()) {
          CheckedStep step = steps.get(pc);
          Step at = new Step(p, i, p.pcBase() + i, step.next(), transition + pc, sink);
          try {
            int[] w = s.clone();
            if (step.guard() == null || truth(eval(step.guard(), w, Map.of(), at))) {
              block(step.body(), 0, w, Map.of(), at, (end, env) -> emit(at, end, at.next()));
            }
          } catch (Broken b) {
            sink.violation(b.property, b.state, at.transition());
          }
        }
        transition += steps.size();
      }
    }
  }

  private static void emit(Step at, int[] s, int label) {
    s[at.pcSlot()] = label;
    at.sink().successor(s, at.transition());
  }

  private void block(List<Action> actions, int i, int[] s, Map<String, Integer> env, Step at,
      Continuation k) {
    if (i == actions.size()) {
      k.run(s, env);
      return;
    }
    Continuation rest = (s2, env2) -> block(actions, i + 1, s2, env2, at, k);
    actions.get(i).accept(new Statement(s, env, at, rest));
  }

  /** One checked statement run on {@code s}: each outcome goes on to {@code rest}. */
  private final class Statement implements Action.Visitor<Void> {
    private final int[] s;
    private final Map<String, Integer> env;
    private final Step at;
    private final Continuation rest;

    Statement(int[] s, Map<String, Integer> env, Step at, Continuation rest) {
      this.s = s;
      this.env = env;
      this.at = at;
      this.rest = rest;
    }

    @Override
    public Void assign(Action.Assign a) {
      Action.Target target = a.target();
      if (target.index() != null) {
        // an element: its index is read and checked before the value is computed
        int slot = element(target, s, env, at);
        int v = eval(a.value(), s, env, at);
        Type.Scalar element = target.stored();
        if (v < element.lo() || v > element.hi()) {
          throw new Broken(Compiler.VALUE_OUT_OF_RANGE, s.clone());
        }
        s[slot] = v;
      } else {
        store(target, eval(a.value(), s, env, at), s, env, at);
      }
      rest.run(s, env);
      return null;
    }

    @Override
    public Void push(Action.Push p) {
      int base = base(p.container(), at);
      Type.Container type = p.type();
      int v = eval(p.value(), s, env, at);
      int len = s[base];
      if (len == type.capacity()) throw new Broken(Compiler.OVERFLOW, s.clone());
      if (v < type.element().lo() || v > type.element().hi()) {
        throw new Broken(Compiler.VALUE_OUT_OF_RANGE, s.clone());
      }
      s[base + 1 + len] = v;
      s[base] = len + 1;
      rest.run(s, env);
      return null;
    }

    @Override
    public Void pop(Action.Pop p) {
      int base = base(p.container(), at);
      Type.Container type = p.type();
      int len = s[base];
      if (len == 0) throw new Broken(Compiler.UNDERFLOW, s.clone());
      int first = base + 1;
      int value = type.fifo() ? s[first] : s[first + len - 1];
      if (type.fifo()) {
        for (int j = 0; j < len - 1; j++) s[first + j] = s[first + j + 1];
      }
      s[first + len - 1] = type.element().lo();
      s[base] = len - 1;
      if (p.target() != null) store(p.target(), value, s, env, at);
      rest.run(s, env);
      return null;
    }

    @Override
    public Void ifElse(Action.If f) {
      if (truth(eval(f.condition(), s, env, at))) {
        block(f.then(), 0, s, env, at, rest);
      } else {
        block(f.otherwise(), 0, s, env, at, rest);
      }
      return null;
    }

    @Override
    public Void when(Action.When w) {
      if (truth(eval(w.condition(), s, env, at))) rest.run(s, env);
      return null;
    }

    @Override
    public Void either(Action.Either e) {
      for (int b = 0; b < e.branches().size(); b++) {
        int[] copy = b == e.branches().size() - 1 ? s : s.clone();
        block(e.branches().get(b), 0, copy, env, at, rest);
      }
      return null;
    }

    @Override
    public Void choose(Action.Choose c) {
      Type.Scalar domain = c.domain();
      for (long v = domain.lo(); v <= domain.hi(); v++) {
        int[] copy = v == domain.hi() ? s : s.clone();
        block(c.body(), 0, copy, bind(env, c.variable(), (int) v), at, rest);
      }
      return null;
    }

    @Override
    public Void forEach(Action.For f) {
      loop(f, f.domain().lo(), f.domain().hi(), s, env, at, rest);
      return null;
    }

    @Override
    public Void assertion(Action.Assert a) {
      int id = resolved.propertyIds().get(a.property());
      if (checked[id] && !truth(eval(a.condition(), s, env, at))) {
        throw new Broken(id, s.clone());
      }
      rest.run(s, env);
      return null;
    }

    @Override
    public Void jump(Action.Goto g) {
      emit(at, s, g.pc());
      return null;
    }

    @Override
    public Void skip(Action.Skip k) {
      rest.run(s, env);
      return null;
    }
  }

  private void loop(Action.For f, int v, int hi, int[] s, Map<String, Integer> env, Step at,
      Continuation after) {
    block(f.body(), 0, s, bind(env, f.variable(), v), at, (s2, env2) -> {
      if (v < hi) {
        loop(f, v + 1, hi, s2, env, at, after);
      } else {
        after.run(s2, env);
      }
    });
  }

  private static Map<String, Integer> bind(Map<String, Integer> env, String name, int v) {
    Map<String, Integer> out = new HashMap<>(env);
    out.put(name, v);
    return ImmutableMap.copyOf(out);
  }

  /** Stores a value already in hand (an assigned or popped value) into a checked target. */
  private void store(Action.Target target, int v, int[] s, Map<String, Integer> env, Step at) {
    // into an element, the index is read now
    int slot = target.index() == null ? base(target.variable(), at)
        : element(target, s, env, at);
    Type.Scalar t = target.stored();
    if (v < t.lo() || v > t.hi()) throw new Broken(Compiler.VALUE_OUT_OF_RANGE, s.clone());
    s[slot] = v;
  }

  /** The slot of the array element a target names, its index read and checked in {@code s}. */
  private int element(Action.Target target, int[] s, Map<String, Integer> env, Step at) {
    Type.Array a = (Type.Array) target.variable().type();
    return base(target.variable(), at) + offset(a, target.index(), target.second(), s, env, at);
  }

  /**
   * The offset of element [first] or [first][second] in an array's slots: each index read and
   * checked against its own dimension in turn (row-major, as the compiled stepper stores it).
   */
  private int offset(Type.Array a, Expr first, Expr second, int[] s, Map<String, Integer> env,
      Step at) {
    long i = (long) eval(first, s, env, at) - a.index().lo();
    if (i < 0 || i >= a.index().size()) throw new Broken(Compiler.INDEX_OUT_OF_RANGE, s.clone());
    if (second == null) return (int) i;
    long j = (long) eval(second, s, env, at) - a.second().lo();
    if (j < 0 || j >= a.second().size()) {
      throw new Broken(Compiler.INDEX_OUT_OF_RANGE, s.clone());
    }
    return (int) i * a.columns() + (int) j;
  }

  /** The first slot of a variable a statement writes, as the checker resolved it. */
  private int base(Action.Place place, Step at) {
    return at == null ? resolved.base(place, null, 0)
        : resolved.base(place, at.process(), at.instance());
  }

  /**
   * What a name means in the step being run ({@code at} null: in a property), by the checked
   * model's resolution: the compiled steps read names through the same rule, and only what
   * is done with a name's value is the interpreter's own.
   */
  private CheckedModel.Referent referent(String name, Step at) {
    return at == null ? resolved.referent(name, null, 0)
        : resolved.referent(name, at.process(), at.instance());
  }

  /** The array or container a checked reference names. */
  private CheckedModel.Variable variable(Expr target, Step at) {
    return (CheckedModel.Variable) referent(((Expr.Name) target).name(), at);
  }

  /** A domain as the checker resolved it: the interpreter does not evaluate types again. */
  private Type.Scalar domain(poolcheck.language.TypeExpr t) {
    return resolved.domain(t);
  }


  private static boolean truth(int v) {
    return v != 0;
  }

  private int eval(Expr e, int[] s, Map<String, Integer> env, Step at) {
    return e.accept(new Evaluation(s, env, at));
  }

  /** An expression's value in state {@code s}, bound variables {@code env}, step {@code at}. */
  private final class Evaluation implements Expr.Visitor<Integer> {
    private final int[] s;
    private final Map<String, Integer> env;
    private final Step at;

    Evaluation(int[] s, Map<String, Integer> env, Step at) {
      this.s = s;
      this.env = env;
      this.at = at;
    }

    @Override
    public Integer intLit(Expr.IntLit i) {
      return i.value();
    }

    @Override
    public Integer boolLit(Expr.BoolLit b) {
      return b.value() ? 1 : 0;
    }

    @Override
    public Integer self(Expr.Self e) {
      return at.instance();
    }

    @Override
    public Integer name(Expr.Name n) {
      Integer bound = env.get(n.name());
      if (bound != null) return bound;
      CheckedModel.Referent r = referent(n.name(), at);
      if (r instanceof CheckedModel.Variable v) return s[v.base()];
      if (r instanceof CheckedModel.Constant k) return k.value();
      return ((CheckedModel.EnumValue) r).ordinal();
    }

    @Override
    public Integer index(Expr.Index ix) {
      if (ix.target() instanceof Expr.Index row) {
        CheckedModel.Variable v = variable(row.target(), at);
        Type.Array a = (Type.Array) v.type();
        return s[v.base() + offset(a, row.index(), ix.index(), s, env, at)];
      }
      CheckedModel.Variable v = variable(ix.target(), at);
      int i = eval(ix.index(), s, env, at);
      if (v.type() instanceof Type.Array a) {
        long k = (long) i - a.index().lo();
        if (k < 0 || k >= a.index().size()) {
          throw new Broken(Compiler.INDEX_OUT_OF_RANGE, s.clone());
        }
        return s[v.base() + (int) k];
      }
      if (i < 0 || i >= s[v.base()]) throw new Broken(Compiler.INDEX_OUT_OF_RANGE, s.clone());
      return s[v.base() + 1 + i];
    }

    @Override
    public Integer unary(Expr.Unary u) {
      int x = eval(u.operand(), s, env, at);
      return u.op().equals("!") ? x ^ 1 : exact(-(long) x, s);
    }

    @Override
    public Integer binary(Expr.Binary b) {
      return Interpreter.this.binary(b, s, env, at);
    }

    @Override
    public Integer call(Expr.Call c) {
      return Interpreter.this.call(c, s, env, at);
    }

    @Override
    public Integer at(Expr.At a) {
      CheckedModel.Process p = resolved.processes().get(a.process());
      int label = p.labelIndex(a.label());
      int i = a.instance() == null ? 0 : eval(a.instance(), s, env, at);
      if (i < 0 || i >= p.instances()) throw new Broken(Compiler.INDEX_OUT_OF_RANGE, s.clone());
      return s[p.pcBase() + i] == label ? 1 : 0;
    }

    @Override
    public Integer quantifier(Expr.Quantifier q) {
      Type.Scalar domain = domain(q.domain());
      int count = 0;
      for (long v = domain.lo(); v <= domain.hi(); v++) {
        boolean holds = truth(eval(q.body(), s, bind(env, q.variable(), (int) v), at));
        if (q.kind().equals("forall") && !holds) return 0;
        if (q.kind().equals("exists") && holds) return 1;
        if (holds) count++;
      }
      return q.kind().equals("forall") ? 1 : q.kind().equals("exists") ? 0 : count;
    }

    @Override
    public Integer localOf(Expr.LocalOf l) {
      CheckedModel.Process p = resolved.processes().get(l.process());
      int i = l.instance() == null ? 0 : eval(l.instance(), s, env, at);
      if (i < 0 || i >= p.instances()) throw new Broken(Compiler.INDEX_OUT_OF_RANGE, s.clone());
      return s[p.localSlots().get(i).get(l.local())];
    }

    @Override
    public Integer recordLit(Expr.RecordLit r) {
      throw new IllegalStateException("records are flattened by the loader");
    }
  }

  /**
   * The first checked invariant that fails in {@code s}, or the runtime property its evaluation
   * broke, or -1: each condition walked as written, the reference the compiled invariants
   * ({@link CompiledModel#violatedInvariant}) are held to.
   */
  public int violatedInvariant(int[] s) {
    for (CheckedModel.Invariant inv : resolved.invariants()) {
      int id = resolved.propertyIds().get(inv.name());
      if (!checked[id]) continue;
      try {
        if (eval(inv.condition(), s, Map.of(), null) == 0) return id;
      } catch (Broken b) {
        return b.property;
      }
    }
    for (Expr a : resolved.assumptions()) {
      try {
        if (eval(a, s, Map.of(), null) == 0) break; // the rest is not evaluated: &&
      } catch (Broken b) {
        return b.property;
      }
    }
    return -1;
  }

  /** Whether {@code s} breaks an {@code assume} (or cannot evaluate one): nothing runs from it. */
  private boolean outsideAssumptions(int[] s) {
    for (Expr a : resolved.assumptions()) {
      try {
        if (eval(a, s, Map.of(), null) == 0) return true;
      } catch (Broken b) {
        return true;
      }
    }
    return false;
  }

  private int binary(Expr.Binary b, int[] s, Map<String, Integer> env, Step at) {
    switch (b.op()) {
      case "&&":
        return truth(eval(b.left(), s, env, at)) ? eval(b.right(), s, env, at) : 0;
      case "||":
        return truth(eval(b.left(), s, env, at)) ? 1 : eval(b.right(), s, env, at);
      case "=>":
        return truth(eval(b.left(), s, env, at)) ? eval(b.right(), s, env, at) : 1;
      default:
        break;
    }
    int x = eval(b.left(), s, env, at);
    int y = eval(b.right(), s, env, at);
    switch (b.op()) {
      case "+": return exact(BigInteger.valueOf(x).add(BigInteger.valueOf(y)), s);
      case "-": return exact(BigInteger.valueOf(x).subtract(BigInteger.valueOf(y)), s);
      case "*": return exact(BigInteger.valueOf(x).multiply(BigInteger.valueOf(y)), s);
      case "/":
        if (y == 0) throw new Broken(Compiler.DIVISION_BY_ZERO, s.clone());
        return exact(Math.floorDiv((long) x, (long) y), s);
      case "%":
        if (y == 0) throw new Broken(Compiler.DIVISION_BY_ZERO, s.clone());
        return Math.floorMod(x, y);
      case "==": return x == y ? 1 : 0;
      case "!=": return x != y ? 1 : 0;
      case "<": return x < y ? 1 : 0;
      case "<=": return x <= y ? 1 : 0;
      case ">": return x > y ? 1 : 0;
      case ">=": return x >= y ? 1 : 0;
      default: throw new IllegalStateException(b.op());
    }
  }

  /**
   * A result must be an int: every value the language has fits in 32 bits. Sums and products
   * are taken in BigInteger here, independently of the compiled code's 64-bit check.
   */
  private static int exact(BigInteger r, int[] s) {
    if (r.bitLength() > 31) throw new Broken(Compiler.ARITHMETIC_OVERFLOW, s.clone());
    return r.intValue();
  }

  private static int exact(long r, int[] s) {
    return exact(BigInteger.valueOf(r), s);
  }

  private int call(Expr.Call c, int[] s, Map<String, Integer> env, Step at) {
    String f = c.function();
    if (f.equals("min") || f.equals("max")) {
      int x = eval(c.args().get(0), s, env, at);
      int y = eval(c.args().get(1), s, env, at);
      return f.equals("min") ? Math.min(x, y) : Math.max(x, y);
    }
    CheckedModel.Variable v = variable(c.args().get(0), at);
    Type.Container t = (Type.Container) v.type();
    int len = s[v.base()];
    switch (f) {
      case "len": return len;
      case "cap": return t.capacity();
      case "empty": return len == 0 ? 1 : 0;
      case "full": return len == t.capacity() ? 1 : 0;
      case "head":
        if (len == 0) throw new Broken(Compiler.UNDERFLOW, s.clone());
        return s[v.base() + 1 + (t.fifo() ? 0 : len - 1)];
      default:
        int x = eval(c.args().get(1), s, env, at);
        for (int i = 0; i < len; i++) {
          if (s[v.base() + 1 + i] == x) return 1;
        }
        return 0;
    }
  }
}
