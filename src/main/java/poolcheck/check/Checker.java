package poolcheck.check;

import static poolcheck.language.ErrorCode.BAD_OVERRIDE;
import static poolcheck.language.ErrorCode.DUPLICATE_DECLARATION;
import static poolcheck.language.ErrorCode.DUPLICATE_ENUM_VALUE;
import static poolcheck.language.ErrorCode.NOTHING_TO_CHECK;
import static poolcheck.language.ErrorCode.OUT_OF_RANGE;
import static poolcheck.language.ErrorCode.UNKNOWN_CONFIG;
import static poolcheck.language.ErrorCode.UNKNOWN_NAME;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import poolcheck.language.Decl;
import poolcheck.language.Diagnostic;
import poolcheck.language.ModelException;
import poolcheck.language.ParsedModel;
import poolcheck.language.Position;
import poolcheck.language.TypeExpr;
import poolcheck.system.Property;

/**
 * The checking stage, in order: resolves a parsed model's names and types, its constants
 * ({@link ConstantDeclaration}: defaults, configuration, -D), processes
 * ({@link ProcessDeclaration}), state slots ({@link SlotAllocation}) and property ids
 * ({@link PropertyRegistration}), and checks every statement of every step and init block
 * ({@link StepChecker}), reporting each mistake with its position. Errors in one
 * declaration do not stop the others from being checked; {@link Reports} keeps one mistake to
 * one error.
 *
 * <p>Then every expression of the initialisers, init blocks, steps and properties is typed
 * ({@link ExpressionPass}, {@link ExprChecker}), the cost of each step bounded ({@link StepCost})
 * and the result frozen into the {@link CheckedModel} that the compiler, the reference
 * interpreter and (through it) the exporters read. The compiler reports nothing of its own.
 */
public final class Checker {
  /** Runtime properties have fixed ids (0 ..) so that the hot loop can name them. */
  public static final List<String> RUNTIME = List.of("value_out_of_range", "container_overflow",
      "container_underflow", "index_out_of_range", "division_by_zero", "arithmetic_overflow");

  private final Symbols symbols = new Symbols();
  private final Reports reports = new Reports(symbols);
  private final PropertyTable properties = new PropertyTable();
  /** What the constant, statement, type and cost checkers share; set once limits are read. */
  private Checking ctx;
  /** The state's slots, claimed by globals as declared and then by processes. */
  private SlotAllocation slots;
  private final Map<String, String> overrides;
  private final Map<String, Position> overridePositions;
  /** Every constant declared, even one whose declaration failed: -D may name it. */
  private final Set<String> constantNames = new HashSet<>();
  private final ParsedModel parsed;
  private String modelName;
  private Position modelNamePos;
  private Limits limits;

  private final String configuration;
  private final Map<String, Decl.Setting> configured = new LinkedHashMap<>();
  /** Each constant's value in force, once the configuration is selected. */
  private ConstantDeclaration constants;
  private final List<String> configurations = new ArrayList<>();
  /** The init blocks as checked, in text order (one with an error left out). */
  private List<ImmutableList<Action>> inits;

  private Checker(ParsedModel parsed, Map<String, String> overrides, String configuration) {
    this.parsed = parsed;
    this.configuration = configuration;
    this.overrides = new LinkedHashMap<>(overrides);
    this.overridePositions = new HashMap<>();
    int column = 1;
    for (String name : overrides.keySet()) {
      overridePositions.put(name, new Position("command line", 1, column++));
    }
    for (String name : RUNTIME) properties.add(name, Property.Kind.RUNTIME, "any step");
    properties.add("deadlock", Property.Kind.DEADLOCK, "a state with no enabled step");
  }

  /**
   * Checks {@code parsed}: every declaration, statement and expression. {@code overrides} are
   * -D NAME=VALUE constant values, {@code configuration} names a {@code config} declaration
   * whose values replace the constants' defaults (null: none). Every error is thrown at once, in
   * source order, one per position. What checking resolved comes back frozen, for every stage
   * after it: the checker's tables stay here.
   */
  public static CheckedModel check(ParsedModel parsed, Map<String, String> overrides,
      String configuration) throws ModelException {
    Checker c = new Checker(parsed, overrides, configuration);
    c.run();
    ExpressionPass expressions = new ExpressionPass(c.ctx);
    expressions.run(parsed.decls(), c.inits);
    return c.finish(expressions.spec);
  }

