package poolcheck.language;

import static poolcheck.language.ErrorCode.DATA_RACE;
import static poolcheck.language.ErrorCode.DUPLICATE_DECLARATION;
import static poolcheck.language.ErrorCode.GHOST_DECIDES_STEP;
import static poolcheck.language.ErrorCode.LOCK_ORDER_IN_STEP;
import static poolcheck.language.ErrorCode.NOT_ALLOWED_HERE;
import static poolcheck.language.ErrorCode.NOT_A_LOCK;
import static poolcheck.language.ErrorCode.TYPE_MISMATCH;
import static poolcheck.language.ErrorCode.UNGUARDED_ACCESSES;
import static poolcheck.language.ErrorCode.UNKNOWN_NAME;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule behind PlusCal's labels and Lipton's reduction, checked on the model text: along every
 * way through a step, the step makes at most one access to shared memory that no lock it holds
 * guards, takes its locks before that access and releases them after it ({@code lock* access?
 * unlock*}). Accesses to memory guarded by a held lock commute with every other context's steps,
 * so they group freely; an access to memory only one instance touches is private. A step that
 * folds two unguarded accesses hides every interleaving between them, which is how a lost update
 * or a use-after-free "verifies".
 *
 * <p>An access is a read or a write of one variable (one element expression of an array, one
 * container): {@code x = x + 1} makes two, and so does a push or a pop. Assertions are the
 * checker's instruments, evaluated with the step like an invariant, and make no access (a
 * use-after-free check stands beside the access it checks); program counters ({@code at}) are
 * not memory, and neither are ghosts, which only assertions, properties and ghost assignments
 * may read. A step marked {@code atomic "reason"} stands for one hardware atomic and may make
 * several.
 */
final class StepGranularity {
  /** Ways through a step are followed separately up to this many, then merged conservatively. */
  private static final int MAX_PATHS = 64;

  private final Map<String, Decl.Lock> locks = new LinkedHashMap<>();
  private final Map<String, Decl.Var> globals = new LinkedHashMap<>();
  /** Globals that one instance alone touches in steps: its private memory. */
  private final Set<String> privateGlobals = new HashSet<>();
  private final List<Diagnostic> errors = new ArrayList<>();
  private final Set<String> reported = new HashSet<>();

  private StepGranularity() {}

  static List<List<Stmt>> children(Stmt s) {
    return s.blocks();
  }

  static void check(List<Decl> decls) throws ModelException {
    StepGranularity g = new StepGranularity();
    g.run(decls);
    if (!g.errors.isEmpty()) {
      List<Diagnostic> sorted = new ArrayList<>(g.errors);
      sorted.sort((a, b) -> {
        int l = Integer.compare(a.position().line(), b.position().line());
        return l != 0 ? l : Integer.compare(a.position().column(), b.position().column());
      });
      throw new ModelException(sorted);
    }
  }

  private void run(List<Decl> decls) {
    for (Decl d : decls) {
      if (d instanceof Decl.Lock l) locks.put(l.name(), l);
    }
    for (Decl d : decls) {
      if (d instanceof Decl.Var v) {
        globals.put(v.name(), v);
        if (v.guard() != null) checkGuard(v);
        checkGhost(v);
      }
    }
    List<Decl.Process> processes = new ArrayList<>();
    for (Decl d : decls) {
      if (d instanceof Decl.Process p) processes.add(p);
      if (d instanceof Decl.Init init) rejectLockOps(init.body(), "an init block");
    }
    privateGlobals.addAll(PrivateMemory.of(processes, globals.keySet(), locks.keySet()));
    for (Decl.Process p : processes) process(p);
    for (Decl.Process p : processes) {
      for (Decl.Var v : p.locals()) rejectLocalGuard(v);
    }
  }

  private void checkGhost(Decl.Var v) {
    if (v.ghost() && v.guard() != null) {
      error(NOT_A_LOCK, v.guard().pos(), "ghost '" + v.name() + "' is the model's bookkeeping, not "
          + "memory: it takes no lock");
    }
  }

