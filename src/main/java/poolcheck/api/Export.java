package poolcheck.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The model written for another model checker, describing its whole state graph (no symmetry
 * reduction): a Promela model for SPIN or a TLA+ module and TLC configuration.
 *
 * <pre>{@code
 * String promela = Export.of(Path.of("models/page_pool.pool"), ExportTarget.PROMELA).prepare()
 *     .promela();
 * }</pre>
 */
public final class Export {
  private final ModelSource source;
  private final PropertySelection selection;
  private final ExportTarget target;
  private final boolean spinCoverage;

  private Export(ModelSource source, PropertySelection selection, ExportTarget target,
      boolean spinCoverage) {
    if (target == null) throw new IllegalArgumentException("target: null");
    this.source = source;
    this.selection = selection;
    this.target = target;
    this.spinCoverage = spinCoverage;
  }

  public static Export of(Path model, ExportTarget target) {
    return new Export(ModelSource.file(model), PropertySelection.ALL, target, false);
  }

  public static Export ofText(String name, String text, ExportTarget target) {
    return new Export(ModelSource.text(name, text), PropertySelection.ALL, target, false);
  }

  public Export config(String name) {
    return new Export(source.withConfig(name), selection, target, spinCoverage);
  }

  public Export constants(Map<String, String> values) {
    return new Export(source.withConstants(values), selection, target, spinCoverage);
  }

  public Export properties(List<String> names) {
    return new Export(source, selection.only(names), target, spinCoverage);
  }

  public Export noDeadlock() {
    return new Export(source, selection.withDeadlock(false), target, spinCoverage);
  }

  /**
   * Promela: every step a SPIN state of its own, so that SPIN's unreached report lists the steps
   * never taken.
   */
  public Export spinCoverage() {
    return new Export(source, selection, target, true);
  }

  /** Loads the model and checks the selection; the texts are rendered on demand. */
  public ExportedModel prepare() {
    return new ExportedModel(source, selection, target, spinCoverage);
  }
}
