package poolcheck.compile;

import poolcheck.check.Limits;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import poolcheck.check.CheckedModel;
import poolcheck.check.CheckedStep;
import poolcheck.check.Type;
import poolcheck.language.Diagnostic;
import poolcheck.system.Liveness;
import poolcheck.system.PropertySelection;
import poolcheck.system.Stepper;
import poolcheck.system.TransitionSystem;
import poolcheck.system.Counts;
import poolcheck.system.Property;
import poolcheck.system.Site;
import poolcheck.system.StateLayout;
import poolcheck.system.StateView;
import poolcheck.system.SuccessorSink;
import poolcheck.system.Transition;
import poolcheck.system.Value;

/**
 * A checked model ready to explore: the state layout, the initial states, each instance's steps
 * indexed by program counter, the properties and their checks. Immutable and shared by all
 * workers; each worker brings its own {@link Frame}, inside the {@link Stepper} it asks for.
 */
public final class CompiledModel implements TransitionSystem {
  private final String name;
  private final String source;
  private final StateLayout layout;
  private final ImmutableList<Property> properties;
  private final ImmutableList<Transition> transitions;
  private final ImmutableMap<String, Integer> constants;
  private final int envSize;
  private final Instr init;
  private final int[] defaultState;
  private final int[] pcSlot;
  /** steps[instance][pc]: the entry of the step at that label. */
  private final Instr[][] steps;
  private final int[][] transitionIds;
  /** By transition: the slots its step may write (see {@link WrittenSlots}), null if any. */
  private final int[][] written;
  private final int[] invariantIds;
  private final Code[] invariants;
  /** Per invariant, what it reads, for the message when it fails; entries may be null. */
  private final FailureText.Reads[] invariantReads;
  private final int[] invariantSites;
  private final Code finalPredicate;
  /**
   * Every {@code assume} together (TLC's CONSTRAINT), or null: a state where it is false is
   * stored, counted and checked, but has no successors and is no deadlock.
   */
  private final Code assumption;
  private final int finalSite;
  private final ImmutableList<Site> sites;
  private final CheckedModel checked;
  private final ImmutableList<LivenessCheck> liveness;
  private final int[] fairness;
  private final ImmutableList<String> configurations;
  private final String configuration;
  /** Null without scalarsets; {@code reduce} says whether successors come out canonical. */
  private final Symmetry symmetry;
  private final boolean reduce;
  /** Load-time warnings (a scalarset too large to reduce), rendered by the caller. */
  private final ImmutableList<Diagnostic> warnings;
  /**
   * The steps and invariants as bytecode, written when a frame first runs a step or an
   * invariant ({@link StepBytecode#NONE}: the linked instructions run them). Each frame keeps
   * the class (or null) once asked, so the hot loop reads a field of its frame.
   */
  private final StepBytecode bytecode;

  private CompiledModel(Builder b, StateLayout layout, CheckedModel checked,
      ImmutableList<Property> properties, int envSize, Map<String, Integer> constants,
      ImmutableList<String> configurations, String configuration) {
    this.configurations = configurations;
    this.configuration = configuration;
    this.name = b.name;
    this.source = b.source;
    this.layout = layout;
    this.checked = checked;
    this.properties = properties;
    this.envSize = Math.max(1, envSize);
    this.constants = ImmutableMap.copyOf(constants);
    this.init = b.init;
    this.transitions = ImmutableList.copyOf(b.transitions);
    int n = b.pcSlots.size();
    this.pcSlot = b.pcSlots.stream().mapToInt(Integer::intValue).toArray();
    this.steps = b.entries.toArray(new Instr[n][]);
    this.transitionIds = b.ids.toArray(new int[n][]);
    this.written = new int[transitions.size()][];
    for (int i = 0; i < n; i++) {
      for (int pc = 0; pc < steps[i].length; pc++) {
        written[transitionIds[i][pc]] = WrittenSlots.of(steps[i][pc]);
      }
    }
    this.invariantIds = b.invariantIds.stream().mapToInt(Integer::intValue).toArray();
    this.invariants = b.invariants.toArray(new Code[0]);
    this.invariantReads = new FailureText.Reads[invariants.length];
    for (int k = 0; k < invariants.length; k++) {
      invariantReads[k] = b.invariantReads.getOrDefault(invariantIds[k], null);
    }
    this.invariantSites = b.invariantSites.stream().mapToInt(Integer::intValue).toArray();
    this.finalPredicate = b.finalPredicate;
    this.assumption = b.assumption;
    this.finalSite = b.finalSite;
    this.sites = ImmutableList.copyOf(b.sites);
    this.liveness = ImmutableList.copyOf(b.liveness);
    this.fairness = new int[n];
    for (int i = 0; i < n; i++) {
      fairness[i] = b.fairness.getOrDefault(b.instanceProcess.get(i), 0);
    }
    List<Diagnostic> found = new ArrayList<>();
    this.symmetry = Symmetry.of(checked, Limits.current().symmetryImages(), found);
    this.warnings = ImmutableList.copyOf(found);
    this.reduce = symmetry != null;
    this.defaultState = new int[layout.slots()];
    for (int i = 0; i < defaultState.length; i++) defaultState[i] = layout.lo(i);
    this.bytecode = StepClasses.wanted() ? new StepBytecode(() -> StepClasses.orLinked(name,
        () -> StepClasses.define(entriesByTransition(), withAssumption()), System.err))
        : StepBytecode.NONE;
  }

