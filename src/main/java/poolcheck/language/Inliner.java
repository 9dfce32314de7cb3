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
    Substitution in = new Substitution(b);
    return new Decl.Step(s.pos(), label, function,
        s.guard() == null ? null : in.expr(s.guard()), in.block(s.body()), s.atomicReason());
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

  /**
   * An inline's step with each parameter replaced by its argument: in expressions, in a goto
   * (a label) and in a lock operation (a lock's name). A variable bound inside the inline
   * ({@code choose}, {@code for}, a quantifier) hides the parameter of its name in its body; a
   * range's bounds are expressions like any other, so a parameter there is its argument (kept
   * as written, it silently read a global of the parameter's name).
   */
  private final class Substitution extends ExpressionRewrite {
    private final Map<String, Expr> b;

    Substitution(Map<String, Expr> b) {
      this.b = b;
    }

    @Override
    Expr expr(Expr e) {
      if (e instanceof Expr.Name n) {
        Expr arg = b.get(n.name());
        return arg == null ? n : arg;
      }
      return children(e);
    }

    @Override
    Substitution binding(String variable, Position pos) {
      if (!b.containsKey(variable)) return this;
      Map<String, Expr> inner = new HashMap<>(b);
      inner.remove(variable);
      return new Substitution(inner);
    }

    @Override
    Stmt lockOp(Stmt.LockOp l) {
      Expr lock = b.get(l.lock());
      if (lock == null) return l;
      if (lock instanceof Expr.Name n) return new Stmt.LockOp(l.pos(), l.acquire(), n.name(),
          l.lockPos());
      errors.add(new Diagnostic(TYPE_MISMATCH, lock.pos(), "type mismatch: the argument for '"
          + l.lock() + "' is used as a lock at " + l.pos() + ", expected a lock's name"));
      return l;
    }

    @Override
    Stmt jump(Stmt.Goto g) {
      Expr target = b.get(g.label());
      if (target == null) return g;
      String label = label(target);
      if (label != null) return new Stmt.Goto(g.pos(), label);
      errors.add(new Diagnostic(TYPE_MISMATCH, target.pos(), "type mismatch: the argument for '"
          + g.label() + "' is used as a label by 'goto' at " + g.pos() + ", expected a label"));
      return g;
    }
  }
}
