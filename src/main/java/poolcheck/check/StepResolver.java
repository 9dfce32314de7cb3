package poolcheck.check;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Map;
import poolcheck.language.Decl;
import poolcheck.language.Expr;
import poolcheck.language.Stmt;
import poolcheck.language.TypeExpr;

/**
 * Turns a checked process's step bodies into {@link CheckedStep}s, once, from the tables the
 * checker filled: a name written to is the process's local if it has one of that name, else the
 * global; labels and domains as the checker resolved them. Runs only on a model the checker
 * accepted, so every name, label and domain is known.
 */
public final class StepResolver implements Stmt.Visitor<Action> {
  private final String process;
  private final Map<String, Integer> labels;
  private final int done;
  private final Map<String, Type> locals;
  private final Map<String, CheckedModel.Variable> globals;
  private final Map<TypeExpr, Type.Scalar> domains;
  private String label;

  private StepResolver(String process, Map<String, Integer> labels, int done,
      Map<String, Type> locals, Map<String, CheckedModel.Variable> globals,
      Map<TypeExpr, Type.Scalar> domains) {
    this.process = process;
    this.labels = labels;
    this.done = done;
    this.locals = locals;
    this.globals = globals;
    this.domains = domains;
  }

  /** The steps of {@code decl} in program-counter order. */
  public static ImmutableList<CheckedStep> steps(Decl.Process decl, Map<String, Integer> labels,
      Map<String, Type> locals, Map<String, CheckedModel.Variable> globals,
      Map<TypeExpr, Type.Scalar> domains) {
    List<Decl.Step> steps = decl.steps();
    StepResolver r = new StepResolver(decl.name(), labels, steps.size(), locals, globals,
        domains);
    ImmutableList.Builder<CheckedStep> out = ImmutableList.builder();
    for (int k = 0; k < steps.size(); k++) {
      Decl.Step s = steps.get(k);
      r.label = s.label();
      String next = k + 1 < steps.size() ? steps.get(k + 1).label() : "done";
      out.add(new CheckedStep(s.pos(), k, s.label(), s.kernelFunction(), s.guard(),
          r.block(s.body()), k + 1, next));
    }
    return out.build();
  }

  /** The name the engine reports an assert by: its own, or the step's place. */
  public static String assertName(Stmt.Assert a, String process, String label) {
    return a.name() != null ? a.name() : "assert_" + process + "_" + label;
  }

  private ImmutableList<Action> block(List<Stmt> body) {
    ImmutableList.Builder<Action> out = ImmutableList.builder();
    for (Stmt s : body) out.add(s.accept(this));
    return out.build();
  }

  private Action.Place place(Expr name) {
    String n = ((Expr.Name) name).name();
    Type local = locals.get(n);
    if (local != null) return new Action.Place(n, true, local);
    CheckedModel.Variable g = globals.get(n);
    if (g == null) throw new IllegalStateException("unchecked name: " + n);
    return new Action.Place(n, false, g.type());
  }

  private Action.Target target(Expr e) {
    if (e instanceof Expr.Index ix) return new Action.Target(place(ix.target()), ix.index(), e);
    return new Action.Target(place(e), null, e);
  }

  private Type.Scalar domain(TypeExpr t) {
    Type.Scalar d = domains.get(t);
    if (d == null) throw new IllegalStateException("unchecked domain: " + t);
    return d;
  }

  @Override
  public Action assign(Stmt.Assign s) {
    return new Action.Assign(s.pos(), target(s.target()), s.value());
  }

  @Override
  public Action push(Stmt.Push s) {
    return new Action.Push(s.pos(), place(s.container()), s.value());
  }

  @Override
  public Action pop(Stmt.Pop s) {
    return new Action.Pop(s.pos(), s.target() == null ? null : target(s.target()),
        place(s.container()));
  }

  @Override
  public Action ifElse(Stmt.If s) {
    return new Action.If(s.pos(), s.condition(), block(s.then()), block(s.otherwise()));
  }

  @Override
  public Action when(Stmt.When s) {
    return new Action.When(s.pos(), s.condition());
  }

  @Override
  public Action either(Stmt.Either s) {
    ImmutableList.Builder<ImmutableList<Action>> branches = ImmutableList.builder();
    for (List<Stmt> b : s.branches()) branches.add(block(b));
    return new Action.Either(s.pos(), branches.build());
  }

  @Override
  public Action choose(Stmt.Choose s) {
    return new Action.Choose(s.pos(), s.variable(), domain(s.domain()), block(s.body()));
  }

  @Override
  public Action forEach(Stmt.For s) {
    return new Action.For(s.pos(), s.variable(), domain(s.domain()), block(s.body()));
  }

  @Override
  public Action assertion(Stmt.Assert s) {
    return new Action.Assert(s.pos(), assertName(s, process, label), s.condition());
  }

  @Override
  public Action jump(Stmt.Goto s) {
    Integer pc = s.label().equals("done") ? Integer.valueOf(done) : labels.get(s.label());
    if (pc == null) throw new IllegalStateException("unchecked label: " + s.label());
    return new Action.Goto(s.pos(), s.label(), pc);
  }

  @Override
  public Action skip(Stmt.Skip s) {
    return new Action.Skip(s.pos());
  }

  @Override
  public Action lockOp(Stmt.LockOp s) {
    throw new IllegalStateException("locks are lowered before checking: " + s);
  }
}
