package poolcheck.lsp;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;
import poolcheck.check.CheckedModel;
import poolcheck.compile.Compiler;
import poolcheck.language.Decl;
import poolcheck.language.ModelException;
import poolcheck.language.ModelLoader;
import poolcheck.language.Token;
import poolcheck.language.TokenKind;

/**
 * The model files open in the editor: each change is parsed and checked as part of its model
 * (diagnostics for every file of it), and definition, hover, completion and outline answer from
 * the declarations of the model's files.
 */
final class PoolDocuments implements TextDocumentService {
  private final SourceFiles files = new SourceFiles();
  /** The last model that checked, per root: hover reads resolved ranges and values from it. */
  private final Map<Path, CheckedModel> checked = new HashMap<>();
  private final Map<Path, Set<Path>> published = new HashMap<>();
  private LanguageClient client;

  void connect(LanguageClient languageClient) {
    this.client = languageClient;
  }

  static Path path(String uri) {
    return Path.of(URI.create(uri)).toAbsolutePath().normalize();
  }

  static String uri(Path file) {
    return file.toUri().toString();
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    Path file = path(params.getTextDocument().getUri());
    files.open(file, params.getTextDocument().getText());
    publish(file);
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    Path file = path(params.getTextDocument().getUri());
    // full synchronisation: the last change is the whole text
    var changes = params.getContentChanges();
    files.open(file, changes.get(changes.size() - 1).getText());
    publish(file);
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    files.close(path(params.getTextDocument().getUri()));
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    publish(path(params.getTextDocument().getUri()));
  }

  /** Checks the file's model and sends every file of it its diagnostics (none clears them). */
  private void publish(Path file) {
    Path root = files.root(file);
    Map<Path, List<Diagnostic>> byFile = new LinkedHashMap<>();
    for (Path p : files.closure(root)) byFile.put(p, new ArrayList<>());
    byFile.putIfAbsent(file, new ArrayList<>());
    try {
      var model = Compiler.compile(ModelLoader.load(root, files.unsaved()));
      checked.put(root, model.checked());
      for (poolcheck.language.Diagnostic d : model.warnings()) {
        add(byFile, root, d, DiagnosticSeverity.Warning);
      }
    } catch (ModelException e) {
      for (poolcheck.language.Diagnostic d : e.diagnostics()) {
        add(byFile, root, d, DiagnosticSeverity.Error);
      }
    } catch (IOException | RuntimeException e) {
      byFile.get(file).add(new Diagnostic(Ranges.of(1, 1, 1), "cannot check the model: "
          + e.getMessage(), DiagnosticSeverity.Error, "poolcheck"));
    }
    Set<Path> before = published.getOrDefault(root, Set.of());
    for (Path stale : before) byFile.putIfAbsent(stale, new ArrayList<>());
    published.put(root, new HashSet<>(byFile.keySet()));
    if (client == null) return;
    byFile.forEach((p, list) -> client.publishDiagnostics(
        new PublishDiagnosticsParams(uri(p), list)));
  }

  /** A diagnostic of the model, at its token's range in the file it names. */
  private void add(Map<Path, List<Diagnostic>> byFile, Path root, poolcheck.language.Diagnostic d,
      DiagnosticSeverity severity) {
    Path where = d.position().file().equals("command line") || d.position().file().equals("model")
        ? root : Path.of(d.position().file()).toAbsolutePath().normalize();
    Range range = Ranges.at(files.parsed(where).tokens(), d.position().line(),
        d.position().column());
    byFile.computeIfAbsent(where, k -> new ArrayList<>())
        .add(new Diagnostic(range, d.message(), severity, "poolcheck", d.code()));
  }

  /** Every declared name of the file's model. */
  private List<Definition> definitions(Path root) {
    List<Definition> out = new ArrayList<>();
    for (Path p : files.closure(root)) {
      SourceFiles.Parsed parsed = files.parsed(p);
      out.addAll(ModelIndex.of(p, parsed.decls(), parsed.tokens()));
    }
    return out;
  }

  /** The process or inline whose body holds the line, or null. */
  private String scope(Path file, int line) {
    String scope = null;
    for (Decl d : files.parsed(file).decls()) {
      if (d.pos().line() > line) break;
      scope = d instanceof Decl.Process p ? p.name() : d instanceof Decl.Inline i ? i.name()
          : null;
    }
    return scope;
  }

