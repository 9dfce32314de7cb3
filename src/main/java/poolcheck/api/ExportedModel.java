package poolcheck.api;

import java.util.Set;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.ModelShape;
import poolcheck.export.Checked;
import poolcheck.export.PromelaExport;
import poolcheck.export.TlaExport;
import poolcheck.language.ModelException;

/**
 * A model loaded for export, its properties selected: {@link #promela()} or {@link #tla(String)}
 * renders it. A construct the target cannot express is an {@link InvalidInputException}.
 */
public final class ExportedModel {
  /** A TLA+ module and its TLC configuration. */
  public record TlaFiles(String module, String config) {}

  private final ModelSource.Loaded loaded;
  private final ModelShape shape;
  private final Checked checked;
  private final ExportTarget target;
  private final boolean spinCoverage;

  ExportedModel(ModelSource source, PropertySelection selection, ExportTarget target,
      boolean spinCoverage) {
    this.loaded = source.load();
    // The exports describe the model's whole state graph: no symmetry reduction.
    CompiledModel compiled = loaded.compiled().withSymmetry(false);
    this.shape = ModelShape.of(compiled, loaded.parsed());
    Checked c = Checked.all(shape);
    Set<String> names = selection.resolve(compiled);
    if (names != null) c = Checked.only(shape, names);
    if (!selection.deadlock()) c = c.withoutDeadlock();
    this.checked = c;
    if (spinCoverage && target != ExportTarget.PROMELA) {
      throw new InvalidOptionException("spinCoverage", n -> n.apply("spinCoverage")
          + " is for " + n.apply("target") + " promela");
    }
    this.target = target;
    this.spinCoverage = spinCoverage;
  }

  public ModelInfo model() {
    return loaded.info();
  }

  public ExportTarget target() {
    return target;
  }

  /** The module name TLA+ gives the model when no file names it. */
  public String defaultModuleName() {
    return TlaExport.moduleName(shape.name());
  }

  public String promela() {
    requireTarget(ExportTarget.PROMELA);
    try {
      return spinCoverage ? PromelaExport.renderWithStepStates(shape, checked)
          : PromelaExport.render(shape, checked);
    } catch (ModelException e) {
      throw new InvalidInputException(e.getMessage(), e);
    }
  }

  /** The module named {@code module} and its configuration. */
  public TlaFiles tla(String module) {
    requireTarget(ExportTarget.TLA);
    try {
      TlaExport.Files files = TlaExport.render(shape, module, checked);
      return new TlaFiles(files.module(), files.config());
    } catch (ModelException e) {
      throw new InvalidInputException(e.getMessage(), e);
    }
  }

  private void requireTarget(ExportTarget t) {
    if (target != t) throw new IllegalStateException("prepared for " + target + ", not " + t);
  }
}
