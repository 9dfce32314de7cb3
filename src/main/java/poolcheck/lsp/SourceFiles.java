package poolcheck.lsp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import poolcheck.language.Decl;
import poolcheck.language.Lexer;
import poolcheck.language.ModelException;
import poolcheck.language.Parser;
import poolcheck.language.Token;
import poolcheck.language.TokenKind;

/**
 * The model files an editor works on: the open buffers (their unsaved text wins over the disk)
 * and, per file, its last tokens and declarations that parsed, so that navigation keeps working
 * while a line is half typed.
 */
final class SourceFiles {
  /** One file as last parsed without error. */
  record Parsed(List<Token> tokens, List<Decl> decls) {}

  private final Map<Path, String> open = new HashMap<>();
  private final Map<Path, Parsed> lastGood = new HashMap<>();

  void open(Path file, String text) {
    open.put(file, text);
  }

  void close(Path file) {
    open.remove(file);
  }

  Map<Path, String> unsaved() {
    return Map.copyOf(open);
  }

  String text(Path file) {
    String t = open.get(file);
    if (t != null) return t;
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }

  Parsed parsed(Path file) {
    String text = text(file);
    try {
      List<Token> tokens = new Lexer(file.toString(), text).tokens();
      Parsed p = new Parsed(tokens, Parser.parse(file.toString(), text));
      lastGood.put(file, p);
      return p;
    } catch (ModelException e) {
      return lastGood.getOrDefault(file, new Parsed(List.of(), List.of()));
    }
  }

  /** The file and every file it includes, in include order, each once. */
  List<Path> closure(Path root) {
    Map<Path, Boolean> seen = new LinkedHashMap<>();
    collect(root, seen);
    return new ArrayList<>(seen.keySet());
  }

  private void collect(Path file, Map<Path, Boolean> seen) {
    if (seen.put(file, true) != null) return;
    for (Decl d : parsed(file).decls()) {
      if (d instanceof Decl.Include inc) collect(file.resolveSibling(inc.path()).normalize(), seen);
    }
  }

  /**
   * The model a file is checked as part of: itself when it names a model; else an open model
   * that includes it; else the first model beside it or one directory up that does (an include
   * such as models/common/page_pool.pool cannot be checked alone).
   */
  Path root(Path file) {
    if (namesModel(file)) return file;
    for (Path p : open.keySet().stream().sorted().toList()) {
      if (!p.equals(file) && namesModel(p) && closure(p).contains(file)) return p;
    }
    for (Path dir : new Path[] {file.getParent(), file.getParent().getParent()}) {
      if (dir == null || !Files.isDirectory(dir)) continue;
      try (Stream<Path> files = Files.list(dir)) {
        for (Path p : files.filter(f -> f.toString().endsWith(".pool")).sorted().toList()) {
          if (!p.equals(file) && namesModel(p) && closure(p).contains(file)) return p;
        }
      } catch (IOException e) {
        // an unreadable directory offers no root
      }
    }
    return file;
  }

  private boolean namesModel(Path file) {
    for (Token t : parsed(file).tokens()) {
      if (t.kind() == TokenKind.MODEL) return true;
    }
    return false;
  }
}
