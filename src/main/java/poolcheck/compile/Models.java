package poolcheck.compile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import poolcheck.language.ModelException;
import poolcheck.language.ModelLoader;

/**
 * A model file (or text) to a compiled model, through every front stage: the way in for tests
 * and the engine-side use cases; the public API (poolcheck.api) wraps it.
 */
public final class Models {
  private Models() {}

  public static CompiledModel load(Path file, Map<String, String> constants)
      throws ModelException, IOException {
    return Compiler.compile(ModelLoader.load(file), constants);
  }

  /** At a named configuration of the model; -D constants still override it. */
  public static CompiledModel load(Path file, String configuration, Map<String, String> constants)
      throws ModelException, IOException {
    return Compiler.compile(ModelLoader.load(file), constants, configuration);
  }

  public static CompiledModel load(Path file) throws ModelException, IOException {
    return load(file, Map.of());
  }

  public static CompiledModel fromText(String name, String text, Map<String, String> constants)
      throws ModelException {
    return Compiler.compile(ModelLoader.fromText(name, text), constants);
  }

  public static CompiledModel fromText(String name, String text) throws ModelException {
    return fromText(name, text, Map.of());
  }
}
