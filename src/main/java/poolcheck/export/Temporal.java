package poolcheck.export;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import poolcheck.check.CheckedModel;
import poolcheck.language.Expr;
import poolcheck.language.Position;

/**
 * The model's liveness properties and fairness as the exports read them, from the checked
 * model's spec (the compiled model keeps them only as code): each property in leads-to form with
 * its position, and each process's fairness as the checker resolves it (strong wins over weak).
 */
public record Temporal(ImmutableList<LeadsTo> properties, ImmutableMap<String, Fair> fairness) {
  /** {@code p ~> q}; p is null for "eventually q" (from the initial states) and "always eventually q". */
  public record LeadsTo(String name, CheckedModel.LivenessKind kind, Expr p, Expr q, Position pos) {}

  /** Every instance of a process is weakly or strongly fair; {@code pos} names the declaration. */
  public record Fair(boolean strong, Position pos) {}

  public static final Temporal NONE = new Temporal(ImmutableList.of(), ImmutableMap.of());

  public static Temporal of(CheckedModel model) {
    ImmutableList<LeadsTo> properties = model.liveness().stream()
        .map(l -> new LeadsTo(l.name(), l.kind(), l.p(), l.q(), l.pos()))
        .collect(ImmutableList.toImmutableList());
    Map<String, Fair> fairness = new LinkedHashMap<>();
    for (CheckedModel.Fairness f : model.fairness()) {
      for (int k = 0; k < f.processes().size(); k++) {
        Fair fair = new Fair(f.strong(), f.positions().get(k));
        fairness.merge(f.processes().get(k), fair, (a, b) -> a.strong() ? a : b);
      }
    }
    return new Temporal(properties, ImmutableMap.copyOf(fairness));
  }

  /** The exported ones: those {@code checked} covers. */
  List<LeadsTo> checked(Checked checked) {
    return properties.stream().filter(p -> checked.covers(p.name())).toList();
  }

  /** A process's fairness, null when it has none. */
  Fair of(String process) {
    return fairness.get(process);
  }
}
