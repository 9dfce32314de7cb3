package poolcheck.system;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Optional;

/**
 * What a search needs of a model, and all it may know of one: a transition system over states
 * that are int[] of slots (see {@link StateLayout}), its named properties and its labelled
 * transitions, run by a per-thread {@link Stepper}. The compiled model implements it; tests
 * implement it by hand in a few lines (stateright's {@code Model} and TLC's {@code ITool} are
 * the precedents).
 *
 * <p>The default methods are the optional faces that only some searches need: symmetry
 * reduction, leads-to properties, coverage sites, and the state codec that names slots for
 * traces. A system without them gets the plain answer (no reduction, no liveness, slots named
 * {@code s0}, {@code s1}, ...).
 *
 * <p>Property ids are indices into {@link #properties()}; transition ids into
 * {@link #transitions()}, whose {@code instanceIndex} is below {@link #instances()}. Every system
 * has a property of kind {@link Property.Kind#DEADLOCK} named "deadlock".
 */
public interface TransitionSystem {
  String name();

  /** The constants' values the system was built with, for results and checkpoints. */
  ImmutableMap<String, Integer> constants();

  StateLayout layout();

  ImmutableList<Property> properties();

  default Optional<Property> property(String name) {
    return properties().stream().filter(p -> p.name().equals(name)).findFirst();
  }

  ImmutableList<Transition> transitions();

  /** Process instances: a transition belongs to one, fairness is per instance. */
  int instances();

  /** A thread's means of running the system, checking {@code checked}; never shared. */
  Stepper stepper(PropertySelection checked);

  /**
   * The step contract's write set: the slots that {@code transition} may change, ascending, so
   * that a successor differs from its parent in these slots at most; null when any slot may
   * change (no contract, or symmetry reduction, which hands on a permuted state). A search
   * builds a successor's packed form from its parent's by rewriting these slots only.
   */
  default int[] writtenSlots(int transition) {
    return null;
  }

  /** The configuration the system was built at, or null for its defaults. */
  default String configuration() {
    return null;
  }

  // ---- state codec: traces and replay -------------------------------------------------------

  /** The state by name, for traces. */
  default StateView view(int[] s) {
    ImmutableMap.Builder<String, Value> out = ImmutableMap.builder();
    for (int i = 0; i < s.length; i++) out.put("s" + i, new Value.Int(s[i]));
    return new StateView(out.build());
  }

  /**
   * The inverse of {@link #view}, for replaying a trace; IllegalArgumentException when the view
   * names no state of this system.
   */
  default int[] state(StateView view) {
    int[] s = new int[layout().slots()];
    for (int i = 0; i < s.length; i++) {
      if (!(view.get("s" + i) instanceof Value.Int v)) {
        throw new IllegalArgumentException("no value for s" + i);
      }
      if (v.value() < layout().lo(i) || v.value() > layout().hi(i)) {
        throw new IllegalArgumentException("s" + i + ": " + v + " out of range");
      }
      s[i] = v.value();
    }
    return s;
  }

  /**
   * What failed, in words, when {@code property} broke at state {@code at} after
   * {@code transition} (-1: init) from {@code before} (null: from nothing), the properties
   * {@code checked} being on; empty when there is nothing to add to the property's name.
   * Off the hot path: once per reported trace.
   */
  default Optional<String> failure(int property, int[] before, int transition, int[] at,
      PropertySelection checked) {
    return Optional.empty();
  }

  // ---- symmetry: searches that store states reduce by it ------------------------------------

  /** Whether successors and initial states come out canonical (one per orbit). */
  default boolean reducesSymmetry() {
    return false;
  }

  /** The same system with reduction on or off; itself when it has no symmetry. */
  default TransitionSystem withSymmetry(boolean on) {
    return this;
  }

  /**
   * The canonical form of a state under the system's symmetry, whether or not reduction is on
   * (the liveness checker canonicalises an unreduced system's successors itself); itself when
   * the system has no symmetry.
   */
  default int[] canonical(int[] s) {
    return s;
  }

  // ---- liveness and coverage ----------------------------------------------------------------

  /** The leads-to properties and fairness; none by default. */
  default Liveness liveness() {
    return Liveness.NONE;
  }

  /**
   * Bit i set when process instance i is enabled in s as fairness means it: it has a step
   * that changes s (TLA+'s ENABLED of a subscripted action; a step leaving s as it is is a
   * stutter). At most 64 instances, as liveness checking allows.
   */
  default long enabledInstances(Stepper stepper, int[] s) {
    long[] bits = {0};
    stepper.successors(s, new SuccessorSink() {
      @Override
      public void successor(int[] next, int transition) {
        if (!java.util.Arrays.equals(next, s)) {
          bits[0] |= 1L << transitions().get(transition).instanceIndex();
        }
      }

      @Override
      public void violation(int property, int[] at, int transition) { }
    });
    return bits[0];
  }

  /** The places whose evaluations coverage counts, indexed by {@link Site#id()}. */
  default ImmutableList<Site> sites() {
    return ImmutableList.of();
  }
}
