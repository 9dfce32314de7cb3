package poolcheck.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import poolcheck.check.Type;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Models;

/**
 * The random models the SPIN and TLA+ cross-checks give a two-dimensional array to: enough of
 * them among the seeds those tests run, each loading with {@code grid} a two-dimensional array,
 * most using its elements, so the exports meet computed indices in both dimensions.
 */
class RandomTableModelsTest {
  // seeds 1..60: a third get records; half of the others a two-dimensional array
  @Test
  void aSixthOfTheRandomModelsOrMoreIndexATwoDimensionalArray() throws Exception {
    int tables = 0;
    int used = 0;
    int spin = 0;
    for (long seed = 1; seed <= 60; seed++) {
      String text = RandomModels.generate(seed);
      if (!text.contains("var grid : (0 .. 2)[0 .. 1][0 .. 1]")) continue;
      tables++;
      if (seed <= 12) spin++;
      CompiledModel m = Models.fromText("t.pool", text);
      assertTrue(((Type.Array) m.checked().globals().get("grid").type()).second() != null);
      if (text.contains("grid[")) used++;
    }
    assertTrue(tables >= 10, "random models with a two-dimensional array among 60: " + tables);
    assertTrue(used >= tables / 2, "of " + tables + ", using its elements: " + used);
    // SpinCrossCheckTest runs seeds 1 to 12
    assertTrue(spin >= 3, "among the SPIN cross-check's 12: " + spin);
  }
}