  private void checkGuard(Decl.Var v) {
    String lock = v.guard().lock();
    if (!locks.containsKey(lock)) {
      error(globals.containsKey(lock) ? NOT_A_LOCK : UNKNOWN_NAME, v.guard().pos(),
          globals.containsKey(lock) ? "'" + lock + "' after 'guarded_by' is a variable, not a lock"
              : "unknown lock '" + lock + "' after 'guarded_by'");
    }
  }

  private void rejectLocalGuard(Decl.Var v) {
    if (v.guard() != null) {
      error(NOT_A_LOCK, v.guard().pos(), "'guarded_by' on local '" + v.name() + "': a process's "
          + "locals are private to each instance and need no lock");
    }
  }

  private void rejectLockOps(List<Stmt> body, String where) {
    for (Stmt s : body) {
      if (s instanceof Stmt.LockOp l) {
        error(NOT_ALLOWED_HERE, l.pos(), (l.acquire() ? "lock" : "unlock") + "(...) is not "
            + "allowed in "
            + where + ": only a process's steps take and release locks");
      }
      children(s).forEach(b -> rejectLockOps(b, where));
    }
  }

  static Set<String> with(Set<String> bound, String name) {
    Set<String> out = new HashSet<>(bound);
    out.add(name);
    return out;
  }

  // ---- the rule, per process

  /** One access: a variable (element expression) read or written, where. */
  private record Access(String key, String variable, boolean write, Position pos) {
    String describe() {
      return (write ? "write of '" : "read of '") + variable + "' at " + pos.line() + ":"
          + pos.column();
    }
  }

  /** One way through a step so far. */
  private record Path(Set<String> held, Map<String, Access> unguarded, String releasedAt,
      String exit) {
    Path copy() {
      return new Path(new HashSet<>(held), new LinkedHashMap<>(unguarded), releasedAt, exit);
    }
  }

