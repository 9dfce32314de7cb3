package poolcheck.explore;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import poolcheck.system.Liveness;
import poolcheck.system.Property;
import poolcheck.system.PropertySelection;
import poolcheck.system.StateLayout;
import poolcheck.system.Stepper;
import poolcheck.system.Transition;
import poolcheck.system.TransitionSystem;

/**
 * A system that is another one except where a test overrides it (a stepper that runs out of
 * memory, a symmetry that lies): the optional faces keep their defaults unless overridden.
 */
public interface ForwardingSystem extends TransitionSystem {
  TransitionSystem delegate();

  @Override
  default String name() {
    return delegate().name();
  }

  @Override
  default ImmutableMap<String, Integer> constants() {
    return delegate().constants();
  }

  @Override
  default StateLayout layout() {
    return delegate().layout();
  }

  @Override
  default ImmutableList<Property> properties() {
    return delegate().properties();
  }

  @Override
  default ImmutableList<Transition> transitions() {
    return delegate().transitions();
  }

  @Override
  default int instances() {
    return delegate().instances();
  }

  @Override
  default Stepper stepper(PropertySelection checked) {
    return delegate().stepper(checked);
  }

  @Override
  default Liveness liveness() {
    return delegate().liveness();
  }
}
