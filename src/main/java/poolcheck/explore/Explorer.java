package poolcheck.explore;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Frame;
import poolcheck.compile.Property;
import poolcheck.compile.StateLayout;
import poolcheck.compile.SuccessorSink;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;
import poolcheck.result.Statistics;
import poolcheck.result.TraceStep;
import poolcheck.result.Verdict;

/**
 * Breadth-first exhaustive search: the first violation found is at the smallest depth, so its
 * trace is a shortest one. Configure with the setters, then {@link #run()}.
 */
public final class Explorer {
  private final CompiledModel model;
  private final boolean[] checked;
  private long maxStates = Long.MAX_VALUE;
  private int maxDepth = Integer.MAX_VALUE;
  private long timeLimitMillis = Long.MAX_VALUE;
  private final AtomicBoolean stop = new AtomicBoolean();
  private Progress progress = Progress.NONE;

  /** Receives figures while the search runs. */
  public interface Progress {
    Progress NONE = (distinct, generated, frontier, depth, millis) -> { };

    void report(long distinct, long generated, long frontier, int depth, long millis);
  }

  public Explorer(CompiledModel model) {
    this.model = model;
    this.checked = model.allChecked();
  }

  /** Checks only the named properties (runtime errors are always checked). */
  public Explorer properties(Set<String> names) {
    for (Property p : model.properties()) {
      checked[p.id()] = p.kind() == Property.Kind.RUNTIME || names.contains(p.name());
    }
    return this;
  }

  public Explorer deadlock(boolean check) {
    model.property("deadlock").ifPresent(p -> checked[p.id()] = check);
    return this;
  }

  public Explorer maxStates(long n) {
    this.maxStates = n;
    return this;
  }

  public Explorer maxDepth(int n) {
    this.maxDepth = n;
    return this;
  }

  public Explorer timeLimitMillis(long n) {
    this.timeLimitMillis = n;
    return this;
  }

  public Explorer progress(Progress p) {
    this.progress = p;
    return this;
  }

  /** Asks a running search to stop at the next state; it returns an INTERRUPTED result. */
  public void stop() {
    stop.set(true);
  }

  public ImmutableList<String> checkedNames() {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    for (Property p : model.properties()) {
      if (checked[p.id()]) out.add(p.name());
    }
    return out.build();
  }

  /** What a violation is made of until the trace is rebuilt. */
  private record Found(int property, int parent, int transition, int[] state) {}

  public CheckResult run() {
    long start = System.currentTimeMillis();
    StateLayout layout = model.layout();
    StateStore store = new StateStore(layout.words());
    Frame frame = model.newFrame(checked);
    long[] packed = new long[layout.words()];
    int deadlock = model.property("deadlock").orElseThrow().id();

    final class Sink implements SuccessorSink {
      int parent = -1;
      int emitted;
      long generated;
      Found found;

      @Override
      public void successor(int[] next, int transition) {
        emitted++;
        generated++;
        if (found != null) return;
        layout.pack(next, packed, 0);
        int index = store.add(packed, parent, transition);
        if (index >= 0) {
          int bad = model.violatedInvariant(next, frame);
          if (bad >= 0) found = new Found(bad, index, -2, null);
        }
      }

      @Override
      public void violation(int property, int[] at, int transition) {
        emitted++;
        if (found == null) found = new Found(property, parent, transition, at);
      }
    }

    Sink sink = new Sink();
    model.initialStates(frame, sink);
    int head = 0;
    int levelEnd = store.size();
    int depth = 0;
    String reason = null;
    Verdict verdict = Verdict.VERIFIED;
    int[] current = new int[layout.slots()];
    long lastReport = start;
    while (sink.found == null && head < store.size()) {
      if (head == levelEnd) {
        depth++;
        levelEnd = store.size();
      }
      if (depth >= maxDepth) {
        verdict = Verdict.INCOMPLETE;
        reason = "depth limit " + maxDepth + " reached";
        break;
      }
      if (stop.get()) {
        verdict = Verdict.INTERRUPTED;
        reason = "interrupted";
        break;
      }
      if (store.size() >= maxStates) {
        verdict = Verdict.INCOMPLETE;
        reason = "state limit " + maxStates + " reached";
        break;
      }
      if ((head & 0xFFF) == 0) {
        long now = System.currentTimeMillis();
        if (now - start > timeLimitMillis) {
          verdict = Verdict.INCOMPLETE;
          reason = "time limit " + timeLimitMillis / 1000 + " s reached";
          break;
        }
        if (now - lastReport >= 1000) {
          progress.report(store.size(), sink.generated, store.size() - head, depth, now - start);
          lastReport = now;
        }
      }
      store.copyOut(head, packed);
      layout.unpack(packed, 0, current);
      sink.parent = head;
      sink.emitted = 0;
      model.successors(current, frame, sink);
      if (sink.emitted == 0 && checked[deadlock] && !model.isFinal(current, frame)) {
        sink.found = new Found(deadlock, head, -2, null);
      }
      head++;
    }
    if (sink.found != null) verdict = Verdict.VIOLATED;
    if (verdict == Verdict.VERIFIED && store.size() > 0) {
      // depth is the level of the last state stored, which may lie beyond the level expanded.
      depth = depthOf(store, store.size() - 1);
    } else if (sink.found != null && store.size() > 0) {
      // An init block that breaks a property may leave the store empty: no state to measure.
      depth = Math.max(depth, depthOf(store, store.size() - 1));
    }
    long millis = System.currentTimeMillis() - start;
    Statistics stats = new Statistics(sink.generated, store.size(), depth, millis, 1,
        store.bytesPerState());
    Optional<Counterexample> trace = Optional.ofNullable(sink.found)
        .map(f -> counterexample(store, f));
    if (model.reducesSymmetry()) {
      trace = trace.map(cx -> Concretizer.concretize(model, cx, checked));
    }
    if (verdict == Verdict.VERIFIED && checksLiveness()) {
      // Liveness needs the whole graph, so it runs only once every safety check passed.
      trace = new LivenessChecker(model, checked).check(checked);
      if (trace.isPresent()) verdict = Verdict.VIOLATED;
    }
    return new CheckResult(model.name(), model.constants(), checkedNames(), verdict, stats,
        trace, reason);
  }

  private boolean checksLiveness() {
    for (int k = 0; k < model.livenessCount(); k++) {
      if (checked[model.livenessProperty(k).id()]) return true;
    }
    return false;
  }

  private static int depthOf(StateStore store, int index) {
    int d = 0;
    for (int i = index; store.parent(i) >= 0; i = store.parent(i)) d++;
    return d;
  }

  private Counterexample counterexample(StateStore store, Found f) {
    List<TraceStep> steps = new ArrayList<>();
    long[] packed = new long[model.layout().words()];
    if (f.state() != null) {
      steps.add(new TraceStep(f.transition() < 0 ? null : model.transitions().get(f.transition()),
          model.view(f.state())));
    }
    for (int i = f.parent(); i >= 0; i = store.parent(i)) {
      store.copyOut(i, packed);
      int t = store.transition(i);
      steps.add(new TraceStep(t < 0 ? null : model.transitions().get(t),
          model.view(model.layout().unpack(packed))));
    }
    return new Counterexample(model.properties().get(f.property()),
        ImmutableList.copyOf(steps).reverse());
  }
}