  /**
   * Ends the check once every expression is typed: the nothing-to-check rule and the cost
   * bounds if nothing else was wrong, then every error at once, or the checked model.
   */
  private CheckedModel finish(List<CheckedModel.Spec> spec) throws ModelException {
    if (reports.isEmpty()) nothingToCheck(parsed);
    if (reports.isEmpty()) new StepCost(ctx).check(parsed.decls());
    if (!reports.isEmpty()) throw reports.exception();
    return symbols.freeze(modelName, parsed.source(), properties.values(), spec,
        configurations, configuration, inits, firstInit(parsed), slots.layout());
  }

  /** Where the first init block is written, or null: the compiler reports an empty init there. */
  private static Position firstInit(ParsedModel parsed) {
    return parsed.decls().stream().filter(d -> d instanceof Decl.Init).map(Decl::pos)
        .findFirst().orElse(null);
  }

  private void run() throws ModelException {
    try {
      limits = Limits.current();
    } catch (IllegalArgumentException e) {
      throw new ModelException(new Diagnostic(BAD_OVERRIDE, new Position("command line", 1, 1),
          e.getMessage()));
    }
    ctx = new Checking(symbols, reports, properties, limits);
    slots = new SlotAllocation(reports, limits);
    modelName = baseName(parsed.source());
    selectConfiguration(parsed);
    constants = new ConstantDeclaration(ctx, overrides, overridePositions, configured,
        configuration);
    List<Decl.Process> processes = new ArrayList<>();
    for (Decl d : parsed.decls()) {
      try {
        d.accept(new Declaration(processes));
      } catch (CheckError e) {
        // recorded; go on with the next declaration, and keep quiet about this one's name
        String name = declaredName(d);
        if (name != null) reports.poison(name);
      }
    }
    if (slots.tooLarge()) throw reports.exception();
    for (String name : overrides.keySet()) {
      if (!constantNames.contains(name)) {
        reports.add(new Diagnostic(BAD_OVERRIDE, overridePositions.get(name),
            "-D " + name + ": the model has no constant '" + name + "' (constants: "
                + String.join(", ", symbols.constants.keySet()) + ")"));
      }
    }
    for (Decl d : parsed.decls()) {
      if (d instanceof Decl.Config config) {
        for (Decl.Setting s : config.settings()) {
          if (!constantNames.contains(s.constant())) {
            reports.add(new Diagnostic(UNKNOWN_NAME, s.pos(), "configuration '" + config.name()
                + "' sets unknown constant '" + s.constant() + "'"));
          }
        }
      }
    }
    ProcessDeclaration declare = new ProcessDeclaration(ctx);
    for (Decl.Process p : processes) {
      try {
        declare.declare(p);
      } catch (CheckError e) {
        reports.poison(p.name());
      }
    }
    slots.processes(symbols.processes.values());
    if (slots.tooLarge()) throw reports.exception();
    new PropertyRegistration(properties, reports).register(parsed.decls());
    // Statements are checked once, for every instance; what compiles them reads the result.
    StepChecker bodies = new StepChecker(ctx);
    for (Symbols.Process p : symbols.processes.values()) p.checkedSteps = bodies.steps(p);
    inits = bodies.inits(parsed.decls());
  }

  private void selectConfiguration(ParsedModel parsed) throws ModelException {
    Map<String, Position> seen = new LinkedHashMap<>();
    Decl.Config selected = null;
    for (Decl d : parsed.decls()) {
      if (!(d instanceof Decl.Config config)) continue;
      if (seen.containsKey(config.name())) {
        reports.add(new Diagnostic(DUPLICATE_DECLARATION, config.pos(), "duplicate configuration '"
            + config.name() + "' (first declared at " + seen.get(config.name()) + ")"));
        continue;
      }
      seen.put(config.name(), config.pos());
      configurations.add(config.name());
      if (config.name().equals(configuration)) selected = config;
    }
    if (configuration != null && selected == null) {
      throw new ModelException(new Diagnostic(UNKNOWN_CONFIG, new Position("command line", 1, 1),
          "--config " + configuration + ": the model has no such configuration"
              + (configurations.isEmpty() ? "" : " (it has: " + String.join(", ",
                  configurations) + ")")));
    }
    if (selected != null) {
      for (Decl.Setting s : selected.settings()) configured.put(s.constant(), s);
    }
  }

  private static String baseName(String source) {
    String name = source.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    return name.endsWith(".pool") ? name.substring(0, name.length() - 5) : name;
  }

  // ---- declarations

  /**
   * One top-level declaration entered into the tables: names claimed, constants evaluated,
   * types resolved, variables given slots. Processes are collected here and declared once every
   * global is known; properties, init blocks and fairness are checked later. Locks, inlines and
   * defs were lowered or expanded by the loader, and configurations selected before any constant
   * ({@link #selectConfiguration}): this pass passes over them.
   */
  private final class Declaration extends Decl.Selective {
    private final List<Decl.Process> processes;