  /** The invariants, then the assumption (if any): the generated class evaluates both. */
  private Code[] withAssumption() {
    if (assumption == null) return invariants;
    Code[] all = java.util.Arrays.copyOf(invariants, invariants.length + 1);
    all[invariants.length] = assumption;
    return all;
  }

  /** The assumption's value in {@code s}, as bytecode when the steps run as bytecode. */
  private int assumed(Frame f, int[] s) {
    GeneratedSteps code = f.bytecode();
    return code != null ? code.invariant(invariants.length, f, s) : assumption.eval(f, s);
  }

  /** Each transition's first instruction, indexed by transition id. */
  private Instr[] entriesByTransition() {
    Instr[] entries = new Instr[transitions.size()];
    for (int i = 0; i < steps.length; i++) {
      for (int pc = 0; pc < steps[i].length; pc++) entries[transitionIds[i][pc]] = steps[i][pc];
    }
    return entries;
  }

  @Override
  public String name() {
    return name;
  }

  /** The file the model was read from, as given. */
  public String source() {
    return source;
  }

  @Override
  public StateLayout layout() {
    return layout;
  }

  @Override
  public ImmutableList<Property> properties() {
    return properties;
  }

  @Override
  public Optional<Property> property(String name) {
    return properties.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  @Override
  public ImmutableList<Transition> transitions() {
    return transitions;
  }

  /** The constants' values in force, overrides applied. */
  @Override
  public ImmutableMap<String, Integer> constants() {
    return constants;
  }

  /** The same model with symmetry reduction switched on or off (on by default with scalarsets). */
  @Override
  public CompiledModel withSymmetry(boolean on) {
    return on == reduce || symmetry == null && on ? this : new CompiledModel(this, on, bytecode);
  }

  /** Whether steps and invariants run as generated bytecode rather than linked instructions. */
  public boolean runsBytecode() {
    return bytecode.get() != null;
  }

  /** Whether this model's step class has been written (not when it runs linked instructions). */
  boolean bytecodeGenerated() {
    return bytecode.generated();
  }

  /**
   * The same model running its steps as generated bytecode ({@code on}, where it was generated)
   * or as its linked instructions: {@code --no-bytecode}.
   */
  public CompiledModel withBytecode(boolean on) {
    return on || bytecode == StepBytecode.NONE ? this : withLinkedInstructions();
  }

  /** The same model running its linked instructions, for the tests that hold one to the other. */
  CompiledModel withLinkedInstructions() {
    return new CompiledModel(this, reduce, StepBytecode.NONE);
  }

  private CompiledModel(CompiledModel o, boolean reduce, StepBytecode bytecode) {
    this.bytecode = bytecode;
    this.name = o.name;
    this.source = o.source;
    this.layout = o.layout;
    this.properties = o.properties;
    this.transitions = o.transitions;
    this.constants = o.constants;
    this.envSize = o.envSize;
    this.init = o.init;
    this.defaultState = o.defaultState;
    this.pcSlot = o.pcSlot;
    this.steps = o.steps;
    this.transitionIds = o.transitionIds;
    this.written = o.written;
    this.invariantIds = o.invariantIds;
    this.invariants = o.invariants;
    this.invariantReads = o.invariantReads;
    this.invariantSites = o.invariantSites;
    this.finalPredicate = o.finalPredicate;
    this.assumption = o.assumption;
    this.finalSite = o.finalSite;
    this.sites = o.sites;
    this.checked = o.checked;
    this.liveness = o.liveness;
    this.fairness = o.fairness;
    this.configurations = o.configurations;
    this.configuration = o.configuration;
    this.symmetry = o.symmetry;
    this.warnings = o.warnings;
    this.reduce = reduce;
  }

  /** What the model's author should know that does not stop the check. */
  public ImmutableList<Diagnostic> warnings() {
    return warnings;
  }

  /** Whether successors and initial states come out in canonical form (one per orbit). */
  @Override
  public boolean reducesSymmetry() {
    return reduce;
  }

  /** The model's symmetry, null without scalarsets (for the tests of its search). */
  Symmetry symmetry() {
    return symmetry;
  }

  /** The canonical form of a state: itself when the model has no scalarset. */
  @Override
  public int[] canonical(int[] s) {
    return symmetry == null ? s : symmetry.canonical(s);
  }

  /** A leads-to property compiled: p null means "initial state" (EVENTUALLY) or true. */
  record LivenessCheck(Property property, CheckedModel.LivenessKind kind, Code p, Code q, int site) {}

  /** The places whose evaluations coverage counts, indexed by {@link Site#id()}. */
  @Override
  public ImmutableList<Site> sites() {
    return sites;
  }

  public int livenessCount() {
    return liveness.size();
  }

  public Property livenessProperty(int k) {
    return liveness.get(k).property();
  }

  /** Whether property k is "eventually q", whose premise is being an initial state. */
  public boolean livenessFromInitialStates(int k) {
    return liveness.get(k).kind() == CheckedModel.LivenessKind.EVENTUALLY;
  }

  /** The premise of leads-to property k in state s (true for always-eventually). */
  public boolean livenessPremise(int k, int[] s, Frame f) {
    LivenessCheck c = liveness.get(k);
    if (c.p() == null) return true;
    boolean premise = holds(c.p(), s, f);
    f.evaluated[c.site()]++;
    if (premise) f.held[c.site()]++;
    return premise;
  }

  /** The awaited condition of liveness property k in state s. */
  public boolean livenessGoal(int k, int[] s, Frame f) {
    return holds(liveness.get(k).q(), s, f);
  }

  private static boolean holds(Code c, int[] s, Frame f) {
    try {
      return c.eval(f, s) != 0;
    } catch (Violation v) {
      return false;
    }
  }

  /** 0 no fairness, 1 weak, 2 strong, for process instance i (the index in transitions). */
  public int fairness(int instance) {
    return fairness[instance];
  }

  /** The names of the model's documented configurations, in text order. */
  public ImmutableList<String> configurations() {
    return configurations;
  }

  /** The configuration this model was compiled at, or null for the defaults. */
  @Override
  public String configuration() {
    return configuration;
  }

  @Override
  public int instances() {
    return pcSlot.length;
  }

  /** A worker's scratch space; {@code checked[id]} says whether assertion {@code id} is on. */
  public Frame newFrame(boolean[] checked) {
    Frame f = new Frame(envSize, checked.clone(), transitions.size(), sites.size());
    f.stepBytecode = bytecode;
    return f;
  }

  public boolean[] allChecked() {
    boolean[] all = new boolean[properties.size()];
    java.util.Arrays.fill(all, true);
    return all;
  }

  /** Produces every initial state (transition -1); a violation here has an empty trace. */
  public void initialStates(Frame f, SuccessorSink sink) {
    f.sink = reduce ? f.canonicalising(sink, symmetry) : sink;
    f.transition = -1;
    try {
      init.run(f, defaultState.clone());
    } catch (Violation v) {
      sink.violation(v.property, v.state, -1);
    }
  }

  /**
   * Runs every enabled step of every instance from {@code s}. This is the explorer's hot loop: one
   * array lookup per instance finds the only step its program counter allows.
   */
  public void successors(int[] s, Frame f, SuccessorSink sink) {
    if (outsideAssumption(s, f, sink)) return;
    f.sink = reduce ? f.canonicalising(sink, symmetry) : sink;
    GeneratedSteps code = f.bytecode();
    f.lendTo(sink);
    for (int i = 0; i < pcSlot.length; i++) {
      int pc = s[pcSlot[i]];
      Instr[] mine = steps[i];
      if (pc >= mine.length) continue;
      int t = transitionIds[i][pc];
      f.transition = t;
      int before = f.emitted;
      try {
        if (code != null) {
          code.run(t, f, s);
        } else {
          Instr.runFrom(mine[pc], f, s);
        }
      } catch (Violation v) {
        f.lendTo(sink);
        f.taken[t] += f.emitted - before;
        f.enabled[t]++;
        sink.violation(v.property, v.state, t);
        continue;
      }
      int n = f.emitted - before;
      if (n != 0) {
        f.taken[t] += n;
        f.enabled[t]++;
      }
    }
  }

  /** Runs one transition only: replay and trace reconstruction use this. */
  public void successors(int[] s, int transition, Frame f, SuccessorSink sink) {
    Transition t = transitions.get(transition);
    int i = t.instanceIndex();
    int pc = s[pcSlot[i]];
    if (pc >= steps[i].length || transitionIds[i][pc] != transition) return;
    if (outsideAssumption(s, f, sink)) return;
    f.sink = reduce ? f.canonicalising(sink, symmetry) : sink;
    f.transition = transition;
    f.lendTo(sink);
    try {
      GeneratedSteps code = f.bytecode();
      if (code != null) {
        code.run(transition, f, s);
      } else {
        Instr.runFrom(steps[i][pc], f, s);
      }
    } catch (Violation v) {
      sink.violation(v.property, v.state, transition);
    }
  }

  /** The first checked invariant that fails, or a runtime property its evaluation broke; -1. */
  public int violatedInvariant(int[] s, Frame f) {
    GeneratedSteps code = f.bytecode();
    for (int k = 0; k < invariants.length; k++) {
      int id = invariantIds[k];
      if (!f.checked[id]) continue;
      f.evaluated[invariantSites[k]]++;
      try {
        if ((code != null ? code.invariant(k, f, s) : invariants[k].eval(f, s)) == 0) {
          return id;
        }
        f.held[invariantSites[k]]++;
      } catch (Violation v) {
        return v.property;
      }
    }
    if (assumption != null) {
      try {
        assumed(f, s);
      } catch (Violation v) {
        return v.property;
      }
    }
    return -1;
  }

  /**
   * What failed, in words, when {@code property} broke at state {@code at}: the step
   * {@code transition} (-1: init) is run again from {@code before} (null: from nothing) with
   * the assertions {@code checked} on (those of the search that found the trace: an unchecked
   * assert does not evaluate its condition, so a runtime error in it would not happen), and its
   * failing check explains itself; failing that, the invariants are evaluated in {@code at}.
   * Empty when nothing matches, so a message is never one of another failure. Off the hot path:
   * runs once per reported trace.
   */
  public Optional<String> failure(int property, int[] before, int transition, int[] at,
      boolean[] checked) {
    Frame f = newFrame(checked);
    f.sink = new SuccessorSink() {
      @Override
      public void successor(int[] next, int t) { }

      @Override
      public void violation(int p, int[] state, int t) { }
    };
    f.transition = transition;
    try {
      if (transition < 0 && before == null) {
        init.run(f, defaultState.clone());
      } else if (transition >= 0 && before != null) {
        int i = transitions.get(transition).instanceIndex();
        int pc = before[pcSlot[i]];
        if (pc < steps[i].length && transitionIds[i][pc] == transition) {
          steps[i][pc].run(f, before.clone());
        }
      }
    } catch (Violation v) {
      if (v.property == property && java.util.Arrays.equals(v.state, at)) {
        return Optional.ofNullable(v.detail);
      }
    }
    for (int k = 0; k < invariants.length; k++) {
      try {
        if (invariants[k].eval(f, at) == 0 && invariantIds[k] == property) {
          return Optional.ofNullable(invariantReads[k]).map(r -> r.explain(f, at));
        }
      } catch (Violation v) {
        if (v.property == property) return Optional.ofNullable(v.detail);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code s} breaks an {@code assume}, so that nothing is explored from it. An
   * assumption that cannot be evaluated (an index out of range) is reported where the state is
   * checked, by {@link #violatedInvariant}, as an invariant that cannot be is.
   */
  private boolean outsideAssumption(int[] s, Frame f, SuccessorSink sink) {
    if (assumption == null) return false;
    try {
      return assumed(f, s) == 0;
    } catch (Violation v) {
      return true;
    }
  }

  /** Whether a model declares {@code assume}. */
  public boolean assumes() {
    return assumption != null;
  }

  /** Whether a state with no enabled step is a legitimate end rather than a deadlock. */
  public boolean isFinal(int[] s, Frame f) {
    if (assumption != null) {
      try {
        if (assumed(f, s) == 0) return true; // outside the constraint: not explored
      } catch (Violation v) {
        return true; // reported as the violation it is by successors
      }
    }
    if (finalPredicate != null) {
      f.evaluated[finalSite]++;
      try {
        boolean end = finalPredicate.eval(f, s) != 0;
        if (end) f.held[finalSite]++;
        return end;
      } catch (Violation v) {
        return false;
      }
    }
    for (int i = 0; i < pcSlot.length; i++) {
      if (s[pcSlot[i]] < steps[i].length) return false;
    }
    return true;
  }

  /** The checked model this was compiled from: its names, types, slots and property ids. */
  public CheckedModel checked() {
    return checked;
  }

  /** The state by name, for traces and exporters. */
  @Override
  public StateView view(int[] s) {
    ImmutableMap.Builder<String, Value> out = ImmutableMap.builder();
    for (CheckedModel.Variable v : checked.globals().values()) {
      out.put(v.name(), value(v.type(), v.base(), s));
    }
    int instance = 0;
    for (CheckedModel.Process p : checked.processes().values()) {
      for (int i = 0; i < p.instances(); i++) {
        String inst = p.instanceName(i);
        int pc = s[p.pcBase() + i];
        String label = pc >= p.doneLabel() ? "done" : p.checkedSteps().get(pc).label();
        out.put(inst + ".pc", new Value.Label(label));
        for (Map.Entry<String, Integer> local : p.localSlots().get(i).entrySet()) {
          out.put(inst + "." + local.getKey(),
              value(p.localTypes().get(local.getKey()), local.getValue(), s));
        }
        instance++;
      }
    }
    return new StateView(out.build());
  }

  /** The inverse of {@link #view}: a state from named values, for replaying traces. */
  @Override
  public int[] state(StateView view) {
    int[] s = defaultState.clone();
    for (CheckedModel.Variable v : checked.globals().values()) {
      write(v.type(), v.base(), view.get(v.name()), s, v.name());
    }
    for (CheckedModel.Process p : checked.processes().values()) {
      for (int i = 0; i < p.instances(); i++) {
        String inst = p.instanceName(i);
        Value pc = view.get(inst + ".pc");
        String label = pc instanceof Value.Label l ? l.name()
            : pc instanceof Value.Enum e ? e.name() : null;
        if (label == null) throw new IllegalArgumentException("no program counter for " + inst);
        s[p.pcBase() + i] = label.equals("done") ? p.doneLabel() : labelIndex(p, label);
        for (Map.Entry<String, Integer> local : p.localSlots().get(i).entrySet()) {
          write(p.localTypes().get(local.getKey()), local.getValue(),
              view.get(inst + "." + local.getKey()), s, inst + "." + local.getKey());
        }
      }
    }
    return s;
  }

  private static int labelIndex(CheckedModel.Process p, String label) {
    Integer i = p.labels().get(label);
    if (i == null) throw new IllegalArgumentException("no label '" + label + "' in " + p.name());
    return i;
  }

  private static Value value(Type type, int base, int[] s) {
    if (type instanceof Type.Scalar sc) {
      return scalar(sc, s[base]);
    } else if (type instanceof Type.Array a && a.second() != null) {
      // a two-dimensional array is shown as an array of its rows: owner = [[0, 1], [1, 0]]
      ImmutableList.Builder<Value> keys = ImmutableList.builder();
      ImmutableList.Builder<Value> rows = ImmutableList.builder();
      Type.Array row = new Type.Array(a.element(), a.second());
      for (int i = 0; i < a.index().size(); i++) {
        keys.add(scalar(a.index(), a.index().lo() + i));
        rows.add(value(row, base + i * a.columns(), s));
      }
      return new Value.Array(keys.build(), rows.build());
    } else if (type instanceof Type.Array a) {
      ImmutableList.Builder<Value> keys = ImmutableList.builder();
      ImmutableList.Builder<Value> values = ImmutableList.builder();
      for (int i = 0; i < a.index().size(); i++) {
        keys.add(scalar(a.index(), a.index().lo() + i));
        values.add(scalar(a.element(), s[base + i]));
      }
      return new Value.Array(keys.build(), values.build());
    } else if (type instanceof Type.Container c) {
      ImmutableList.Builder<Value> elements = ImmutableList.builder();
      for (int i = 0; i < s[base]; i++) elements.add(scalar(c.element(), s[base + 1 + i]));
      return new Value.Sequence(c.fifo(), elements.build());
    } else if (type instanceof Type.Int i) {
      return new Value.Int(s[base]);
    } else {
      throw new IllegalStateException("unreachable: " + type);
    }
  }

  private static Value scalar(Type.Scalar t, int v) {
    if (t instanceof Type.Bool b) {
      return new Value.Bool(v != 0);
    } else if (t instanceof Type.Enum e) {
      return new Value.Enum(e.values().get(v));
    } else if (t instanceof Type.Range || t instanceof Type.Symmetric) {
      return new Value.Int(v);
    } else {
      throw new IllegalStateException("unreachable: " + t);
    }
  }

  private static void write(Type type, int base, Value value, int[] s, String name) {
    if (value == null) throw new IllegalArgumentException("no value for " + name);
    if (type instanceof Type.Scalar sc) {
      s[base] = unscalar(sc, value, name);
    } else if (type instanceof Type.Array a && a.second() != null) {
      List<Value> rows = value instanceof Value.Array arr ? arr.values()
          : value instanceof Value.Sequence seq ? seq.elements() : List.of();
      if (rows.size() != a.index().size()) {
        throw new IllegalArgumentException(name + ": expected an array of "
            + a.index().size() + " rows");
      }
      Type.Array row = new Type.Array(a.element(), a.second());
      for (int i = 0; i < a.index().size(); i++) {
        write(row, base + i * a.columns(), rows.get(i), s, name);
      }
    } else if (type instanceof Type.Array a) {
      List<Value> values = value instanceof Value.Array arr ? arr.values()
          : value instanceof Value.Sequence seq ? seq.elements() : List.of();
      if (values.size() != a.index().size()) {
        throw new IllegalArgumentException(name + ": expected an array of "
            + a.index().size() + " values");
      }
      for (int i = 0; i < a.index().size(); i++) {
        s[base + i] = unscalar(a.element(), values.get(i), name);
      }
    } else if (type instanceof Type.Container c) {
      if (!(value instanceof Value.Sequence seq) || seq.elements().size() > c.capacity()) {
        throw new IllegalArgumentException(name + ": expected at most " + c.capacity()
            + " elements");
      }
      s[base] = seq.elements().size();
      for (int i = 0; i < seq.elements().size(); i++) {
        s[base + 1 + i] = unscalar(c.element(), seq.elements().get(i), name);
      }
    } else if (type instanceof Type.Int i) {
      throw new IllegalStateException();
    }
  }

  private static int unscalar(Type.Scalar t, Value v, String name) {
    int x;
    if (t instanceof Type.Bool b) {
      x = v instanceof Value.Bool bv ? (bv.value() ? 1 : 0) : Integer.MIN_VALUE;
    } else if (t instanceof Type.Enum e) {
      x = v instanceof Value.Enum ev ? e.values().indexOf(ev.name())
          : v instanceof Value.Label lv ? e.values().indexOf(lv.name()) : Integer.MIN_VALUE;
    } else if (t instanceof Type.Range || t instanceof Type.Symmetric) {
      x = v instanceof Value.Int iv ? iv.value() : Integer.MIN_VALUE;
    } else {
      throw new IllegalStateException("unreachable: " + t);
    }
    if (x < t.lo() || x > t.hi()) {
      throw new IllegalArgumentException(name + ": " + v + " is not a value of "
          + t.describe());
    }
    return x;
  }

  @Override
  public Stepper stepper(PropertySelection checked) {
    return new CompiledStepper(this, newFrame(checked.mask()));
  }

  @Override
  public int[] writtenSlots(int transition) {
    // canonicalisation permutes whole states: any slot may differ from the parent's
    int[] w = written[transition];
    return reduce || w == null ? null : w.clone();
  }

  @Override
  public Optional<String> failure(int property, int[] before, int transition, int[] at,
      PropertySelection checked) {
    return failure(property, before, transition, at, checked.mask());
  }

  @Override
  public Liveness liveness() {
    return new Liveness() {
      @Override
      public int count() {
        return livenessCount();
      }

      @Override
      public Property property(int k) {
        return livenessProperty(k);
      }

      @Override
      public boolean fromInitialStates(int k) {
        return livenessFromInitialStates(k);
      }

      @Override
      public int fairness(int instance) {
        return CompiledModel.this.fairness(instance);
      }
    };
  }

  /** Collects the pieces as the compiler produces them. */
  static final class Builder {
    final String name;
    final String source;
    Instr init;
    final List<Transition> transitions = new ArrayList<>();
    final List<Integer> pcSlots = new ArrayList<>();
    final List<Instr[]> entries = new ArrayList<>();
    final List<int[]> ids = new ArrayList<>();
    final List<Integer> invariantIds = new ArrayList<>();
    final List<Code> invariants = new ArrayList<>();
    final Map<Integer, FailureText.Reads> invariantReads = new java.util.HashMap<>();
    final List<Integer> invariantSites = new ArrayList<>();
    Code finalPredicate;
    Code assumption;
    int finalSite = -1;
    final List<Site> sites = new ArrayList<>();
    final List<LivenessCheck> liveness = new ArrayList<>();
    final Map<String, Integer> fairness = new LinkedHashMap<>();
    final List<String> instanceProcess = new ArrayList<>();

    void liveness(Property property, CheckedModel.LivenessKind kind, Code p, Code q, int site) {
      liveness.add(new LivenessCheck(property, kind, p, q, site));
    }

    void sites(List<Site> all) {
      sites.addAll(all);
    }

    /** 1 weak, 2 strong; strong wins when a process is named under both. */
    void fairness(String process, boolean strong) {
      fairness.merge(process, strong ? 2 : 1, Math::max);
    }
    private final Map<String, Boolean> finalSeen = new LinkedHashMap<>();

    Builder(String name, String source) {
      this.name = name;
      this.source = source;
    }

    void init(Instr chain) {
      this.init = chain;
    }

    void instance(String instance, int pcSlot, List<CheckedStep> steps, Instr[] stepEntries) {
      int index = pcSlots.size();
      pcSlots.add(pcSlot);
      instanceProcess.add(processName(instance));
      entries.add(stepEntries);
      int[] tids = new int[steps.size()];
      for (int k = 0; k < steps.size(); k++) {
        CheckedStep s = steps.get(k);
        tids[k] = transitions.size();
        transitions.add(new Transition(tids[k], instance, index, s.label(), s.kernelFunction(),
            s.pos(), s.atomicReason()));
      }
      ids.add(tids);
    }

    private static String processName(String instance) {
      int bracket = instance.indexOf('[');
      return bracket < 0 ? instance : instance.substring(0, bracket);
    }

    void invariant(int id, Code code, int site) {
      invariantIds.add(id);
      invariants.add(code);
      invariantSites.add(site);
    }

    void invariantReads(int id, FailureText.Reads reads) {
      invariantReads.put(id, reads);
    }

    boolean hasFinal() {
      return finalSeen.containsKey("final");
    }

    void assumption(Code code) {
      assumption = assumption == null ? code : new Code.And(assumption, code);
    }

    void finalPredicate(Code code, int site) {
      finalSeen.put("final", true);
      finalPredicate = code;
      finalSite = site;
    }

    CompiledModel build(StateLayout layout, CheckedModel checked,
        ImmutableList<Property> properties,
        int envSize, Map<String, Integer> constants, ImmutableList<String> configurations,
        String configuration) {
      return new CompiledModel(this, layout, checked, properties, envSize, constants,
          configurations, configuration);
    }
  }
}
