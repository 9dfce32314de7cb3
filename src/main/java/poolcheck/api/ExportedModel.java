package poolcheck.api;

import java.util.Set;
import poolcheck.compile.CompiledModel;
import poolcheck.export.Checked;
import poolcheck.export.ModelShape;
import poolcheck.export.PromelaExport;
import poolcheck.export.Temporal;
import poolcheck.export.TlaExport;
import poolcheck.language.ModelException;

/**
 * A model loaded for export, its properties selected: {@link #promela()} or {@link #tla(String)}
 * renders it. A construct the target cannot express is an {@link InvalidInputException}.
 */
public final class ExportedModel {
  /**
   * A TLA+ module and its TLC configuration; {@code dropped} lists what the export leaves out or
   * approximates, one {@code file:line:column: warning PC201: ...} line each.
   */
  public record TlaFiles(String module, String config, java.util.List<String> dropped) {}

  /** A Promela model and what it leaves out (the liveness properties SPIN cannot check so). */
  public record PromelaFile(String text, java.util.List<String> dropped) {}

  private final ModelSource.Loaded loaded;
  private final ModelShape shape;
  private final Checked checked;
  private final Temporal temporal;
  private final ExportTarget target;
  private final boolean spinCoverage;

  ExportedModel(ModelSource source, PropertySelection selection, ExportTarget target,
      boolean spinCoverage) {
    this.loaded = source.load();
    // The exports describe the model's whole state graph: no symmetry reduction.
    CompiledModel compiled = loaded.compiled().withSymmetry(false);
    this.shape = ModelShape.of(compiled, compiled.checked());
    Checked c = Checked.all(shape);
    Set<String> names = selection.resolve(compiled);
    if (names != null) c = Checked.only(shape, names);
    if (!selection.deadlock()) c = c.withoutDeadlock();
    this.checked = c;
    this.temporal = Temporal.of(compiled.checked());
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
    return promelaFile().text();
  }

  /** The Promela model with the list of what it leaves out. */
  public PromelaFile promelaFile() {
    requireTarget(ExportTarget.PROMELA);
    try {
      PromelaExport.File file = PromelaExport.render(shape, checked, temporal, spinCoverage);
      return new PromelaFile(file.text(), file.dropped());
    } catch (ModelException e) {
      throw new InvalidInputException(e.getMessage(), e);
    }
  }

  /** The module named {@code module} and its configuration. */
  public TlaFiles tla(String module) {
    requireTarget(ExportTarget.TLA);
    try {
      TlaExport.Files files = TlaExport.render(shape, module, checked, temporal);
      return new TlaFiles(files.module(), files.config(), files.dropped());
    } catch (ModelException e) {
      throw new InvalidInputException(e.getMessage(), e);
    }
  }

  private void requireTarget(ExportTarget t) {
    if (target != t) throw new IllegalStateException("prepared for " + target + ", not " + t);
  }
}
