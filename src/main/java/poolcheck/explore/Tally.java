package poolcheck.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import poolcheck.explore.store.TraceLog;
import poolcheck.result.Counterexample;
import poolcheck.system.Property;
import poolcheck.system.PropertySelection;
import poolcheck.system.Stepper;
import poolcheck.system.SuccessorSink;
import poolcheck.system.TransitionSystem;

/**
 * The first violation of each property of an {@link EachProperty} search, as the search checking
 * that property alone would find it: the search's workers tell their {@link Probe} about each
 * new state, runtime error and expansion; at the end of each level the shortest, then earliest,
 * event of each undecided property is compared with that of the runtime errors (which end every
 * search), and the property is decided if either happened.
 */
final class Tally {
  /** A violation met by a search: its trace ends at {@code anchor} (then {@code at}). */
  record Event(int property, long anchor, int transition, int[] at, int length, long order) {
    boolean before(Event o) {
      return length < o.length || length == o.length && order < o.order;
    }
  }

  /** How a property was decided, the figures at the end of its level and its trace. */
  record Decision(Event event, long distinct, long generated, Counterexample trace) {}

  private final TransitionSystem model;
  /** The properties tallied, with the selection of the search checking each alone. */
  private final Property[] targets;
  private final PropertySelection[] alone;
  private final boolean[] decided;
  private final Event[] winners;
  private final long[] distinct;
  private final long[] generated;
  private final Decision[] decisions;
  private final List<Probe> probes = new ArrayList<>();
  /** Bumped when a property is decided: probes then drop it from their checks. */
  private volatile int generation;

  Tally(TransitionSystem model, Map<Property, PropertySelection> alone) {
    this.model = model;
    int n = model.properties().size();
    this.targets = alone.keySet().toArray(new Property[0]);
    this.alone = new PropertySelection[n];
    alone.forEach((p, s) -> this.alone[p.id()] = s);
    this.decided = new boolean[n];
    this.winners = new Event[n];
    this.distinct = new long[n];
    this.generated = new long[n];
    this.decisions = new Decision[n];
  }

  /** A worker's probe; made before the search starts, used by that worker only. */
  synchronized Probe probe() {
    Probe p = new Probe();
    probes.add(p);
    return p;
  }

  /**
   * Ends a level (or the initial states): decides each property whose own search would stop
   * there, by its own first violation or by a runtime error met first.
   */
  void levelDone(long distinctNow, long generatedNow) {
    Event common = null;
    for (Probe p : probes) {
      if (p.runtime != null && (common == null || p.runtime.before(common))) common = p.runtime;
      p.runtime = null;
    }
    boolean changed = false;
    for (Property t : targets) {
      int id = t.id();
      if (decided[id]) continue;
      Event own = null;
      for (Probe p : probes) {
        Event e = p.best[id];
        if (e != null && (own == null || e.before(own))) own = e;
        p.best[id] = null;
      }
      Event w = own == null ? common : common == null || !common.before(own) ? own : common;
      if (w == null) continue;
      decided[id] = true;
      winners[id] = w;
      distinct[id] = distinctNow;
      generated[id] = generatedNow;
      changed = true;
    }
    if (changed) generation++;
  }

  /** Rebuilds each decided property's trace from the log, before the search closes it. */
  void rebuild(TraceLog log) {
    for (Property t : targets) {
      int id = t.id();
      Event e = winners[id];
      if (e == null) continue;
      Counterexample cx = TraceRebuild.counterexample(model, alone[id], log, e.property(),
          e.anchor(), e.transition(), e.at());
      decisions[id] = new Decision(e, distinct[id], generated[id], cx);
    }
  }

  /** The decision of property {@code id}, or null if no violation decided it. */
  Decision decision(int id) {
    return decisions[id];
  }

  /**
   * One worker's view: its steppers (one checking every undecided property, one per property
   * alone), this level's first event per property and its first runtime error. Events are
   * ordered by the worker's emission count; with one worker, that is the search's order.
   */
  final class Probe implements SuccessorSink {
    final Event[] best = new Event[decided.length];
    Event runtime;
    private final Stepper[] single = new Stepper[decided.length];
    private Stepper all;
    private int seen = -1;
    private boolean anyAssertion;
    private boolean anyInvariant;
    private boolean deadlock;
    private long emissions;
    private long stateStart;
    private boolean broke;
    // the first violation met by a stepper of one property alone
    private boolean caught;
    private int caughtProperty;
    private int caughtTransition;
    private int[] caughtAt;

