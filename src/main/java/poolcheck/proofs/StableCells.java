package poolcheck.proofs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The "stable at" column of proofs/README.md and its section: a row's record against the same
 * row checked at one more page and one more consumer ({@link StableRecord}).
 */
final class StableCells {
  private StableCells() {}

  /**
   * The table cell: unchanged, the changes, or why nothing can be said yet; {@code structureNow}
   * is what the row explores today at the size {@code s} was run at.
   */
  static String cell(ProofRecord r, StableRecord s, String structureNow) {
    if (s == null) return "not run";
    if (!current(s, structureNow)) return "stale (the model changed since)";
    Comparison c = compare(r, s);
    String at = grown(s);
    if (c.changes.isEmpty() && c.undecided.isEmpty()) return "unchanged at " + at;
    List<String> parts = new ArrayList<>(c.changes);
    if (!c.undecided.isEmpty()) {
      parts.add(c.undecided.size() + " undecided (" + whyUndecided(s) + ")");
    }
    if (c.changes.isEmpty()) parts.add(0, "nothing changed");
    return at + ": " + String.join("; ", parts);
  }

  /**
   * What stopped the run, in a few words: an incomplete safety run leaves properties of every
   * kind open; after a complete one only liveness can be, stopped by the budget or by memory.
   */
  static String whyUndecided(StableRecord s) {
    if (!s.safety().complete()) {
      return cause(s.safety().stoppedBy()) + "; safety explored to depth " + s.safety().depth();
    }
    return "liveness: " + cause(s.livenessStoppedBy()) + "; safety holds over all states";
  }

  private static String cause(String stoppedBy) {
    return stoppedBy != null && stoppedBy.contains("out of memory") ? "out of memory" : "budget";
  }

  /** Whether the run was made on what the row explores today (edits elsewhere aside). */
  static boolean current(StableRecord s, String structureNow) {
    return s != null && s.structure() != null && s.structure().equals(structureNow);
  }

  /**
   * Per row the figures of the bigger run and, in full, what changed or is undecided;
   * {@code structuresNow} by row as for {@link #cell}.
   */
  static void section(List<ProofRecord> records, Map<String, StableRecord> stable,
      Map<String, String> structuresNow, StringBuilder out) {
    out.append("\n## Stable at one more page and one more consumer\n\n");
    out.append("`./poolcheck prove --stable [--design NAME] [--workers N] [--budget SECONDS]` "
        + "checks each row again with PAGES + 1 and CONSUMERS + 1 (the other constants as in "
        + "the row): the safety properties together in fingerprint mode, rerun after each "
        + "violation without the ones found (each property's shortest trace, as in the table), "
        + "then each liveness property; what the budget leaves undecided is listed. "
        + "`prove --stable --stale` reruns only the rows whose file is missing or stale; "
        + "`prove --stable --check` reruns them and compares; the slow test tier "
        + "(ProofsLedgerTest) reruns the complete ones measured at 30 s or less. `prove` and "
        + "`prove --check` keep these files and mark them stale when what the row explores at "
        + "that size changes: the structure digest of the model with its constants (and the "
        + "variables no reached step changes) in place, the branches they decide taken, the "
        + "steps nothing reaches dropped, positions and "
        + "comments left out (`poolcheck.proofs.ExploredStructure`), so an edit of the shared "
        + "model for a feature the design has switched off leaves the row current. "
        + "Seconds are wall time on a shared 2-core machine.\n\n");
    for (ProofRecord r : records) {
      String design = stem(r.file());
      StableRecord s = stable.get(design + "/" + r.configuration());
      out.append("- ").append(design).append(" ").append(r.configuration()).append(": ");
      if (s == null) {
        out.append("not run.\n");
        continue;
      }
      out.append(grown(s)).append(", ").append(String.format(Locale.ROOT, "%,d", s.safety()
          .distinct())).append(" states").append(s.safety().complete() ? " (all)"
          : " explored to depth " + s.safety().depth() + ", stopped: "
          + s.safety().stoppedBy()).append(", ").append(s.seconds()).append(" s on ")
          .append(s.workers()).append(s.workers() == 1 ? " worker" : " workers");
      Comparison c = compare(r, s);
      if (!current(s, structuresNow.get(design + "/" + r.configuration()))) {
        // still worth a line: a change of the model rarely changes these figures
        out.append("; stale: made on another structure of the model (against this record: ")
            .append(c.changes.size()).append(" changed, ").append(c.undecided.size())
            .append(" undecided).\n");
        continue;
      }
      if (c.changes.isEmpty() && c.undecided.isEmpty()) {
        out.append("; every verdict and trace length unchanged.\n");
        continue;
      }
      out.append(".\n");
      for (String change : c.changes) out.append("  - changed: ").append(change).append('\n');
      if (!c.undecided.isEmpty()) {
        out.append("  - undecided (").append(whyUndecided(s)).append("): ")
            .append(String.join(", ", c.undecided)).append('\n');
      }
      if (s.livenessStoppedBy() != null) {
        out.append("  - liveness stopped: ").append(s.livenessStoppedBy()).append('\n');
      }
    }
  }

  private record Comparison(List<String> changes, List<String> undecided) {}

  private static Comparison compare(ProofRecord r, StableRecord s) {
    List<String> changes = new ArrayList<>();
    List<String> undecided = new ArrayList<>();
    for (ProofRecord.PropertyOutcome p : r.properties()) {
      StableRecord.Outcome o = s.properties().stream().filter(x -> x.name().equals(p.name()))
          .findFirst().orElse(null);
      if (o == null) {
        undecided.add(p.name());
        continue;
      }
      if (o.verdict().equals("unknown")) {
        // a violation as short as the row's would have been found within the explored depth
        if (p.verdict().equals("violated") && o.checkedToDepth() != null
            && o.checkedToDepth() >= p.traceLength()) {
          changes.add(p.name() + " " + shown(p.verdict(), p.traceLength())
              + " → none up to depth " + o.checkedToDepth());
        } else {
          undecided.add(p.name());
        }
        continue;
      }
      if (!o.verdict().equals(p.verdict())
          || !java.util.Objects.equals(o.traceLength(), p.traceLength())) {
        changes.add(p.name() + " " + shown(p.verdict(), p.traceLength()) + " → "
            + shown(o.verdict(), o.traceLength()));
      }
    }
    return new Comparison(changes, undecided);
  }

  private static String shown(String verdict, Integer length) {
    return verdict.equals("violated") ? "violated (" + length + ")" : verdict;
  }

  private static String grown(StableRecord s) {
    List<String> out = new ArrayList<>();
    for (String c : Stability.GROWN) {
      if (s.constants().containsKey(c)) out.add(c + "=" + s.constants().get(c));
    }
    return String.join(", ", out);
  }

  private static String stem(String file) {
    String n = file.substring(file.lastIndexOf('/') + 1);
    return n.endsWith(".pool") ? n.substring(0, n.length() - 5) : n;
  }
}
