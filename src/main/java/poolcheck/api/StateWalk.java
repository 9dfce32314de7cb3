package poolcheck.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import poolcheck.system.Property;
import poolcheck.system.PropertySelection;
import poolcheck.system.StateView;
import poolcheck.system.Stepper;
import poolcheck.system.SuccessorSink;
import poolcheck.system.Transition;
import poolcheck.system.TransitionSystem;
import poolcheck.system.Value;
import poolcheck.trace.Lifelines;

/**
 * A loaded model's state space, walked by paths of choices. Holds no position: a state is named
 * by the path that leads to it and re-executed from the initial state on every call, so one
 * walk serves any number of callers and threads, and a path is a link that stays valid as long
 * as the model does. Every property is checked on the way unless the walk was narrowed to the
 * properties a trace's search checked ({@link #checking}); the model's unreduced runs: a state
 * here is one the kernel could be in, not a representative of a symmetry class.
 */
public final class StateWalk {
  /** Longer paths are refused rather than re-executed. */
  static final int MAX_PATH = 100_000;

  private final ModelSource.Loaded loaded;
  private final TransitionSystem model;
  private final PropertySelection all;
  private final boolean narrowed;

  StateWalk(ModelSource.Loaded loaded) {
    this(loaded, loaded.compiled().withSymmetry(false), null);
  }

  private StateWalk(ModelSource.Loaded loaded, TransitionSystem model,
      PropertySelection selection) {
    this.loaded = loaded;
    this.model = model;
    this.narrowed = selection != null;
    this.all = selection != null ? selection : PropertySelection.all(model);
  }

  /**
   * The same walk checking only the named properties (and the runtime errors, which are always
   * checked): a trace found by a search that checked fewer than all goes on past a step that
   * breaks one it did not check, as it did in that search. An unknown name is an
   * {@link InvalidInputException} listing the model's properties.
   */
  public StateWalk checking(Collection<String> names) {
    List<String> unknown = names.stream().filter(n -> model.property(n).isEmpty()).toList();
    if (!unknown.isEmpty()) {
      throw new InvalidInputException("model " + model.name() + " has no propert"
          + (unknown.size() == 1 ? "y " : "ies ") + String.join(", ", unknown)
          + "; it has " + model.properties().stream()
              .filter(p -> p.kind() != Property.Kind.RUNTIME).map(Property::name)
              .collect(Collectors.joining(", ")), null);
    }
    return new StateWalk(loaded, model, PropertySelection.of(model, names, true));
  }

  /** The properties this walk checks, or null when it checks every one. */
  public List<String> checked() {
    return narrowed ? all.names() : null;
  }

  public ModelInfo model() {
    return loaded.info();
  }

  /** The configuration the model was loaded at, or null. */
  public String configuration() {
    return model.configuration();
  }

  /** The process instances, one lifeline each, in declaration order. */
  public List<String> instances() {
    return Lifelines.of(model.view(new int[model.layout().slots()]));
  }

  /** The names of the invariants, in declaration order. */
  public List<String> invariants() {
    return model.properties().stream().filter(p -> p.kind() == Property.Kind.INVARIANT)
        .map(Property::name).toList();
  }

  /** The initial states, one choice each: path {@code [k]} is the k-th. */
  public List<StepChoice> initialStates() {
    return choices(null, initial(model.stepper(all)));
  }

  /** The state {@code path} leads to, or a {@link NoSuchStateException} saying why none. */
  public ExploredState state(List<Integer> path) {
    if (path.isEmpty()) {
      throw new NoSuchStateException("an empty path: a path starts with the number of an "
          + "initial state (0 to " + (initialStates().size() - 1) + ")");
    }
    if (path.size() > MAX_PATH) {
      throw new NoSuchStateException("a path of " + path.size() + " choices, more than the "
          + MAX_PATH + " a walk follows");
    }
    Stepper stepper = model.stepper(all);
    List<StepChoice> taken = new ArrayList<>();
    List<Emission> here = initial(stepper);
    int[] before = null;
    Emission at = null;
    for (int k = 0; k < path.size(); k++) {
      int choice = path.get(k);
      if (at != null && at.property >= 0) {
        throw new NoSuchStateException("no state at " + text(path.subList(0, k + 1)) + ": at "
            + text(path.subList(0, k)) + " " + name(at.property) + " breaks, and no step leads on");
      }
      if (choice < 0 || choice >= here.size()) {
        throw new NoSuchStateException("no state at " + text(path.subList(0, k + 1)) + ": "
            + (k == 0 ? "the model has " + count(here.size(), "initial state")
                : "the state at " + text(path.subList(0, k)) + " has "
                    + count(here.size(), "choice"))
            + (here.isEmpty() ? "" : " (0 to " + (here.size() - 1) + ")"));
      }
      before = at == null ? null : at.state;
      at = here.get(choice);
      taken.add(choice(choice, before, at));
      here = at.property >= 0 ? List.of() : successors(stepper, at.state);
    }
    StateView now = model.view(at.state);
    StateView was = before == null ? null : model.view(before);
    List<VariableValue> variables = new ArrayList<>();
    now.values().forEach((name, value) -> {
      Value old = was == null ? null : was.get(name);
      boolean changed = old != null && !old.equals(value);
      variables.add(new VariableValue(name, value.toString(), changed,
          changed ? old.toString() : null));
    });
    boolean broke = at.property >= 0;
    boolean stuck = !broke && here.isEmpty();
    boolean terminal = stuck && stepper.isFinal(at.state);
    return new ExploredState(path, taken, variables, choices(at.state, here),
        invariants(at.state), broke ? name(at.property) : null, stuck && !terminal, terminal);
  }