    Declaration(List<Decl.Process> processes) {
      this.processes = processes;
    }

    @Override
    public Void modelName(Decl.ModelName m) {
      if (modelNamePos != null) {
        throw reports.error(DUPLICATE_DECLARATION, m.pos(), "duplicate model declaration: the "
            + "model is already named '" + modelName + "' at " + modelNamePos);
      }
      modelName = m.name();
      modelNamePos = m.pos();
      return null;
    }

    @Override
    public Void include(Decl.Include i) {
      throw new IllegalStateException("includes are spliced by the loader");
    }

    @Override
    public Void constant(Decl.Const c) {
      claim(c.name(), c.pos());
      constantNames.add(c.name());
      symbols.constants.put(c.name(), constants.value(c));
      return null;
    }

    @Override
    public Void typeAlias(Decl.TypeAlias t) {
      claim(t.name(), t.pos());
      if (t.type() instanceof TypeExpr.Scalarset set) {
        ctx.guard(set.size());
        int size = ctx.exprs().constantInt(set.size());
        if (size < 1) {
          throw reports.error(OUT_OF_RANGE, set.size().pos(), "scalarset size " + size
              + " is out of range: expected at least 1");
        }
        symbols.types.put(t.name(), new Type.Symmetric(t.name(), size));
      } else {
        symbols.types.put(t.name(), ctx.resolveType(t.type()));
      }
      return null;
    }

    @Override
    public Void enumeration(Decl.Enum e) {
      claim(e.name(), e.pos());
      Type.Enum type = new Type.Enum(e.name(), e.values());
      symbols.types.put(e.name(), type);
      for (int i = 0; i < e.values().size(); i++) {
        String v = e.values().get(i);
        Position at = e.valuePositions().get(i);
        if (symbols.enumValues.containsKey(v)) {
          reports.add(new Diagnostic(DUPLICATE_ENUM_VALUE, at, "enum value '" + v
              + "' is already declared in enum "
              + symbols.enumValues.get(v).type().name()));
          continue;
        }
        if (symbols.declared.containsKey(v)) {
          reports.add(new Diagnostic(DUPLICATE_DECLARATION, at, "duplicate declaration of '" + v
              + "' (first declared at " + symbols.declared.get(v) + ")"));
          continue;
        }
        symbols.declared.put(v, at);
        symbols.enumValues.put(v, new CheckedModel.EnumValue(type, i));
      }
      return null;
    }

    @Override
    public Void variable(Decl.Var v) {
      claim(v.name(), v.pos());
      Type type = ctx.resolveVariableType(v.type());
      int base = slots.allocate(type, "variable " + v.name(), v.pos());
      symbols.globals.put(v.name(), new CheckedModel.Variable(v.name(), type, v.pos(), base));
      if (v.init() != null) symbols.initialValues.put(v.name(), v.init());
      return null;
    }

    @Override
    public Void process(Decl.Process p) {
      claim(p.name(), p.pos());
      symbols.processNames.add(p.name());
      processes.add(p);
      return null;
    }

  }

  /**
   * A model with no process has no step: it would verify with one state whatever it says. An
   * empty file, a comment, or a model cut after its constants is refused instead.
   */
  private void nothingToCheck(ParsedModel parsed) {
    if (!symbols.processes.isEmpty()) return;
    Position at = parsed.decls().isEmpty() ? new Position(parsed.source(), 1, 1)
        : parsed.decls().get(parsed.decls().size() - 1).pos();
    reports.add(new Diagnostic(NOTHING_TO_CHECK, at, "nothing to check: the model declares no "
        + "process (" + (parsed.decls().isEmpty() ? "the file has no declarations"
            : "is the file complete?") + ")"));
  }

  private void claim(String name, Position pos) {
    Position first = symbols.declared.get(name);
    if (first != null) {
      throw reports.error(DUPLICATE_DECLARATION, pos, "duplicate declaration of '" + name + "' "
          + "(first declared at "
          + first + ")");
    }
    symbols.declared.put(name, pos);
  }

  private static String declaredName(Decl d) {
    if (d instanceof Decl.Const c) return c.name();
    if (d instanceof Decl.TypeAlias t) return t.name();
    if (d instanceof Decl.Enum e) return e.name();
    if (d instanceof Decl.Var v) return v.name();
    if (d instanceof Decl.Process p) return p.name();
    return null;
  }
}
