package poolcheck.result;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import poolcheck.language.Position;
import poolcheck.system.Counts;
import poolcheck.system.Site;
import poolcheck.system.Transition;
import poolcheck.system.TransitionSystem;

/**
 * What a run exercised: per step (process and label, all instances together, and per instance)
 * how often it was enabled and taken, per check how often it was evaluated and held, and the
 * warnings that follow: unreached steps and vacuous checks. {@code reduced} says the counts are
 * over the symmetry-reduced graph (one state per orbit).
 */
public record Coverage(boolean reduced, ImmutableList<Step> steps, ImmutableList<Check> checks,
    ImmutableList<Warning> warnings) {

  /**
   * One step of a process: counts summed over its instances, then each instance's.
   * {@code atomicReason}: why an {@code atomic "..."} step may group more than one unguarded
   * access (the kernel atomic it stands for), or null for a step under the rule.
   */
  public record Step(String process, String label, Position position, long enabled, long taken,
      ImmutableList<Instance> instances, String atomicReason) {
    public String name() {
      return process + "." + label;
    }
  }

  /** The atomic steps with their reasons, {@code "napi.xa_release: xa_cmpxchg"}, in order. */
  public ImmutableList<String> atomicEscapes() {
    return steps.stream().filter(s -> s.atomicReason() != null)
        .map(s -> s.name() + ": " + s.atomicReason()).collect(ImmutableList.toImmutableList());
  }

  public record Instance(String instance, long enabled, long taken) {}

  /** An assert, invariant, implication, leads-to premise, final predicate or when statement. */
  public record Check(Site site, long evaluated, long held) {
    /** How the check is named in tables and JSON: {@code "invariant below_two"}. */
    public String describe() {
      String kind = switch (site.kind()) {
        case ASSERT -> "assert";
        case INVARIANT -> "invariant";
        case IMPLIES -> "implication";
        case LEADS_TO -> "leads-to";
        case FINAL -> "final";
        case WHEN -> "when";
      };
      return site.name() == null ? kind : kind + " " + site.name();
    }
  }

  /** A warning with the position it is about; {@code text} is the whole line. */
  public record Warning(String kind, Position position, String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  /**
   * The coverage of a run over {@code model} with these counts. {@code checked} names the
   * properties that were on (an assert switched off is not expected to be reached);
   * {@code endStatesChecked} says whether the final predicate was consulted (deadlock checked).
   */
  public static Coverage of(TransitionSystem model, Counts counts, Set<String> checked,
      boolean endStatesChecked) {
    Map<String, List<Transition>> byStep = new LinkedHashMap<>();
    for (Transition t : model.transitions()) {
      byStep.computeIfAbsent(process(t.instance()) + "." + t.label(), k -> new ArrayList<>())
          .add(t);
    }
    ImmutableList.Builder<Step> steps = ImmutableList.builder();
    List<Warning> warnings = new ArrayList<>();
    for (List<Transition> ts : byStep.values()) {
      long enabled = 0;
      long taken = 0;
      ImmutableList.Builder<Instance> instances = ImmutableList.builder();
      for (Transition t : ts) {
        enabled += counts.enabled(t.id());
        taken += counts.taken(t.id());
        instances.add(new Instance(t.instance(), counts.enabled(t.id()), counts.taken(t.id())));
      }
      Transition first = ts.get(0);
      Step step = new Step(process(first.instance()), first.label(), first.position(), enabled,
          taken, instances.build(), first.atomicReason());
      steps.add(step);
      if (taken == 0) {
        warnings.add(new Warning("unreached", step.position(), "unreached: " + step.name()
            + " (" + step.position() + ")"));
      }
    }
    Set<String> unreached = new java.util.HashSet<>();
    for (Warning w : warnings) unreached.add(w.text().split(" ")[1]);
    List<Warning> vacuous = new ArrayList<>();
    ImmutableList.Builder<Check> checks = ImmutableList.builder();
    for (Site site : model.sites()) {
      Check c = new Check(site, counts.evaluated(site.id()), counts.held(site.id()));
      checks.add(c);
      // Code only in unreached steps is never evaluated: the unreached lines already say so.
      boolean dead = !site.steps().isEmpty() && unreached.containsAll(site.steps());
      String w = dead && c.evaluated() == 0 ? null : warning(c, checked, endStatesChecked);
      if (w != null) {
        vacuous.add(new Warning(w.substring(0, w.indexOf(':')), site.position(),
            w + " (" + site.position() + ")"));
      }
    }
    vacuous.sort(BY_POSITION);
    warnings.addAll(vacuous);
    return new Coverage(model.reducesSymmetry(), steps.build(), checks.build(),
        ImmutableList.copyOf(warnings));
  }

  /** Source order: file, line, column. */
  private static final java.util.Comparator<Warning> BY_POSITION = java.util.Comparator
      .comparing((Warning w) -> w.position().file())
      .thenComparingInt(w -> w.position().line())
      .thenComparingInt(w -> w.position().column());

  private static String warning(Check c, Set<String> checked, boolean endStatesChecked) {
    Site s = c.site();
    long n = c.evaluated();
    return switch (s.kind()) {
      case ASSERT -> checked.contains(s.name()) && n == 0
          ? "never evaluated: assert " + s.name() : null;
      case INVARIANT -> null;
      case IMPLIES -> n > 0 && c.held() == 0
          ? "vacuous: premise of '=>' never true in " + times(n, "evaluation") : null;
      case LEADS_TO -> n > 0 && c.held() == 0
          ? "vacuous: premise of " + s.name() + " never true in " + times(n, "state") : null;
      case FINAL -> !endStatesChecked || c.held() > 0 ? null
          : n == 0 ? "vacuous: final never consulted, no state ends"
          : "vacuous: final never true in " + times(n, "end state");
      case WHEN -> c.held() > 0 ? null : n == 0 ? "vacuous: when never evaluated"
          : "vacuous: when never true in " + times(n, "evaluation");
    };
  }

  private static String times(long n, String what) {
    return String.format(Locale.ROOT, "%,d %s%s", n, what, n == 1 ? "" : "s");
  }

  /** The unreached steps by name ({@code reader.take_ref}), in text order. */
  public ImmutableList<String> unreached() {
    return steps.stream().filter(s -> s.taken() == 0).map(Step::name)
        .collect(ImmutableList.toImmutableList());
  }

  private static String process(String instance) {
    int bracket = instance.indexOf('[');
    return bracket < 0 ? instance : instance.substring(0, bracket);
  }
}
