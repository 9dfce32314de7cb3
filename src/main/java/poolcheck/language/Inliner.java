package poolcheck.language;

import static poolcheck.language.ErrorCode.DUPLICATE_DECLARATION;
import static poolcheck.language.ErrorCode.TYPE_MISMATCH;
import static poolcheck.language.ErrorCode.UNKNOWN_NAME;
import static poolcheck.language.ErrorCode.WRONG_ARGUMENT_COUNT;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands {@code inline} uses into the processes' steps, so the checker and everything after it
 * see plain processes. Arguments replace parameters textually: a parameter in a goto or as a
 * step's label names a label of the process using the inline, as a step's @function a kernel
 * function; anywhere else it is the argument expression. Other labels inside an inline are not
 * renamed: they become labels of each process that uses it.
 */
final class Inliner {
  private final Map<String, Decl.Inline> inlines = new LinkedHashMap<>();
  private final List<Diagnostic> errors = new ArrayList<>();

  private Inliner() {}

  static ImmutableList<Decl> expand(ImmutableList<Decl> decls) throws ModelException {
    Inliner in = new Inliner();
    ImmutableList.Builder<Decl> out = ImmutableList.builder();
    for (Decl d : decls) {
      if (d instanceof Decl.Inline inline) {
        Decl.Inline first = in.inlines.putIfAbsent(inline.name(), inline);
        if (first != null) {
          in.errors.add(new Diagnostic(DUPLICATE_DECLARATION, inline.pos(), "duplicate "
              + "declaration of inline '"
              + inline.name() + "' (first declared at " + first.pos() + ")"));
        }
      } else if (d instanceof Decl.Process p && !p.uses().isEmpty()) {
        out.add(in.process(p));
      } else {
        out.add(d);
      }
    }
    if (!in.errors.isEmpty()) throw new ModelException(in.errors);
    return out.build();
  }

  private Decl.Process process(Decl.Process p) {
    List<Decl.Step> steps = new ArrayList<>();
    int next = 0;
    for (Decl.InlineUse use : p.uses()) {
      while (next < use.index()) steps.add(p.steps().get(next++));
      Decl.Inline inline = inlines.get(use.name());
      if (inline == null) {
        errors.add(new Diagnostic(UNKNOWN_NAME, use.pos(), "unknown inline '" + use.name()
            + "' (inlines must be declared before the process that uses them)"));
        continue;
      }
      if (inline.parameters().size() != use.arguments().size()) {
        errors.add(new Diagnostic(WRONG_ARGUMENT_COUNT, use.pos(), "inline " + use.name() + " "
            + "takes "
            + inline.parameters().size() + " argument(s), found " + use.arguments().size()));
        continue;
      }
      Map<String, Expr> bindings = new HashMap<>();
      for (int i = 0; i < inline.parameters().size(); i++) {
        bindings.put(inline.parameters().get(i), use.arguments().get(i));
      }
      for (Decl.Step s : inline.steps()) steps.add(step(s, bindings));
    }
    while (next < p.steps().size()) steps.add(p.steps().get(next++));
    return new Decl.Process(p.pos(), p.name(), p.instances(), p.locals(),
        ImmutableList.copyOf(steps));
  }

  private Decl.Step step(Decl.Step s, Map<String, Expr> b) {
    String label = name(s.label(), "a label", "as the label of the step at " + s.pos(), b);
    String function = s.kernelFunction() == null ? null : name(s.kernelFunction(),
        "a kernel function name", "as the @function of the step at " + s.pos(), b);
    return new Decl.Step(s.pos(), label, function,
        s.guard() == null ? null : expr(s.guard(), b), block(s.body(), b), s.atomicReason());
  }

  /**
   * A parameter used as a step's label or @function stands for the name given as argument: one
   * inline can then be the same sequence under each process's own labels and kernel calls
   * (ptr_ring_produce in softirq, ptr_ring_produce_bh elsewhere).
   */
  private String name(String written, String expected, String use, Map<String, Expr> b) {
    Expr arg = b.get(written);
    if (arg == null) return written;
    String label = label(arg);
    if (label != null) return label;
    errors.add(new Diagnostic(TYPE_MISMATCH, arg.pos(), "type mismatch: the argument for "
        + "'" + written
        + "' is used " + use + ", expected " + expected));
    return written;
  }

  /**
   * The name an argument gives where a label or function is expected, or null: the argument is
   * read as an expression, where {@code self} is the instance; as a label it is the step 'self'.
   */
  private static String label(Expr arg) {
    if (arg instanceof Expr.Name n) return n.name();
    return arg instanceof Expr.Self ? "self" : null;
  }

