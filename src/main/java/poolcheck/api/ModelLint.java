package poolcheck.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Compiler;
import poolcheck.language.Diagnostic;
import poolcheck.language.ModelException;
import poolcheck.language.ModelLoader;

/**
 * Parse and check only, no search: every problem of a model at once, errors in source order
 * then warnings. Cheap enough to run on every save (`poolcheck lint`).
 */
public final class ModelLint {
  private ModelLint() {}

  /**
   * The model's problems at a configuration ({@code null}: the defaults) with -D overrides; an
   * empty list when it is ready to check. An unreadable file is an UncheckedIOException.
   */
  public static List<ModelProblem> of(Path file, Map<String, String> constants, String config) {
    List<ModelProblem> out = new ArrayList<>();
    try {
      CompiledModel model = Compiler.compile(ModelLoader.load(file), constants, config);
      for (Diagnostic d : model.warnings()) out.add(problem(d, true));
    } catch (ModelException e) {
      for (Diagnostic d : e.diagnostics()) out.add(problem(d, false));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model " + file + ": " + e.getMessage(), e);
    }
    return List.copyOf(out);
  }

  private static ModelProblem problem(Diagnostic d, boolean warning) {
    return new ModelProblem(d.position().file(), d.position().line(), d.position().column(),
        d.code(), d.message(), warning);
  }
}
