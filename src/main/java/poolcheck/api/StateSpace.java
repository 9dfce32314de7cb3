package poolcheck.api;

import java.nio.file.Path;
import java.util.Map;

/**
 * A model's state space to walk by hand, one step at a time (stateright's Explorer, SPIN's
 * {@code -i}): which model, at which configuration and constants. {@link #open()} loads it.
 *
 * <pre>{@code
 * StateWalk walk = StateSpace.of(Path.of("models/page_pool_v6_12.pool")).config("small").open();
 * ExploredState s = walk.state(List.of(0, 2));   // the initial state, then its third choice
 * }</pre>
 */
public final class StateSpace {
  private final ModelSource source;

  private StateSpace(ModelSource source) {
    this.source = source;
  }

  public static StateSpace of(Path model) {
    return new StateSpace(ModelSource.file(model));
  }

  public static StateSpace ofText(String name, String text) {
    return new StateSpace(ModelSource.text(name, text));
  }

  public StateSpace config(String name) {
    return new StateSpace(source.withConfig(name));
  }

  public StateSpace constant(String constant, String value) {
    return new StateSpace(source.withConstant(constant, value));
  }

  public StateSpace constants(Map<String, String> values) {
    return new StateSpace(source.withConstants(values));
  }

  /**
   * Reads and compiles the model (again: after an edit, open again). Bad text is an
   * {@link InvalidInputException}, an unreadable file an {@link java.io.UncheckedIOException}.
   */
  public StateWalk open() {
    return new StateWalk(source.load());
  }
}
