package poolcheck.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import poolcheck.compile.Models;
import poolcheck.compile.CompiledModel;
import poolcheck.selfcheck.RandomModels;

/** On random models: a shrunk schedule replays to the same property and is locally minimal. */
class ShrinkingPropertiesTest {
  @TestFactory
  Stream<DynamicTest> shrunkSchedulesBreakTheSamePropertyAndLoseNoSingleStep() {
    return RandomModels.seeds().mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
      CompiledModel m = Models.fromText("random_" + seed + ".pool", RandomModels.text(seed));
      Simulator simulator = new Simulator(m);
      SimulationResult r = simulator.run(20, 60, seed);
      if (!r.violated()) return;
      Schedule shrunk = r.schedule().orElseThrow();
      int property = r.counterexample().orElseThrow().property().id();
      Execution execution = new Execution(m, poolcheck.system.PropertySelection.all(m));
      Execution.Result again = execution.run(shrunk);
      assertNotNull(again, "the shrunk schedule does not run");
      assertEquals(property, again.property());
      assertEquals(shrunk, again.schedule(), "the shrunk schedule is not in normal form");
      for (int i = 0; i < shrunk.length(); i++) {
        List<Schedule.Choice> fewer = new ArrayList<>(shrunk.steps());
        fewer.remove(i);
        Execution.Result without = execution.run(shrunk.withSteps(fewer));
        assertTrue(without == null || without.property() != property,
            "step " + i + " of " + shrunk + " can go");
      }
    }));
  }
}