  /**
   * A recorded trace (a JSON result or trace, or an ITF trace) as a path through this walk;
   * {@link InvalidInputException} when the file is not a trace ({@code file:line:column: error
   * PC3nn}) or is not a run of this model (naming the first step that is not, and the constants
   * that differ from those it was recorded with).
   */
  public TracePath trace(java.nio.file.Path file) {
    return TraceWalk.of(model, file, file.toString(), loaded.info().constants());
  }

  /** The same, for a trace's text read elsewhere (an upload), named {@code name} in messages. */
  public TracePath trace(String name, String text) {
    return TraceWalk.ofText(model, name, text, loaded.info().constants());
  }

  // ---- re-execution -------------------------------------------------------------------------

  /** What a step (or init) emitted: a state, or the property it broke (then state is where). */
  record Emission(int[] state, int transition, int property) {}

  static List<Emission> initial(Stepper stepper) {
    Collector c = new Collector();
    stepper.initialStates(c);
    return c.out;
  }

  static List<Emission> successors(Stepper stepper, int[] s) {
    Collector c = new Collector();
    stepper.successors(s, c);
    return c.out;
  }

  private static final class Collector implements SuccessorSink {
    final List<Emission> out = new ArrayList<>();

    @Override
    public void successor(int[] next, int transition) {
      out.add(new Emission(next, transition, -1));
    }

    @Override
    public void violation(int property, int[] at, int transition) {
      out.add(new Emission(at, transition, property));
    }
  }

  // ---- the API's values ---------------------------------------------------------------------

  private List<StepChoice> choices(int[] from, List<Emission> emissions) {
    List<StepChoice> out = new ArrayList<>();
    for (int i = 0; i < emissions.size(); i++) out.add(choice(i, from, emissions.get(i)));
    return out;
  }

  private StepChoice choice(int index, int[] from, Emission e) {
    String violates = e.property >= 0 ? name(e.property) : null;
    String failure = e.property >= 0 ? model.failure(e.property, from, e.transition, e.state, all)
        .orElse(null) : null;
    if (e.transition < 0) return new StepChoice(index, null, null, null, null, violates, failure);
    Transition t = model.transitions().get(e.transition);
    return new StepChoice(index, t.instance(), t.label(), t.function(), t.position().toString(),
        violates, failure);
  }

  private List<InvariantStatus> invariants(int[] s) {
    List<InvariantStatus> out = new ArrayList<>();
    for (Property p : model.properties()) {
      if (p.kind() != Property.Kind.INVARIANT) continue;
      boolean[] only = new boolean[model.properties().size()];
      only[p.id()] = true;
      int broken = model.stepper(PropertySelection.ofMask(model.properties(), only))
          .violatedInvariant(s);
      String failure = broken < 0 ? null : broken == p.id()
          // before == at and no transition: only the invariants are evaluated again
          ? model.failure(broken, s, -1, s, all).orElse("false in this state")
          : "its evaluation raises " + name(broken);
      out.add(new InvariantStatus(p.name(), p.where(), broken < 0, failure));
    }
    return out;
  }

  private String name(int property) {
    Property p = model.properties().get(property);
    return p.name();
  }

  static String kind(Property p) {
    return p.kind().name().toLowerCase(Locale.ROOT);
  }

  /** A path as links and messages write it: choice numbers joined by dots. */
  static String text(List<Integer> path) {
    return path.isEmpty() ? "the start" : path.stream().map(String::valueOf)
        .collect(Collectors.joining("."));
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }
}
