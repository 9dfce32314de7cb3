package poolcheck.trace;

import poolcheck.system.Property;

/** One line naming what went wrong at the end of a trace, shared by the graphical exporters. */
public final class ViolationText {
  private ViolationText() {}

  public static String of(Property p) {
    return switch (p.kind()) {
      case INVARIANT -> "invariant " + p.name() + " is violated";
      case ASSERTION -> "assertion " + p.name() + " fails";
      case DEADLOCK -> "deadlock: no step is enabled and the state is not final";
      case RUNTIME -> "runtime error: " + p.name().replace('_', ' ');
      case LIVENESS -> "liveness " + p.name() + " fails: the run loops for ever without it";
    };
  }
}
