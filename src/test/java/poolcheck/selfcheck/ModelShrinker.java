package poolcheck.selfcheck;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import poolcheck.compile.Models;
import poolcheck.compile.CompiledModel;
import poolcheck.language.ModelException;
import poolcheck.simulate.DeltaDebugging;

/**
 * Shrinks a failing generated model by delta debugging over its lines. A candidate counts only
 * if it still compiles and still fails, so a removed line that breaks the syntax (a lone brace)
 * is simply not taken; the generator writes one statement per line, so most lines can go on
 * their own. The result is 1-minimal in lines.
 */
final class ModelShrinker {
  /** A check on a compiled model that fails by throwing. */
  interface Check {
    void run(CompiledModel m) throws Exception;
  }

  private ModelShrinker() {}

  static String shrink(String text, Predicate<String> fails) {
    List<String> lines = Arrays.asList(text.split("\n"));
    return String.join("\n", DeltaDebugging.minimize(lines,
        candidate -> fails.test(String.join("\n", candidate)))) + "\n";
  }

  /** Whether the text compiles and the check fails on it. */
  static boolean fails(String text, Check check) {
    CompiledModel m;
    try {
      m = Models.fromText("shrunk.pool", text);
    } catch (ModelException e) {
      return false;
    }
    try {
      check.run(m);
      return false;
    } catch (Exception | AssertionError e) {
      return true;
    }
  }

  /**
   * Runs the check on the model; if it fails, fails with the original message, the model's
   * name (its seed) and the model shrunk to the lines that still make the check fail.
   */
  static void checkShrinking(long seed, Check check) throws Exception {
    checkShrinking("seed " + seed, RandomModels.text(seed), check);
  }

  static void checkShrinking(String name, String text, Check check) throws Exception {
    CompiledModel m;
    try {
      m = Models.fromText(name.replace(' ', '_') + ".pool", text);
    } catch (ModelException e) {
      throw new AssertionError("the generator wrote a model the compiler rejects: "
          + e.getMessage() + "\n" + text);
    }
    try {
      check.run(m);
    } catch (Exception | AssertionError e) {
      String small = shrink(text, t -> fails(t, check));
      throw new AssertionError(e.getMessage() + "\nmodel of " + name + ", shrunk from "
          + text.lines().count() + " to " + small.lines().count() + " lines:\n" + small, e);
    }
  }
}
