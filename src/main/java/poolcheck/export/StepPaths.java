package poolcheck.export;

import static poolcheck.language.ErrorCode.NOT_EXPORTABLE;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import poolcheck.check.Action;
import poolcheck.check.Type;
import poolcheck.language.Diagnostic;
import poolcheck.language.ModelException;

/**
 * A checked step body with its nondeterminism resolved: one deterministic path per way of choosing the
 * {@code either} branches and {@code choose} values, {@code for} loops unrolled. An {@code if}
 * stays a branch (it is deterministic), so a choice inside an {@code if} gives paths that agree
 * whenever the other branch is taken: duplicate transitions, never missing ones. Exporters whose
 * atomic transitions cannot choose (Promela's d_step) emit one transition per path.
 */
final class StepPaths {
  /** Bound variables (choose, for) and their values on this path, with their types. */
  record Bindings(ImmutableMap<String, Integer> values, ImmutableMap<String, Type.Scalar> types) {
    static final Bindings NONE = new Bindings(ImmutableMap.of(), ImmutableMap.of());

    Bindings with(String name, int value, Type.Scalar type) {
      Map<String, Integer> m = new LinkedHashMap<>(values);
      m.put(name, value);
      Map<String, Type.Scalar> t = new LinkedHashMap<>(types);
      t.put(name, type);
      return new Bindings(ImmutableMap.copyOf(m), ImmutableMap.copyOf(t));
    }
  }

  sealed interface Node {}

  /** Assign, Push, Pop, When, Assert, Goto or Skip. */
  record Leaf(Action action, Bindings bindings) implements Node {}

  record Cond(Action.If action, Bindings bindings, ImmutableList<Node> then,
      ImmutableList<Node> otherwise) implements Node {}

  /** More paths than this in one step is a model the exporter should not silently bloat. */
  static final int LIMIT = 4096;

  private StepPaths() {}

  static List<ImmutableList<Node>> of(List<Action> body) throws ModelException {
    try {
      List<List<Node>> paths = new StepPaths().extend(List.of(List.of()), body,
          Bindings.NONE);
      List<ImmutableList<Node>> out = new ArrayList<>();
      for (List<Node> p : paths) out.add(ImmutableList.copyOf(p));
      return out;
    } catch (TooMany e) {
      throw new ModelException(new Diagnostic(NOT_EXPORTABLE, e.at.pos(), "export: this step has "
          + "more than " + LIMIT + " ways through its either/choose statements; split it into "
          + "smaller steps"));
    }
  }

  /** Whether a path ends in a goto at its top level (nothing after it runs). */
  static boolean ended(List<Node> path) {
    return !path.isEmpty() && path.get(path.size() - 1) instanceof Leaf l
        && l.action() instanceof Action.Goto;
  }

  private List<List<Node>> extend(List<List<Node>> prefixes, List<Action> actions, Bindings b) {
    List<List<Node>> current = prefixes;
    for (Action s : actions) {
      if (s instanceof Action.For f) {
        Type.Scalar d = f.domain();
        for (int v = d.lo(); v <= d.hi(); v++) {
          current = extend(current, f.body(), b.with(f.variable(), v, d));
        }
        continue;
      }
      List<List<Node>> alternatives = alternatives(s, b);
      List<List<Node>> next = new ArrayList<>();
      for (List<Node> p : current) {
        if (ended(p)) {
          next.add(p);
          continue;
        }
        for (List<Node> alt : alternatives) {
          List<Node> q = new ArrayList<>(p);
          q.addAll(alt);
          next.add(q);
          if (next.size() > LIMIT) throw new TooMany(s);
        }
      }
      current = next;
    }
    return current;
  }

  private List<List<Node>> alternatives(Action s, Bindings b) {
    if (s instanceof Action.Either e) {
      List<List<Node>> out = new ArrayList<>();
      for (List<Action> branch : e.branches()) out.addAll(extend(List.of(List.of()), branch, b));
      return out;
    } else if (s instanceof Action.Choose c) {
      Type.Scalar d = c.domain();
      List<List<Node>> out = new ArrayList<>();
      for (int v = d.lo(); v <= d.hi(); v++) {
        out.addAll(extend(List.of(List.of()), c.body(), b.with(c.variable(), v, d)));
      }
      return out;
    } else if (s instanceof Action.If i) {
      List<List<Node>> then = extend(List.of(List.of()), i.then(), b);
      List<List<Node>> otherwise = extend(List.of(List.of()), i.otherwise(), b);
      // Pair the branches' paths instead of multiplying them: a state takes one branch only,
      // so max(then, otherwise) combinations cover every path of both.
      int n = Math.max(then.size(), otherwise.size());
      List<List<Node>> out = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        out.add(List.of(new Cond(i, b, ImmutableList.copyOf(then.get(Math.min(k,
            then.size() - 1))), ImmutableList.copyOf(otherwise.get(Math.min(k,
            otherwise.size() - 1))))));
      }
      return out;
    } else {
      return List.of(List.of(new Leaf(s, b)));
    }
  }

  private static final class TooMany extends RuntimeException {
    final Action at;

    TooMany(Action at) {
      super(null, null, false, false);
      this.at = at;
    }
  }
}
