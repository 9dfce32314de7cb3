package poolcheck.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Compiler;
import poolcheck.language.ModelException;
import poolcheck.language.ModelLoader;
import poolcheck.language.ParsedModel;

/**
 * Where a model comes from (a file, or text with a name for positions), at which named
 * configuration and with which constant overrides: the one way every use case loads a model.
 */
record ModelSource(Path file, String name, String text, String config,
    Map<String, String> constants) {
  ModelSource {
    constants = Collections.unmodifiableMap(new LinkedHashMap<>(constants));
  }

  static ModelSource file(Path file) {
    return new ModelSource(file, null, null, null, Map.of());
  }

  static ModelSource text(String name, String text) {
    return new ModelSource(null, name, text, null, Map.of());
  }

  ModelSource withConfig(String configuration) {
    return new ModelSource(file, name, text, configuration, constants);
  }

  ModelSource withConstant(String constant, String value) {
    Map<String, String> c = new LinkedHashMap<>(constants);
    c.put(constant, value);
    return new ModelSource(file, name, text, config, c);
  }

  ModelSource withConstants(Map<String, String> values) {
    Map<String, String> c = new LinkedHashMap<>(constants);
    c.putAll(values);
    return new ModelSource(file, name, text, config, c);
  }

  /** The parsed and compiled model. */
  record Loaded(ParsedModel parsed, CompiledModel compiled) {
    ModelInfo info() {
      Set<Path> inputs = new LinkedHashSet<>();
      parsed.texts().keySet().forEach(n -> inputs.add(Path.of(n)));
      inputs.add(Path.of(parsed.source()));
      return new ModelInfo(compiled.name(), compiled.constants(), List.copyOf(inputs));
    }
  }

  /** Bad text is an InvalidInputException, an unreadable file an UncheckedIOException. */
  Loaded load() {
    try {
      ParsedModel parsed = file != null ? ModelLoader.load(file) : ModelLoader.fromText(name,
          text);
      return new Loaded(parsed, Compiler.compile(parsed, constants, config));
    } catch (ModelException e) {
      throw new InvalidInputException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model " + file + ": " + e.getMessage(), e);
    }
  }

  /** What a checkpoint records, so that one of an edited model is not resumed. */
  String digest() {
    if (file == null) return null;
    try {
      return poolcheck.language.ModelLoader.load(file).textDigest();
    } catch (ModelException e) {
      throw new InvalidInputException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model " + file + ": " + e.getMessage(), e);
    }
  }
}