  /** What the name under the cursor refers to, scoped as the language scopes it. */
  private Definition resolve(Path file, org.eclipse.lsp4j.Position cursor) {
    List<Token> tokens = files.parsed(file).tokens();
    int i = Ranges.tokenAt(tokens, cursor);
    if (i < 0 || tokens.get(i).kind() != TokenKind.IDENT) return null;
    String name = tokens.get(i).text();
    String scope = scope(file, cursor.getLine() + 1);
    TokenKind before = i > 0 ? tokens.get(i - 1).kind() : null;
    TokenKind after = tokens.get(i + 1).kind();
    List<Definition> named = definitions(files.root(file)).stream()
        .filter(d -> d.name().equals(name)).toList();
    String owner = Ranges.instanceBefore(tokens, i);
    if (owner != null) {
      // reader[0].got or at(reader[0], done): a local or a label of that process, not ours
      boolean label = before == TokenKind.COMMA;
      for (Definition d : named) {
        if (d.kind().equals(label ? "step" : "local") && owner.equals(d.scope())) return d;
      }
      return label ? null : field(files.root(file), owner, named);
    }
    boolean labelPlace = before == TokenKind.GOTO || after == TokenKind.COLON
        || after == TokenKind.AT;
    for (Definition d : named) {
      if (labelPlace && d.kind().equals("step") && d.file().equals(file)
          && java.util.Objects.equals(d.scope(), scope)) {
        return d;
      }
    }
    for (Definition d : named) {
      if (d.kind().equals("local") && d.scope().equals(scope)) return d;
    }
    for (Definition d : named) {
      if (d.scope() == null) return d;
    }
    return named.isEmpty() ? null : named.get(0);
  }

  /**
   * {@code page[p].pp_ref} or {@code cur.pp_ref}: the field of the record type variable
   * {@code owner} is declared with (a type alias, or the record written in its declaration).
   */
  private Definition field(Path root, String owner, List<Definition> named) {
    List<Definition> fields = named.stream().filter(d -> d.kind().equals("field")).toList();
    for (Definition d : fields) {
      if (d.scope().equals(owner)) return d;
    }
    for (Definition v : definitions(root)) {
      if (!v.kind().equals("variable") || !v.name().equals(owner)) continue;
      for (Definition d : fields) {
        if (v.detail().matches("(ghost )?var " + owner + " : " + d.scope() + "(\\[.*|\\s.*|)")) {
          return d;
        }
      }
    }
    return null;
  }

  @Override
  public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>>
      definition(DefinitionParams params) {
    Path file = path(params.getTextDocument().getUri());
    List<Location> out = new ArrayList<>();
    List<Token> tokens = files.parsed(file).tokens();
    int i = Ranges.tokenAt(tokens, params.getPosition());
    if (i > 0 && tokens.get(i).kind() == TokenKind.STRING
        && tokens.get(i - 1).kind() == TokenKind.INCLUDE) {
      Path target = file.resolveSibling(tokens.get(i).text()).normalize();
      out.add(new Location(uri(target), Ranges.of(1, 1, 0)));
    } else {
      Definition d = resolve(file, params.getPosition());
      if (d != null) {
        out.add(new Location(uri(d.file()), Ranges.of(d.line(), d.column(), d.name().length())));
      }
    }
    return CompletableFuture.completedFuture(Either.forLeft(out));
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    Path file = path(params.getTextDocument().getUri());
    List<Token> tokens = files.parsed(file).tokens();
    int i = Ranges.tokenAt(tokens, params.getPosition());
    String text = null;
    if (i > 0 && tokens.get(i).kind() == TokenKind.IDENT
        && tokens.get(i - 1).kind() == TokenKind.AT) {
      text = "kernel function `" + tokens.get(i).text() + "`";
    } else {
      Definition d = resolve(file, params.getPosition());
      if (d != null) text = "`" + d.detail() + "`" + resolved(files.root(file), d);
    }
    if (text == null) return CompletableFuture.completedFuture(null);
    Token t = tokens.get(i);
    return CompletableFuture.completedFuture(new Hover(new MarkupContent(MarkupKind.MARKDOWN,
        text), Ranges.of(t.position().line(), t.position().column(), Ranges.length(t))));
  }

