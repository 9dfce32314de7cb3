package poolcheck.explore;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import poolcheck.system.Counts;
import poolcheck.system.Property;
import poolcheck.system.PropertySelection;
import poolcheck.system.StateLayout;
import poolcheck.system.Stepper;
import poolcheck.system.SuccessorSink;
import poolcheck.system.Transition;
import poolcheck.system.TransitionSystem;

/**
 * A transition system written in Java, a few lines per model, for testing the searches without
 * model text: slots with ranges, initial states, steps as functions from a state to its successor
 * (null: not enabled), named invariants and a final predicate.
 */
final class TinySystem implements TransitionSystem {
  private final String name;
  private final StateLayout layout;
  private final ImmutableList<int[]> initial;
  private final ImmutableList<Transition> transitions;
  private final List<UnaryOperator<int[]>> steps;
  private final ImmutableList<Property> properties;
  private final List<Predicate<int[]>> invariants;
  private final Predicate<int[]> isFinal;
  private final int instances;

  private TinySystem(Builder b) {
    this.name = b.name;
    this.layout = new StateLayout(b.lo, b.hi);
    this.initial = ImmutableList.copyOf(b.initial);
    this.transitions = ImmutableList.copyOf(b.transitions);
    this.steps = List.copyOf(b.steps);
    ImmutableList.Builder<Property> props = ImmutableList.builder();
    int id = 0;
    for (String inv : b.invariants.keySet()) {
      props.add(new Property(id++, inv, Property.Kind.INVARIANT, name));
    }
    props.add(new Property(id, "deadlock", Property.Kind.DEADLOCK, name));
    this.properties = props.build();
    this.invariants = List.copyOf(b.invariants.values());
    this.isFinal = b.isFinal;
    this.instances = b.instanceIndex.size();
  }

  static Builder builder(String name, int[] lo, int[] hi) {
    return new Builder(name, lo, hi);
  }

  static final class Builder {
    private final String name;
    private final int[] lo;
    private final int[] hi;
    private final List<int[]> initial = new ArrayList<>();
    private final List<Transition> transitions = new ArrayList<>();
    private final List<UnaryOperator<int[]>> steps = new ArrayList<>();
    private final Map<String, Integer> instanceIndex = new LinkedHashMap<>();
    private final Map<String, Predicate<int[]>> invariants = new LinkedHashMap<>();
    private Predicate<int[]> isFinal = s -> false;

    private Builder(String name, int[] lo, int[] hi) {
      this.name = name;
      this.lo = lo;
      this.hi = hi;
    }

    Builder initial(int... state) {
      initial.add(state.clone());
      return this;
    }

    /** A step of {@code instance}: {@code next} gets a copy of the state to change, or null. */
    Builder step(String instance, String label, UnaryOperator<int[]> next) {
      int index = instanceIndex.computeIfAbsent(instance, k -> instanceIndex.size());
      transitions.add(new Transition(transitions.size(), instance, index, label, null, null));
      steps.add(next);
      return this;
    }

    Builder invariant(String property, Predicate<int[]> holds) {
      invariants.put(property, holds);
      return this;
    }

    /** Which states with nothing enabled are ends rather than deadlocks (none by default). */
    Builder finalWhen(Predicate<int[]> end) {
      this.isFinal = end;
      return this;
    }

    TinySystem build() {
      return new TinySystem(this);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ImmutableMap<String, Integer> constants() {
    return ImmutableMap.of();
  }

  @Override
  public StateLayout layout() {
    return layout;
  }

  @Override
  public ImmutableList<Property> properties() {
    return properties;
  }

  @Override
  public ImmutableList<Transition> transitions() {
    return transitions;
  }

  @Override
  public int instances() {
    return instances;
  }

  @Override
  public Stepper stepper(PropertySelection checked) {
    Counts counts = new Counts(transitions.size(), 0);
    return new Stepper() {
      @Override
      public void initialStates(SuccessorSink sink) {
        for (int[] s : initial) sink.successor(s.clone(), -1);
      }

      @Override
      public void successors(int[] s, SuccessorSink sink) {
        for (int t = 0; t < steps.size(); t++) successors(s, t, sink);
      }

      @Override
      public void successors(int[] s, int transition, SuccessorSink sink) {
        int[] next = steps.get(transition).apply(s.clone());
        if (next == null) return;
        for (int i = 0; i < next.length; i++) {
          if (next[i] < layout.lo(i) || next[i] > layout.hi(i)) {
            throw new IllegalStateException("slot " + i + " out of range: " + next[i]);
          }
        }
        counts.addTaken(transition, 1);
        sink.successor(next, transition);
      }

      @Override
      public int violatedInvariant(int[] s) {
        for (int k = 0; k < invariants.size(); k++) {
          if (checked.checks(k) && !invariants.get(k).test(s)) return k;
        }
        return -1;
      }

      @Override
      public boolean isFinal(int[] s) {
        return isFinal.test(s);
      }

      @Override
      public Counts counts() {
        return counts;
      }
    };
  }

  /**
   * Fails unless {@code cx} is a run of this system: its first state an initial one, each next
   * state one its step produces from the state before.
   */
  void replays(poolcheck.result.Counterexample cx) {
    var steps = cx.steps();
    int[] current = state(steps.get(0).state());
    if (initial.stream().noneMatch(s -> java.util.Arrays.equals(s, current))) {
      throw new AssertionError("the trace starts in no initial state: " + steps.get(0));
    }
    Stepper stepper = stepper(PropertySelection.all(this));
    int[] from = current;
    for (int i = 1; i < steps.size(); i++) {
      var step = steps.get(i);
      if (step.transition() == null) throw new AssertionError("step " + i + " names no step");
      int[] to = state(step.state());
      List<int[]> next = new ArrayList<>();
      stepper.successors(from, step.transition().id(), new SuccessorSink() {
        @Override
        public void successor(int[] s, int transition) {
          next.add(s);
        }

        @Override
        public void violation(int property, int[] at, int transition) {}
      });
      if (next.stream().noneMatch(s -> java.util.Arrays.equals(s, to))) {
        throw new AssertionError("step " + i + " (" + step.transition().label()
            + ") does not lead to " + step.state());
      }
      from = to;
    }
  }
}
