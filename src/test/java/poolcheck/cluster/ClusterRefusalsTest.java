package poolcheck.cluster;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import poolcheck.api.ClusterSetup;
import poolcheck.api.InvalidOptionException;
import poolcheck.api.ModelCheck;

/** What a cluster run cannot do is refused before any node starts, in words. */
class ClusterRefusalsTest {
  private static final ClusterSetup NOWHERE = ClusterSetup.local(1, line -> { });

  @Test
  void refusesALeadsToProperty() {
    InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> ModelCheck
        .of(Path.of("models/page_pool_v6_12.pool")).config("small").onCluster(NOWHERE));
    assertTrue(e.getMessage().contains("a cluster run checks safety only"), e.getMessage());
  }

  @Test
  void refusesOptionsItDoesNotHonourRatherThanIgnoreThem() {
    ModelCheck check = ModelCheck.of(Path.of("models/bench/recycle.pool"));
    for (ModelCheck c : new ModelCheck[] {check.store(poolcheck.api.StoreMode.EXACT),
        check.options(poolcheck.api.CheckOptions.DEFAULTS.withAllViolations(true)),
        check.options(poolcheck.api.CheckOptions.DEFAULTS.withFewestSwitches(true))}) {
      InvalidOptionException e = assertThrows(InvalidOptionException.class,
          () -> c.onCluster(NOWHERE));
      assertTrue(e.getMessage().startsWith("a cluster run does not do "), e.getMessage());
    }
  }

  @Test
  void refusesModelTextWithoutAFile() {
    InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> ModelCheck
        .ofText("m.pool", "model m; var x : 0 .. 1 = 0;").onCluster(NOWHERE));
    assertTrue(e.getMessage().contains("give it a model file"), e.getMessage());
  }
}
