package poolcheck.trace;

import java.util.Locale;
import poolcheck.result.Coverage;

/** The whole coverage table for {@code --coverage}: steps, then checks. */
public final class CoverageTable {
  private CoverageTable() {}

  public static String render(Coverage c) {
    StringBuilder out = new StringBuilder();
    out.append("coverage").append(c.reduced() ? " (counted over the symmetry-reduced graph, one "
        + "state per orbit)" : "").append(":\n");
    out.append(String.format(Locale.ROOT, "  %-40s %14s %14s  %s%n", "step", "enabled", "taken",
        "source"));
    for (Coverage.Step s : c.steps()) {
      out.append(String.format(Locale.ROOT, "  %-40s %,14d %,14d  %s%s%n", s.name(), s.enabled(),
          s.taken(), s.position(), s.taken() == 0 ? "  UNREACHED" : ""));
      if (s.instances().size() > 1) {
        for (Coverage.Instance i : s.instances()) {
          out.append(String.format(Locale.ROOT, "    %-38s %,14d %,14d%n", i.instance(),
              i.enabled(), i.taken()));
        }
      }
    }
    if (!c.atomicEscapes().isEmpty()) {
      out.append("  atomic steps (more than one unguarded access, by the reason given):\n");
      c.atomicEscapes().forEach(e -> out.append("    ").append(e).append('\n'));
    }
    if (!c.checks().isEmpty()) {
      out.append(String.format(Locale.ROOT, "  %-40s %14s %14s  %s%n", "check", "evaluated",
          "held", "source"));
      for (Coverage.Check k : c.checks()) {
        out.append(String.format(Locale.ROOT, "  %-40s %,14d %,14d  %s%n", k.describe(),
            k.evaluated(), k.held(), k.site().position()));
      }
    }
    return out.toString();
  }
}
