package poolcheck.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Compiler;
import poolcheck.language.ModelException;
import poolcheck.language.ModelLoader;
import poolcheck.language.ParsedModel;

/** The models the export tests run on: every test resource that compiles, and models/. */
final class ExportedModels {
  record Loaded(Path file, CompiledModel model, ModelShape shape) {}

  private ExportedModels() {}

  static List<Path> files() {
    try (Stream<Path> resources = walk(Path.of("src/test/resources"));
        Stream<Path> shipped = walk(Path.of("models"))) {
      return Stream.concat(resources, shipped).sorted().toList();
    }
  }

  private static Stream<Path> walk(Path dir) {
    if (!Files.isDirectory(dir)) return Stream.empty();
    try {
      // corpus/rejected holds bad input on purpose, some of it bad only with its -D overrides
      return Files.walk(dir).filter(p -> p.toString().endsWith(".pool"))
          .filter(p -> !p.toString().contains("rejected")).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The exports describe the full state graph, so poolcheck counts it unreduced too. */
  static CompiledModel unreduced(CompiledModel model) {
    return model.withSymmetry(false);
  }

  /** The model, or null when it is bad input on purpose (a front-end test's case). */
  static Loaded load(Path file) throws IOException {
    return load(file, Map.of());
  }

  static Loaded load(Path file, Map<String, String> constants) throws IOException {
    try {
      ParsedModel parsed = ModelLoader.load(file);
      CompiledModel model = unreduced(Compiler.compile(parsed, constants));
      return new Loaded(file, model, ModelShape.of(model, model.checked()));
    } catch (ModelException e) {
      return null;
    }
  }
}
