package poolcheck.api;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import poolcheck.compile.CompiledModel;
import poolcheck.explore.Explorer;
import poolcheck.explore.SearchOptions;
import poolcheck.language.ModelException;

/**
 * Model checks from a test suite: an immutable description of what to check, then
 * {@link #exhaustive()} or {@link #simulate(int, int)}.
 *
 * <pre>{@code
 * ModelCheck.of(Path.of("models/page_pool.pool")).constant("PAGES", 3)
 *     .simulate(2_000, 500).seed(42).assertHolds();
 * }</pre>
 *
 * Bad model text throws IllegalArgumentException with the file:line:column message.
 */
public final class ModelCheck {
  private final Path file;
  private final String name;
  private final String text;
  private final ImmutableMap<String, String> constants;
  private final ImmutableSet<String> properties;
  private final boolean deadlock;

  private ModelCheck(Path file, String name, String text, ImmutableMap<String, String> constants,
      ImmutableSet<String> properties, boolean deadlock) {
    this.file = file;
    this.name = name;
    this.text = text;
    this.constants = constants;
    this.properties = properties;
    this.deadlock = deadlock;
  }

  public static ModelCheck of(Path file) {
    return new ModelCheck(file, null, null, ImmutableMap.of(), null, true);
  }

  public static ModelCheck of(String file) {
    return of(Path.of(file));
  }

  /** A model given as text (no includes); {@code name} is shown in positions. */
  public static ModelCheck ofText(String name, String text) {
    return new ModelCheck(null, name, text, ImmutableMap.of(), null, true);
  }

  /** Overrides a constant, as {@code -D NAME=VALUE} does. */
  public ModelCheck constant(String constant, String value) {
    Map<String, String> c = new LinkedHashMap<>(constants);
    c.put(constant, value);
    return new ModelCheck(file, name, text, ImmutableMap.copyOf(c), properties, deadlock);
  }

  public ModelCheck constant(String constant, int value) {
    return constant(constant, Integer.toString(value));
  }

  public ModelCheck constant(String constant, boolean value) {
    return constant(constant, Boolean.toString(value));
  }

  /** Checks only these properties (runtime errors are always checked). */
  public ModelCheck properties(String... names) {
    return new ModelCheck(file, name, text, constants, ImmutableSet.copyOf(names), deadlock);
  }

  /** Does not report deadlocks. */
  public ModelCheck noDeadlock() {
    return new ModelCheck(file, name, text, constants, properties, false);
  }

  /**
   * Every reachable state, breadth-first: a proof when it holds. The search is that of
   * {@code poolcheck check} with its defaults ({@link SearchOptions#defaults()}: every core,
   * fingerprints).
   */
  public ModelCheckResult exhaustive() {
    return exhaustive(Long.MAX_VALUE);
  }

  /** As {@link #exhaustive()}, giving up (a failing assertHolds) beyond {@code maxStates}. */
  public ModelCheckResult exhaustive(long maxStates) {
    CompiledModel m = compile();
    SearchOptions options = SearchOptions.defaults().withMaxStates(maxStates)
        .withProperties(properties).withDeadlock(deadlock);
    return ModelCheckResult.of(new Explorer(m, options).run());
  }

  /** {@code runs} random runs of at most {@code depth} steps; pin the seed with seed(). */
  public Simulation simulate(int runs, int depth) {
    return new Simulation(this, runs, depth, Simulation.defaultSeed());
  }

  CompiledModel compile() {
    try {
      return file != null ? Models.load(file, constants) : Models.fromText(name, text, constants);
    } catch (ModelException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model " + file + ": " + e.getMessage(), e);
    }
  }

  ImmutableSet<String> properties() {
    return properties;
  }

  boolean deadlock() {
    return deadlock;
  }
}
