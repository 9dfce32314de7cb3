package poolcheck.selfcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import poolcheck.compile.Models;
import poolcheck.compile.CompiledModel;
import poolcheck.explore.Explorer;
import poolcheck.result.CheckResult;

/**
 * The random models that declare a lock are what the cross-checks compare locks on: they must
 * load (the generator writes only what the rule accepts) and, between them, break every lock
 * property, or the cross-checks would never meet a lock misuse.
 */
class GeneratedLockModelsTest {
  private static final Set<String> LOCK_PROPERTIES =
      Set.of("lock_reacquired", "lock_not_held", "lock_held_at_exit");

  @Test
  void lockModelsLoadAndBetweenThemBreakEveryLockProperty() throws Exception {
    Set<String> broken = new TreeSet<>();
    int lockModels = 0;
    for (long seed = 0; seed < 200; seed++) {
      if (!ModelGenerator.locking(seed)) continue;
      lockModels++;
      CompiledModel m = Models.fromText("random_" + seed + ".pool", RandomModels.text(seed));
      // Each lock property alone: with every property on, another (an overflow, say) may be
      // met first and hide a lock misuse from this count.
      for (String p : LOCK_PROPERTIES) {
        CheckResult r = new Explorer(m).properties(Set.of(p)).run();
        r.counterexample().ifPresent(cx -> broken.add(cx.property().name()));
      }
    }
    assertTrue(lockModels >= 40, "lock models among 200 seeds: " + lockModels);
    assertEquals(Set.of(), LOCK_PROPERTIES.stream().filter(p -> !broken.contains(p)).collect(java.util.stream.Collectors.toSet()),
        "broken: " + broken);
  }
}
