package poolcheck.export;

import static poolcheck.language.ErrorCode.NOT_EXPORTABLE;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import poolcheck.check.Action;
import poolcheck.export.StepPaths.Cond;
import poolcheck.export.StepPaths.Leaf;
import poolcheck.export.StepPaths.Node;
import poolcheck.language.Diagnostic;
import poolcheck.language.Position;

/**
 * Which liveness properties the Promela export can write so that SPIN checks what poolcheck
 * checks. SPIN's {@code pan -a -f} makes every process weakly fair, a process enabled when one
 * of its d_steps can start and taken when one runs. That is poolcheck's weak fairness per
 * instance, and an instance with no fairness gets a stutter option that satisfies SPIN's
 * without moving; a weakly fair instance's way back to its own label runs, where it changes
 * nothing, in a process of its own (poolcheck counts it as no step). SPIN has no strong
 * fairness: a model with it keeps its safety properties and loses its liveness properties, each
 * listed in {@link Decision#dropped}.
 */
final class PromelaLiveness {
  private PromelaLiveness() {}

  /** The properties written as ltl, the processes that are weakly fair, and what is left out. */
  record Decision(List<Temporal.LeadsTo> exported, Set<String> fairProcesses,
      List<String> dropped) {
    boolean fair(ExportWalk.Instance i) {
      return fairProcesses.contains(i.process().name());
    }
  }

  static Decision decide(ModelShape shape, Checked checked, Temporal temporal,
      boolean stepStates) {
    List<Temporal.LeadsTo> wanted = temporal.checked(checked);
    Set<String> fair = new TreeSet<>();
    List<String> reasons = new ArrayList<>();
    for (ModelShape.Process p : shape.processes()) {
      Temporal.Fair f = temporal.of(p.name());
      if (f == null) continue;
      fair.add(p.name());
      if (f.strong()) {
        reasons.add(warning(f.pos(), "promela: strong fairness of '" + p.name() + "' has no "
            + "SPIN equivalent (pan -f is weak fairness)"));
        continue;
      }
    }
    if (stepStates) {
      reasons.add(warning(new Position(shape.source(), 1, 1), "promela: --spin-coverage "
          + "leaves out the liveness properties (its extra SPIN states are for coverage only)"));
    }
    if (wanted.isEmpty()) return new Decision(List.of(), fair, List.of());
    if (reasons.isEmpty()) return new Decision(wanted, fair, List.of());
    List<String> dropped = new ArrayList<>(reasons);
    for (Temporal.LeadsTo p : wanted) {
      dropped.add(warning(p.pos(), "promela: liveness property '" + p.name()
          + "' not exported (see the reasons above); the TLA+ export keeps it"));
    }
    return new Decision(List.of(), fair, List.copyOf(dropped));
  }

  /** The variable holding property p's premise in the current state. */
  static String premise(Temporal.LeadsTo p) {
    return "lp_" + p.name();
  }

  /** The variable holding property p's goal in the current state. */
  static String goal(Temporal.LeadsTo p) {
    return "lq_" + p.name();
  }

  /** Whether this way through can jump back to program counter {@code pc}. */
  static boolean jumpsTo(List<Node> nodes, int pc) {
    for (Node n : nodes) {
      if (n instanceof Cond c && (jumpsTo(c.then(), pc) || jumpsTo(c.otherwise(), pc))) {
        return true;
      }
      if (n instanceof Leaf l && l.action() instanceof Action.Goto g && g.pc() == pc) return true;
    }
    return false;
  }

  private static String warning(Position pos, String message) {
    return new Diagnostic(NOT_EXPORTABLE, pos, message).renderWarning();
  }
}
