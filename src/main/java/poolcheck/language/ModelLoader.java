package poolcheck.language;

import static poolcheck.language.ErrorCode.CIRCULAR_INCLUDE;
import static poolcheck.language.ErrorCode.INCLUDE_NOT_FOUND;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads a model file and splices in its includes, each file once, so that model variants share
 * one definition of the pool instead of copies of it.
 */
public final class ModelLoader {
  private final Set<Path> loaded = new HashSet<>();
  private final Deque<Path> including = new ArrayDeque<>();
  private final ImmutableList.Builder<Decl> decls = ImmutableList.builder();
  private final ImmutableMap.Builder<String, String> texts = ImmutableMap.builder();
  /** Texts that replace files on disk (an editor's unsaved buffers), by normalized path. */
  private final Map<Path, String> unsaved;

  private ModelLoader(Map<Path, String> unsaved) {
    this.unsaved = unsaved;
  }

  /** The declarations of the file and everything it includes, in order. */
  public static ParsedModel load(Path file) throws ModelException, IOException {
    return DeepStack.call(() -> loadHere(file));
  }

  /**
   * The same, reading a file from {@code unsaved} (keyed by absolute, normalized path) where it
   * is there: an editor checks what is typed, includes and all, before it is saved.
   */
  public static ParsedModel load(Path file, Map<Path, String> unsaved)
      throws ModelException, IOException {
    return DeepStack.call(() -> loadHere(file, unsaved));
  }

  private static ParsedModel loadHere(Path file) throws ModelException, IOException {
    return loadHere(file, Map.of());
  }

  private static ParsedModel loadHere(Path file, Map<Path, String> unsaved)
      throws ModelException, IOException {
    ModelLoader loader = new ModelLoader(unsaved);
    Path root = file.toAbsolutePath().normalize();
    loader.loadFile(root, file.toString());
    return new ParsedModel(file.toString(),
        Locks.lower(Definitions.expand(Records.flatten(Inliner.expand(
            loader.decls.build())))),
        loader.texts.build());
  }

  /** Parses text that has no includes, for tests and the random-model generator. */
  public static ParsedModel fromText(String name, String text) throws ModelException {
    return DeepStack.callModel(() -> fromTextHere(name, text));
  }

  private static ParsedModel fromTextHere(String name, String text) throws ModelException {
    ImmutableList<Decl> decls = Parser.parse(name, text);
    for (Decl d : decls) {
      if (d instanceof Decl.Include inc) {
        throw new ModelException(new Diagnostic(INCLUDE_NOT_FOUND, inc.pos(),
            "include \"" + inc.path() + "\" is not available for a model given as text"));
      }
    }
    return new ParsedModel(name, Locks.lower(Definitions.expand(
        Records.flatten(Inliner.expand(decls)))),
        ImmutableMap.of(name, text));
  }

  private void loadFile(Path path, String shownName) throws ModelException, IOException {
    String text = unsaved.containsKey(path) ? unsaved.get(path) : ModelText.read(path, shownName);
    texts.put(shownName, text);
    including.push(path);
    loaded.add(path);
    for (Decl d : Parser.parse(shownName, text)) {
      if (d instanceof Decl.Include inc) {
        Path target;
        try {
          target = path.resolveSibling(inc.path()).normalize();
        } catch (InvalidPathException e) {
          throw new ModelException(new Diagnostic(INCLUDE_NOT_FOUND, inc.pos(),
              "include path \"" + inc.path() + "\" is not a valid path: " + e.getReason()));
        }
        if (including.contains(target)) {
          throw new ModelException(new Diagnostic(CIRCULAR_INCLUDE, inc.pos(),
              "circular include: \"" + inc.path() + "\" is already being included"));
        }
        if (loaded.contains(target)) continue;
        if (!Files.isRegularFile(target) && !unsaved.containsKey(target)) {
          throw new ModelException(new Diagnostic(INCLUDE_NOT_FOUND, inc.pos(),
              "include file not found: \"" + inc.path() + "\" (looked for " + target + ")"));
        }
        Path shown = Path.of(shownName).resolveSibling(inc.path()).normalize();
        try {
          loadFile(target, shown.toString());
        } catch (IOException e) {
          throw new ModelException(new Diagnostic(INCLUDE_NOT_FOUND, inc.pos(),
              "cannot include \"" + inc.path() + "\": " + e.getMessage()));
        }
      } else {
        decls.add(d);
      }
    }
    including.pop();
  }
}
