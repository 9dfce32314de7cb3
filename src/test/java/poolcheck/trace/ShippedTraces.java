package poolcheck.trace;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import poolcheck.compile.Models;
import poolcheck.compile.CompiledModel;
import poolcheck.system.Property;
import poolcheck.explore.AllViolations;
import poolcheck.explore.Explorer;
import poolcheck.result.CheckResult;
import poolcheck.result.Statistics;

/**
 * The counterexamples poolcheck ships golden files for: every violation of every test model,
 * with the run's timing zeroed so that the files do not change from run to run.
 */
final class ShippedTraces {
  static final Path MODELS = Path.of("src/test/resources/models").toAbsolutePath();
  static final Path GOLDEN = Path.of("src/test/resources/golden");
  static final List<String> NAMES = List.of("lost_update", "tiny_pool", "starving_mutex",
      "unfair_setter", "page_pool_v6_12");
  /** Shipped designs load from models/ by a relative path, so their positions need no mask. */
  static final Path SHIPPED = Path.of("models");

  record Shipped(String name, CompiledModel model, CheckResult result) {
    String file(TraceFormat f) {
      return name + "-" + result.counterexample().orElseThrow().property().name() + "."
          + f.extension();
    }
  }

  private ShippedTraces() {}

  static Path model(String name) {
    Path shipped = SHIPPED.resolve(name + ".pool");
    return java.nio.file.Files.exists(shipped) ? shipped : MODELS.resolve(name + ".pool");
  }

  static ImmutableList<Shipped> all() throws Exception {
    ImmutableList.Builder<Shipped> out = ImmutableList.builder();
    for (String name : NAMES) {
      CompiledModel m = Models.load(model(name));
      Set<String> properties = new LinkedHashSet<>();
      for (Property p : m.properties()) {
        if (p.kind() != Property.Kind.RUNTIME) properties.add(p.name());
      }
      AllViolations.Report report = new AllViolations(
          only -> new Explorer(m).properties(only), properties).run();
      for (CheckResult r : report.violations()) out.add(new Shipped(name, m, timeless(r)));
    }
    return out.build();
  }

  static CheckResult timeless(CheckResult r) {
    Statistics s = r.statistics();
    return new CheckResult(r.model(), r.constants(), r.checked(), r.verdict(),
        new Statistics(s.generated(), s.distinct(), s.depth(), 0, s.workers(), 0),
        r.counterexample(), r.reason());
  }

  /** Absolute paths differ between machines: golden files say {@code <models>} instead. */
  static String masked(String text) {
    return text.replace(MODELS.toString(), "<models>");
  }
}
