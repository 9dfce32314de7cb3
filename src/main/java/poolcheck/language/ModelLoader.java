package poolcheck.language;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
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

  private ModelLoader() {}

  /** The declarations of the file and everything it includes, in order. */
  public static ParsedModel load(Path file) throws ModelException, IOException {
    if (Files.isDirectory(file)) {
      // Reading a directory fails with a bare "Is a directory" that does not name the path.
      throw new IOException(file + ": is a directory, expected a model file");
    }
    ModelLoader loader = new ModelLoader();
    Path root = file.toAbsolutePath().normalize();
    loader.loadFile(root, file.toString());
    return new ParsedModel(file.toString(),
        Locks.lower(Inliner.expand(loader.decls.build())), loader.texts.build());
  }

  /** Parses text that has no includes, for tests and the random-model generator. */
  public static ParsedModel fromText(String name, String text) throws ModelException {
    ImmutableList<Decl> decls = Parser.parse(name, text);
    for (Decl d : decls) {
      if (d instanceof Decl.Include inc) {
        throw new ModelException(new Diagnostic("PC103", inc.pos(),
            "include \"" + inc.path() + "\" is not available for a model given as text"));
      }
    }
    return new ParsedModel(name, Locks.lower(Inliner.expand(decls)),
        ImmutableMap.of(name, text));
  }

  private void loadFile(Path path, String shownName) throws ModelException, IOException {
    String text = Files.readString(path, StandardCharsets.UTF_8);
    texts.put(shownName, text);
    including.push(path);
    loaded.add(path);
    for (Decl d : Parser.parse(shownName, text)) {
      if (d instanceof Decl.Include inc) {
        Path target = path.resolveSibling(inc.path()).normalize();
        if (including.contains(target)) {
          throw new ModelException(new Diagnostic("PC120", inc.pos(),
              "circular include: \"" + inc.path() + "\" is already being included"));
        }
        if (loaded.contains(target)) continue;
        if (!Files.isRegularFile(target)) {
          throw new ModelException(new Diagnostic("PC103", inc.pos(),
              "include file not found: \"" + inc.path() + "\" (looked for " + target + ")"));
        }
        Path shown = Path.of(shownName).resolveSibling(inc.path()).normalize();
        loadFile(target, shown.toString());
      } else {
        decls.add(d);
      }
    }
    including.pop();
  }
}