  private void process(Decl.Process p) {
    for (Decl.Var v : p.locals()) {
      if (locks.containsKey(v.name())) {
        error(DUPLICATE_DECLARATION, v.pos(), "local '" + v.name() + "' hides lock '" + v.name()
            + "' declared at " + locks.get(v.name()).pos());
      }
    }
    Set<String> locals = PrivateMemory.localNames(p);
    Map<String, Integer> labels = new HashMap<>();
    for (int k = 0; k < p.steps().size(); k++) labels.put(p.steps().get(k).label(), k);
    // Locks held on every way into each step: a forward must-analysis over the gotos.
    List<Set<String>> in = new ArrayList<>();
    for (int k = 0; k < p.steps().size(); k++) in.add(null);
    if (!p.steps().isEmpty()) in.set(0, new HashSet<>());
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int k = 0; k < p.steps().size(); k++) {
        if (in.get(k) == null) continue;
        Walk w = new Walk(p, p.steps().get(k), locals, false);
        for (Path out : w.run(in.get(k))) {
          int next = out.exit() == null ? k + 1 : labels.getOrDefault(out.exit(), -1);
          if (next < 0 || next >= p.steps().size()) continue;
          Set<String> before = in.get(next);
          Set<String> after = before == null ? new HashSet<>(out.held()) : intersect(before,
              out.held());
          if (!after.equals(before)) {
            in.set(next, after);
            changed = true;
          }
        }
      }
    }
    for (int k = 0; k < p.steps().size(); k++) {
      Set<String> held = in.get(k) == null ? new HashSet<>() : in.get(k);
      new Walk(p, p.steps().get(k), locals, true).run(held);
    }
  }

  private static Set<String> intersect(Set<String> a, Set<String> b) {
    Set<String> out = new HashSet<>(a);
    out.retainAll(b);
    return out;
  }

  /** Follows the ways through one step, classifying each access. */
  private final class Walk {
    final Decl.Process process;
    final Decl.Step step;
    final Set<String> locals;
    final boolean report;
    final String name;
    /** Variables bound by an enclosing for or quantifier. */
    final Set<String> loops = new HashSet<>();

    Walk(Decl.Process process, Decl.Step step, Set<String> locals, boolean report) {
      this.process = process;
      this.step = step;
      this.locals = locals;
      this.report = report;
      this.name = process.name() + "." + step.label();
    }

    List<Path> run(Set<String> held) {
      List<Path> paths = new ArrayList<>();
      paths.add(new Path(new HashSet<>(held), new LinkedHashMap<>(), null, null));
      if (step.guard() != null) reads(step.guard(), Set.of(), paths);
      return block(step.body(), Set.of(), paths);
    }

    private List<Path> block(List<Stmt> body, Set<String> bound, List<Path> paths) {
      for (Stmt s : body) {
        List<Path> live = new ArrayList<>();
        List<Path> ended = new ArrayList<>();
        for (Path p : paths) (p.exit() == null ? live : ended).add(p);
        if (live.isEmpty()) return paths;
        live = stmt(s, bound, live);
        ended.addAll(live);
        paths = ended.size() > MAX_PATHS ? merge(ended) : ended;
      }
      return paths;
    }

    /** A write to a ghost is bookkeeping: what it reads is not an access (Owicki-Gries). */
    private boolean ghost(Expr target, Set<String> bound) {
      Expr base = target;
      while (base instanceof Expr.Index ix) base = ix.target();
      if (!(base instanceof Expr.Name n) || bound.contains(n.name())
          || locals.contains(n.name())) {
        return false;
      }
      Decl.Var v = globals.get(n.name());
      return v != null && v.ghost();
    }

    private List<Path> stmt(Stmt s, Set<String> bound, List<Path> paths) {
      return s.accept(new Statement(bound, paths));
    }

    /** The accesses one statement makes on each live way: the ways on from it. */
    private final class Statement implements Stmt.Visitor<List<Path>> {
      private final Set<String> bound;
      private final List<Path> paths;

      Statement(Set<String> bound, List<Path> paths) {
        this.bound = bound;
        this.paths = paths;
      }

      @Override
      public List<Path> assign(Stmt.Assign a) {
        if (ghost(a.target(), bound)) return paths;
        reads(a.value(), bound, paths);
        write(a.target(), bound, paths);
        return paths;
      }

      @Override
      public List<Path> push(Stmt.Push p) {
        if (ghost(p.container(), bound)) return paths;
        reads(p.value(), bound, paths);
        readModifyWrite(p.container(), bound, paths);
        return paths;
      }

      @Override
      public List<Path> pop(Stmt.Pop p) {
        if (ghost(p.container(), bound)) {
          if (p.target() != null && !ghost(p.target(), bound)) {
            reads(p.container(), bound, paths);
          }
          return paths;
        }
        readModifyWrite(p.container(), bound, paths);
        if (p.target() != null && !ghost(p.target(), bound)) write(p.target(), bound, paths);
        return paths;
      }

      @Override
      public List<Path> when(Stmt.When w) {
        reads(w.condition(), bound, paths);
        return paths;
      }

      @Override
      public List<Path> ifElse(Stmt.If i) {
        reads(i.condition(), bound, paths);
        List<Path> out = block(i.then(), bound, copies(paths));
        out.addAll(block(i.otherwise(), bound, paths));
        return out;
      }

      @Override
      public List<Path> either(Stmt.Either e) {
        List<Path> out = new ArrayList<>();
        for (List<Stmt> b : e.branches()) out.addAll(block(b, bound, copies(paths)));
        return out;
      }

      @Override
      public List<Path> choose(Stmt.Choose c) {
        return block(c.body(), with(bound, c.variable()), paths);
      }

      @Override
      public List<Path> forEach(Stmt.For f) {
        boolean outer = !loops.add(f.variable());
        List<Path> out = block(f.body(), with(bound, f.variable()), paths);
        if (!outer) loops.remove(f.variable());
        return out;
      }

      /** The checker's instrument, evaluated with the step: no access (see the class comment). */
      @Override
      public List<Path> assertion(Stmt.Assert a) {
        return paths;
      }

      @Override
      public List<Path> jump(Stmt.Goto g) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) out.add(new Path(p.held(), p.unguarded(), p.releasedAt(),
            g.label()));
        return out;
      }

      @Override
      public List<Path> skip(Stmt.Skip k) {
        return paths;
      }

      @Override
      public List<Path> lockOp(Stmt.LockOp l) {
        if (bound.contains(l.lock())) {
          if (report) {
            error(NOT_A_LOCK, l.lockPos(), "'" + l.lock() + "' here is the bound variable, not "
                + "the lock of that name");
          }
          return paths;
        }
        StepGranularity.Walk.this.lockOp(l, paths);
        return paths;
      }
    }

    private void lockOp(Stmt.LockOp l, List<Path> paths) {
      if (!locks.containsKey(l.lock())) {
        if (report) {
          error(globals.containsKey(l.lock()) || locals.contains(l.lock())
                  ? NOT_A_LOCK : UNKNOWN_NAME, l.lockPos(),
              globals.containsKey(l.lock()) || locals.contains(l.lock())
                  ? "'" + l.lock() + "' is a variable, not a lock"
                  : "unknown lock '" + l.lock() + "'");
        }
        return;
      }
      for (int i = 0; i < paths.size(); i++) {
        Path p = paths.get(i);
        if (l.acquire()) {
          if (step.atomicReason() == null && report) {
            if (!p.unguarded().isEmpty()) {
              Access a = p.unguarded().values().iterator().next();
              error(LOCK_ORDER_IN_STEP, l.pos(), "step '" + name + "' takes lock '" + l.lock()
                  + "' after its unguarded " + a.describe() + ": a lock is taken before the "
                  + "step's one unguarded access (split the step there)");
            } else if (p.releasedAt() != null) {
              error(LOCK_ORDER_IN_STEP, l.pos(), "step '" + name + "' takes lock '" + l.lock()
                  + "' after releasing " + p.releasedAt() + " in the same step: split the "
                  + "step there");
            }
          }
          p.held().add(l.lock());
        } else {
          p.held().remove(l.lock());
          paths.set(i, new Path(p.held(), p.unguarded(), p.releasedAt() != null
              ? p.releasedAt() : "'" + l.lock() + "' at " + l.pos().line() + ":"
                  + l.pos().column(), p.exit()));
        }
      }
    }

    private void readModifyWrite(Expr container, Set<String> bound, List<Path> paths) {
      reads(container, bound, paths);
      write(container, bound, paths);
    }

    private void write(Expr target, Set<String> bound, List<Path> paths) {
      if (target instanceof Expr.Index ix && ix.target() instanceof Expr.Index row) {
        // owner[p][c]: one element, one word, as an element of a one-dimensional array
        reads(row.index(), bound, paths);
        reads(ix.index(), bound, paths);
        if (row.target() instanceof Expr.Name n) {
          access(n.name(), cell(row, ix), true, n.pos(), bound, paths,
              mentionsLoop(row.index()) || mentionsLoop(ix.index()));
        }
      } else if (target instanceof Expr.Index ix) {
        reads(ix.index(), bound, paths);
        if (ix.target() instanceof Expr.Name n) {
          access(n.name(), "[" + Printer.print(ix.index()) + "]", true, n.pos(), bound, paths,
              mentionsLoop(ix.index()));
        }
      } else if (target instanceof Expr.Name n) {
        access(n.name(), "", true, n.pos(), bound, paths, false);
      }
    }

    private void reads(Expr e, Set<String> bound, List<Path> paths) {
      e.accept(new Reads(bound, paths));
    }

    /** The reads an expression makes on each live way. */
    private final class Reads implements Expr.Visitor<Void> {
      private final Set<String> bound;
      private final List<Path> paths;

      Reads(Set<String> bound, List<Path> paths) {
        this.bound = bound;
        this.paths = paths;
      }

      @Override
      public Void intLit(Expr.IntLit i) {
        return null;
      }

      @Override
      public Void boolLit(Expr.BoolLit b) {
        return null;
      }

      @Override
      public Void self(Expr.Self s) {
        return null;
      }

      @Override
      public Void name(Expr.Name n) {
        access(n.name(), "", false, n.pos(), bound, paths, false);
        return null;
      }

      @Override
      public Void index(Expr.Index ix) {
        if (ix.target() instanceof Expr.Index row && row.target() instanceof Expr.Name n) {
          access(n.name(), cell(row, ix), false, n.pos(), bound, paths,
              mentionsLoop(row.index()) || mentionsLoop(ix.index()));
          reads(row.index(), bound, paths);
        } else if (ix.target() instanceof Expr.Name n) {
          access(n.name(), "[" + Printer.print(ix.index()) + "]", false, n.pos(), bound, paths,
              mentionsLoop(ix.index()));
        } else {
          reads(ix.target(), bound, paths);
        }
        reads(ix.index(), bound, paths);
        return null;
      }

      @Override
      public Void unary(Expr.Unary u) {
        reads(u.operand(), bound, paths);
        return null;
      }

      @Override
      public Void binary(Expr.Binary b) {
        reads(b.left(), bound, paths);
        reads(b.right(), bound, paths);
        return null;
      }

      @Override
      public Void call(Expr.Call c) {
        // cap(c) is the container's constant capacity, not a load; contains(c, e) scans c.
        if (c.function().equals("contains") && c.args().get(0) instanceof Expr.Name n) {
          access(n.name(), "", false, n.pos(), bound, paths, true);
          reads(c.args().get(1), bound, paths);
        } else if (!c.function().equals("cap")) {
          for (Expr a : c.args()) reads(a, bound, paths);
        }
        return null;
      }

      @Override
      public Void quantifier(Expr.Quantifier q) {
        boolean outer = !loops.add(q.variable());
        reads(q.body(), with(bound, q.variable()), paths);
        if (!outer) loops.remove(q.variable());
        return null;
      }

      /** A program counter is not memory: only an instance expression reads any. */
      @Override
      public Void at(Expr.At at) {
        if (at.instance() != null) reads(at.instance(), bound, paths);
        return null;
      }

      /** Another instance's local is read by properties only, never in a step. */
      @Override
      public Void localOf(Expr.LocalOf l) {
        return null;
      }

      /** Records are flattened into their field variables before steps are walked. */
      @Override
      public Void recordLit(Expr.RecordLit r) {
        return null;
      }
    }

    /** The element {@code [p][c]} of a two-dimensional array, as its access is named. */
    private static String cell(Expr.Index row, Expr.Index ix) {
      return "[" + Printer.print(row.index()) + "][" + Printer.print(ix.index()) + "]";
    }

    /** Whether an element expression names a for- or quantifier-bound variable: many words. */
    private boolean mentionsLoop(Expr e) {
      if (e instanceof Expr.Name n) return loops.contains(n.name());
      if (e instanceof Expr.Index ix) return mentionsLoop(ix.target()) || mentionsLoop(ix.index());
      if (e instanceof Expr.Unary u) return mentionsLoop(u.operand());
      if (e instanceof Expr.Binary b) return mentionsLoop(b.left()) || mentionsLoop(b.right());
      if (e instanceof Expr.Call c) return c.args().stream().anyMatch(this::mentionsLoop);
      return false;
    }

    /**
     * {@code many}: the access touches several words (every element a loop or quantifier
     * visits, a scan of a container), each an access of its own.
     */
    private void access(String variable, String element, boolean write, Position pos,
        Set<String> bound, List<Path> paths, boolean many) {
      if (bound.contains(variable) || locals.contains(variable)) return;
      if (locks.containsKey(variable)) {
        if (report) {
          error(TYPE_MISMATCH, pos, "type mismatch: lock '" + variable + "' is not a value; a step "
              + "changes it only with lock(" + variable + ") and unlock(" + variable + ")");
        }
        return;
      }
      Decl.Var v = globals.get(variable);
      if (v != null && v.ghost()) {
        if (!write && report) {
          error(GHOST_DECIDES_STEP, pos, "step '" + name + "' reads ghost '" + variable + "' "
              + "where the "
              + "value decides what the step does: a ghost is the model's bookkeeping, read "
              + "only by assertions, properties and assignments to ghosts");
        }
        return;
      }
      if (v == null || privateGlobals.contains(variable) && v.guard() == null) return;
      for (int i = 0; i < paths.size(); i++) {
        Path p = paths.get(i);
        boolean counted;
        if (v.guard() != null && locks.containsKey(v.guard().lock())) {
          String lock = v.guard().lock();
          boolean held = p.held().contains(lock);
          if (held) {
            // Writers all hold the lock; a write is still seen at once by READ_ONCE readers.
            counted = write && v.guard().readOnce();
          } else if (!write && v.guard().readOnce()) {
            counted = true;
          } else {
            if (report) {
              error(DATA_RACE, pos, "data race: step '" + name + "' " + (write ? "writes '"
                  : "reads '") + variable + "', guarded by '" + lock + "', without holding '"
                  + lock + "' on every way to this access" + (write || v.guard().readOnce()
                      ? "" : " (declare 'guarded_by " + lock + ", read_once' if the read is "
                          + "lock-free on purpose)"));
            }
            return;
          }
        } else {
          counted = true;
        }
        if (!counted || step.atomicReason() != null) continue;
        Access a = new Access(variable + element + (write ? "/w" : "/r"), variable + element,
            write, pos);
        if (p.unguarded().containsKey(a.key())) continue;
        if (report && many) {
          error(UNGUARDED_ACCESSES, pos, "step '" + name + "' makes several accesses to shared "
              + "memory that no lock it holds guards: " + a.describe() + " touches "
              + (element.isEmpty() ? "every element of the container" : "one element per value "
                  + "of the loop") + "; split the step, guard '" + variable + "' with a lock, "
              + "or mark a hardware atomic with atomic \"reason\"");
        } else if (report && p.releasedAt() != null) {
          error(LOCK_ORDER_IN_STEP, pos, "step '" + name + "' makes its unguarded " + a.describe()
              + " after releasing " + p.releasedAt() + ": locks are released after the step's "
              + "one unguarded access (split the step there)");
        } else if (report && !p.unguarded().isEmpty()) {
          Access first = p.unguarded().values().iterator().next();
          error(UNGUARDED_ACCESSES, pos, "step '" + name + "' makes two accesses to shared "
              + "memory that no lock it holds guards: " + first.describe() + " and " + a.describe()
              + "; split the step, guard both with a lock, or mark a hardware atomic with "
              + "atomic \"reason\"");
        }
        p.unguarded().put(a.key(), a);
      }
    }

    private List<Path> copies(List<Path> paths) {
      List<Path> out = new ArrayList<>();
      for (Path p : paths) out.add(p.copy());
      return out;
    }

    /** Too many ways: one conservative way (locks held on all, accesses made on any). */
    private List<Path> merge(List<Path> paths) {
      Map<String, List<Path>> byExit = new LinkedHashMap<>();
      for (Path p : paths) byExit.computeIfAbsent(String.valueOf(p.exit()), k -> new ArrayList<>())
          .add(p);
      List<Path> out = new ArrayList<>();
      for (List<Path> group : byExit.values()) {
        Set<String> held = new HashSet<>(group.get(0).held());
        Map<String, Access> unguarded = new LinkedHashMap<>();
        String released = null;
        for (Path p : group) {
          held.retainAll(p.held());
          unguarded.putAll(p.unguarded());
          if (released == null) released = p.releasedAt();
        }
        out.add(new Path(held, unguarded, released, group.get(0).exit()));
      }
      return out;
    }
  }

  private void error(ErrorCode code, Position pos, String message) {
    if (reported.add(code + " " + pos)) errors.add(new Diagnostic(code, pos, message));
  }
}
