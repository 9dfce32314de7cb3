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
}