  private ImmutableList<Stmt> block(List<Stmt> body, Map<String, Expr> b) {
    ImmutableList.Builder<Stmt> out = ImmutableList.builder();
    for (Stmt s : body) out.add(stmt(s, b));
    return out.build();
  }

  private Stmt stmt(Stmt s, Map<String, Expr> b) {
    if (s instanceof Stmt.Assign a) {
      return new Stmt.Assign(a.pos(), expr(a.target(), b), expr(a.value(), b));
    } else if (s instanceof Stmt.Push p) {
      return new Stmt.Push(p.pos(), expr(p.container(), b), expr(p.value(), b));
    } else if (s instanceof Stmt.Pop p) {
      return new Stmt.Pop(p.pos(), p.target() == null ? null : expr(p.target(), b),
          expr(p.container(), b));
    } else if (s instanceof Stmt.If i) {
      return new Stmt.If(i.pos(), expr(i.condition(), b), block(i.then(), b),
          block(i.otherwise(), b));
    } else if (s instanceof Stmt.When w) {
      return new Stmt.When(w.pos(), expr(w.condition(), b));
    } else if (s instanceof Stmt.Either e) {
      ImmutableList.Builder<ImmutableList<Stmt>> branches = ImmutableList.builder();
      for (ImmutableList<Stmt> branch : e.branches()) branches.add(block(branch, b));
      return new Stmt.Either(e.pos(), branches.build());
    } else if (s instanceof Stmt.Choose c) {
      return new Stmt.Choose(c.pos(), c.variable(), c.domain(), block(c.body(), without(b,
          c.variable())));
    } else if (s instanceof Stmt.For f) {
      return new Stmt.For(f.pos(), f.variable(), f.domain(), block(f.body(), without(b,
          f.variable())));
    } else if (s instanceof Stmt.Assert a) {
      return new Stmt.Assert(a.pos(), a.name(), expr(a.condition(), b));
    } else if (s instanceof Stmt.LockOp l) {
      Expr lock = b.get(l.lock());
      if (lock == null) return l;
      if (lock instanceof Expr.Name n) return new Stmt.LockOp(l.pos(), l.acquire(), n.name(),
          l.lockPos());
      errors.add(new Diagnostic(TYPE_MISMATCH, lock.pos(), "type mismatch: the argument for '"
          + l.lock() + "' is used as a lock at " + l.pos() + ", expected a lock's name"));
      return l;
    } else if (s instanceof Stmt.Goto g) {
      Expr target = b.get(g.label());
      if (target == null) return g;
      String label = label(target);
      if (label != null) return new Stmt.Goto(g.pos(), label);
      errors.add(new Diagnostic(TYPE_MISMATCH, target.pos(), "type mismatch: the argument for '"
          + g.label() + "' is used as a label by 'goto' at " + g.pos() + ", expected a label"));
      return g;
    }
    return s;
  }

  private static Map<String, Expr> without(Map<String, Expr> b, String bound) {
    if (!b.containsKey(bound)) return b;
    Map<String, Expr> inner = new HashMap<>(b);
    inner.remove(bound);
    return inner;
  }

  private Expr expr(Expr e, Map<String, Expr> b) {
    if (e instanceof Expr.Name n) {
      Expr arg = b.get(n.name());
      return arg == null ? n : arg;
    } else if (e instanceof Expr.Index ix) {
      return new Expr.Index(ix.pos(), expr(ix.target(), b), expr(ix.index(), b));
    } else if (e instanceof Expr.Unary u) {
      return new Expr.Unary(u.pos(), u.op(), expr(u.operand(), b));
    } else if (e instanceof Expr.Binary bin) {
      return new Expr.Binary(bin.pos(), bin.op(), expr(bin.left(), b), expr(bin.right(), b));
    } else if (e instanceof Expr.Call c) {
      ImmutableList.Builder<Expr> args = ImmutableList.builder();
      for (Expr a : c.args()) args.add(expr(a, b));
      return new Expr.Call(c.pos(), c.function(), args.build());
    } else if (e instanceof Expr.At at) {
      return new Expr.At(at.pos(), at.process(), at.instance() == null ? null
          : expr(at.instance(), b), at.label(), at.labelPos());
    } else if (e instanceof Expr.Quantifier q) {
      return new Expr.Quantifier(q.pos(), q.kind(), q.variable(), q.domain(),
          expr(q.body(), without(b, q.variable())));
    } else if (e instanceof Expr.LocalOf l && l.instance() != null) {
      return new Expr.LocalOf(l.pos(), l.process(), expr(l.instance(), b), l.local(),
          l.localPos());
    }
    return e;
  }
}
