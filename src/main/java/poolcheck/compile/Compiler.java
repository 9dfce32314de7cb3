package poolcheck.compile;

import static poolcheck.language.ErrorCode.NO_INITIAL_STATE;

import java.util.LinkedHashMap;
import java.util.Map;
import poolcheck.check.CheckedModel;
import poolcheck.check.Checker;
import poolcheck.language.DeepStack;
import poolcheck.language.Diagnostic;
import poolcheck.language.ModelException;
import poolcheck.language.ParsedModel;
import poolcheck.language.Position;
import poolcheck.system.SuccessorSink;

/**
 * Compiles a model to slots and linked instructions once the {@link Checker} has accepted it:
 * every name, type, constant, label, property id and expression is resolved there and every
 * error reported, so compiling reports nothing of its own except that no initial state exists
 * (which only running the compiled init tells). The {@link CheckedModel} goes with the
 * compiled model to the reference interpreter and the exporters.
 */
public final class Compiler {
  /** Runtime property ids, in the order of {@link Checker#RUNTIME}: the hot loop names them. */
  static final int VALUE_OUT_OF_RANGE = 0;
  static final int OVERFLOW = 1;
  static final int UNDERFLOW = 2;
  static final int INDEX_OUT_OF_RANGE = 3;
  static final int DIVISION_BY_ZERO = 4;
  /** A result of + - * / or unary - outside the 32-bit range every value has. */
  static final int ARITHMETIC_OVERFLOW = 5;
  static final int DEADLOCK = 6;

  private Compiler() {}

  /** Checks and compiles; {@code overrides} are -D NAME=VALUE constant values. */
  public static CompiledModel compile(ParsedModel parsed, Map<String, String> overrides)
      throws ModelException {
    return compile(parsed, overrides, null);
  }

  /**
   * With a named configuration (a {@code config} declaration) whose values replace the
   * constants' defaults; -D overrides still win over both.
   */
  public static CompiledModel compile(ParsedModel parsed, Map<String, String> overrides,
      String configuration) throws ModelException {
    // The checker recurses over the tree: nesting up to the limit needs a known stack.
    return DeepStack.callModel(() -> run(parsed, overrides, configuration));
  }

  public static CompiledModel compile(ParsedModel parsed) throws ModelException {
    return compile(parsed, Map.of());
  }

  private static CompiledModel run(ParsedModel parsed, Map<String, String> overrides,
      String configuration) throws ModelException {
    return compile(Checker.check(parsed, overrides, configuration));
  }

  /**
   * A model the checker accepted, compiled from what it resolved alone: the parsed text is not
   * read again, so what runs is what was checked.
   */
  static CompiledModel compile(CheckedModel checked) throws ModelException {
    Compiling ctx = new Compiling(checked, new Sites());
    StepCompiler steps = new StepCompiler(ctx);
    CompiledModel.Builder model = new CompiledModel.Builder(checked.name(), checked.source());
    steps.compileInit(model);
    steps.compileProcesses(model);
    PropertyCompiler compileProperty = new PropertyCompiler(ctx, model);
    for (CheckedModel.Spec s : checked.spec()) s.accept(compileProperty);
    Map<String, Integer> constants = new LinkedHashMap<>();
    checked.constants().forEach((k, v) -> constants.put(k, v.value()));
    model.sites(ctx.sites().withSteps());
    CompiledModel compiled = model.build(checked.layout(), checked, checked.properties(),
        checked.envSize(), constants,
        checked.configurations(), checked.configuration());
    requireInitialState(compiled, checked);
    return compiled;
  }

  /**
   * An init whose every way through blocks (a {@code when} that never holds) leaves no initial
   * state: the search would say "verified" of an empty state space.
   */
  private static void requireInitialState(CompiledModel model, CheckedModel checked)
      throws ModelException {
    boolean[] any = new boolean[1];
    CompiledModel plain = model.withSymmetry(false);
    plain.initialStates(plain.newFrame(plain.allChecked()), new SuccessorSink() {
      @Override
      public void successor(int[] next, int transition) {
        any[0] = true;
      }

      @Override
      public void violation(int property, int[] at, int transition) {
        any[0] = true;
      }
    });
    if (any[0]) return;
    Position at = checked.initPos() != null ? checked.initPos()
        : new Position(checked.source(), 1, 1);
    throw new ModelException(new Diagnostic(NO_INITIAL_STATE, at, "no initial state: every way "
        + "through "
        + "init blocks (a 'when' that never holds?), so there would be nothing to explore"));
  }
}