  /** The range or value the last successful check gave the name, if it checked. */
  private String resolved(Path root, Definition d) {
    CheckedModel model = checked.get(root);
    if (model == null) return "";
    if (d.kind().equals("variable") && model.globals().containsKey(d.name())) {
      return "\n\nvalues: " + model.globals().get(d.name()).type().describe();
    }
    if (d.kind().equals("local") && model.processes().containsKey(d.scope())) {
      var type = model.processes().get(d.scope()).localTypes().get(d.name());
      if (type != null) return "\n\nvalues: " + type.describe();
    }
    if (d.kind().equals("constant") && model.constants().containsKey(d.name())) {
      CheckedModel.Constant c = model.constants().get(d.name());
      return "\n\nvalue: " + (c.bool() ? String.valueOf(c.value() != 0) : c.value());
    }
    return "";
  }

  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(
      CompletionParams params) {
    Path file = path(params.getTextDocument().getUri());
    List<Token> tokens = files.parsed(file).tokens();
    int i = Ranges.tokenAt(tokens, params.getPosition());
    String prefix = "";
    if (i >= 0 && tokens.get(i).kind() == TokenKind.IDENT) {
      Token t = tokens.get(i);
      prefix = t.text().substring(0, Math.min(t.text().length(),
          params.getPosition().getCharacter() + 1 - t.position().column()));
    }
    String scope = scope(file, params.getPosition().getLine() + 1);
    Set<String> seen = new HashSet<>();
    List<CompletionItem> out = new ArrayList<>();
    for (Definition d : definitions(files.root(file))) {
      boolean visible = d.scope() == null || d.scope().equals(scope);
      if (!visible || !d.name().startsWith(prefix) || !seen.add(d.name())) continue;
      CompletionItem item = new CompletionItem(d.name());
      item.setKind(completionKind(d.kind()));
      item.setDetail(d.detail());
      out.add(item);
    }
    for (TokenKind k : TokenKind.values()) {
      if (k.isKeyword() && k.spelling().startsWith(prefix) && seen.add(k.spelling())) {
        CompletionItem item = new CompletionItem(k.spelling());
        item.setKind(CompletionItemKind.Keyword);
        out.add(item);
      }
    }
    return CompletableFuture.completedFuture(Either.forLeft(out));
  }

  private static CompletionItemKind completionKind(String kind) {
    return switch (kind) {
      case "constant" -> CompletionItemKind.Constant;
      case "variable", "local" -> CompletionItemKind.Variable;
      case "step" -> CompletionItemKind.Event;
      case "process", "type", "enum" -> CompletionItemKind.Class;
      case "enum value" -> CompletionItemKind.EnumMember;
      case "inline", "def" -> CompletionItemKind.Function;
      default -> CompletionItemKind.Text;
    };
  }

  @Override
  public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
      DocumentSymbolParams params) {
    Path file = path(params.getTextDocument().getUri());
    SourceFiles.Parsed parsed = files.parsed(file);
    List<Definition> defs = ModelIndex.of(file, parsed.decls(), parsed.tokens());
    Map<String, DocumentSymbol> containers = new LinkedHashMap<>();
    List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
    for (Definition d : defs) {
      if (d.scope() != null || d.kind().equals("enum value")) continue;
      DocumentSymbol s = symbol(d);
      if (d.kind().equals("process") || d.kind().equals("inline")) {
        s.setChildren(new ArrayList<>());
        containers.put(d.name(), s);
      }
      out.add(Either.forRight(s));
    }
    for (Definition d : defs) {
      if (d.scope() != null && containers.containsKey(d.scope())) {
        containers.get(d.scope()).getChildren().add(symbol(d));
      }
    }
    return CompletableFuture.completedFuture(out);
  }

  private static DocumentSymbol symbol(Definition d) {
    Range r = Ranges.of(d.line(), d.column(), d.name().length());
    SymbolKind kind = switch (d.kind()) {
      case "constant" -> SymbolKind.Constant;
      case "variable", "local", "lock" -> SymbolKind.Variable;
      case "step" -> SymbolKind.Event;
      case "process" -> SymbolKind.Class;
      case "inline", "def" -> SymbolKind.Function;
      case "property" -> SymbolKind.Property;
      case "enum" -> SymbolKind.Enum;
      case "type" -> SymbolKind.TypeParameter;
      default -> SymbolKind.Namespace;
    };
    return new DocumentSymbol(d.name(), kind, r, r, d.detail());
  }
}