    /** Rebuilds the checking stepper when properties were decided since the last level. */
    private void refresh() {
      if (seen == generation) return;
      seen = generation;
      boolean[] mask = new boolean[decided.length];
      anyAssertion = anyInvariant = deadlock = false;
      for (Property t : targets) {
        if (decided[t.id()]) continue;
        mask[t.id()] = true;
        switch (t.kind()) {
          case ASSERTION -> anyAssertion = true;
          case INVARIANT -> anyInvariant = true;
          case DEADLOCK -> deadlock = true;
          default -> { }
        }
      }
      for (Property p : model.properties()) {
        if (p.kind() == Property.Kind.RUNTIME) mask[p.id()] = true;
      }
      all = model.stepper(PropertySelection.ofMask(model.properties(), mask));
    }

    private Stepper single(int id) {
      if (single[id] == null) single[id] = model.stepper(alone[id]);
      return single[id];
    }

    /** Before a state is expanded (or the initial states are made). */
    void before() {
      refresh();
      stateStart = emissions;
    }

    /** A state the search stored for the first time, at {@code length} steps. */
    void added(long id, int[] state, int length) {
      emissions++;
      if (!anyInvariant || all.violatedInvariant(state) < 0) return;
      for (Property t : targets) {
        if (decided[t.id()] || t.kind() != Property.Kind.INVARIANT) continue;
        int bad = single(t.id()).violatedInvariant(state);
        if (bad >= 0) offer(t.id(), new Event(bad, id, -2, null, length, 2 * emissions));
      }
    }

    /** A runtime error of the unchecked search: it ends every property's own search too. */
    void runtimeError(int property, long anchor, int transition, int[] at, int length) {
      emissions++;
      Event e = new Event(property, anchor, transition, at, length, 2 * emissions);
      if (runtime == null || e.before(runtime)) runtime = e;
    }

    /** The initial states were made: an assertion of the initialisation may fail. */
    void initialised() {
      if (!anyAssertion) return;
      broke = false;
      all.initialStates(this);
      if (!broke) return;
      for (Property t : targets) {
        if (decided[t.id()] || t.kind() != Property.Kind.ASSERTION) continue;
        caught = false;
        single(t.id()).initialStates(catcher);
        if (caught) {
          offer(t.id(), new Event(caughtProperty, -1, -1, caughtAt, 0, 2 * stateStart + 1));
        }
      }
    }

    /**
     * State {@code anchor}, at {@code depth}, was expanded ({@code none}: nothing emitted). Its
     * steps are run again with the undecided assertions on; only if one breaks is each run
     * again alone, whose first violation is what that property's own search meets first here.
     */
    void expanded(int[] state, long anchor, int depth, boolean none) {
      if (none && deadlock && !all.isFinal(state)) {
        int id = model.property("deadlock").orElseThrow().id();
        if (!decided[id] && alone[id] != null) {
          offer(id, new Event(id, anchor, -2, null, depth, 2 * ++emissions));
        }
      }
      if (!anyAssertion) return;
      broke = false;
      all.successors(state, this);
      if (!broke) return;
      for (Property t : targets) {
        if (decided[t.id()] || t.kind() != Property.Kind.ASSERTION) continue;
        caught = false;
        single(t.id()).successors(state, catcher);
        if (caught) {
          // first of this state's events in that property's own search: before the runtime
          // errors the unchecked search met later in this state
          offer(t.id(), new Event(caughtProperty, anchor, caughtTransition, caughtAt, depth + 1,
              2 * stateStart + 1));
        }
      }
    }

    private void offer(int id, Event e) {
      if (best[id] == null || e.before(best[id])) best[id] = e;
    }

    @Override
    public void successor(int[] next, int transition) { }

    @Override
    public void violation(int property, int[] at, int transition) {
      broke = true;
    }

    private final SuccessorSink catcher = new SuccessorSink() {
      @Override
      public void successor(int[] next, int transition) { }

      @Override
      public void violation(int property, int[] at, int transition) {
        if (caught) return;
        caught = true;
        caughtProperty = property;
        caughtTransition = transition;
        caughtAt = at;
      }
    };
  }
}
