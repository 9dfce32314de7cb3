package poolcheck.system;

/**
 * The face of a system with leads-to properties, which only the liveness checker reads:
 * property k is "always (premise ~> goal)" (premise evaluated by
 * {@link Stepper#livenessPremise}), or "eventually goal" from the initial states.
 */
public interface Liveness {
  Liveness NONE = new Liveness() {
    @Override
    public int count() {
      return 0;
    }

    @Override
    public Property property(int k) {
      throw new IndexOutOfBoundsException(k);
    }

    @Override
    public boolean fromInitialStates(int k) {
      throw new IndexOutOfBoundsException(k);
    }

    @Override
    public int fairness(int instance) {
      return 0;
    }
  };

  int count();

  Property property(int k);

  /** Whether property k is "eventually goal", whose premise is being an initial state. */
  boolean fromInitialStates(int k);

  /** 0 no fairness, 1 weak, 2 strong, for process instance {@code instance}. */
  int fairness(int instance);

  /**
   * The first of {@code instances} process instances a cycle is unfair to, or -1: weakly fair,
   * enabled in every state of the cycle ({@code everywhere}) and never taking a state-changing
   * step on it ({@code taken}); or strongly fair, enabled in some state ({@code somewhere}) and
   * never taking one. Bit i of each mask stands for instance i.
   */
  default int unfairTo(int instances, long taken, long somewhere, long everywhere) {
    for (int i = 0; i < instances; i++) {
      long bit = 1L << i;
      int f = fairness(i);
      if ((taken & bit) == 0 && (f == 1 && (everywhere & bit) != 0
          || f == 2 && (somewhere & bit) != 0)) {
        return i;
      }
    }
    return -1;
  }
}
