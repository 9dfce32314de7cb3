package poolcheck.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as an editor meets it: LSP4J's client launcher over piped streams, on the shipped
 * v6.12 model and its include, every answer at an exact position (0-based lines and columns).
 */
class PoolLanguageServerTest {
  private static final Path MODEL = Path.of("models/page_pool_v6_12.pool").toAbsolutePath();
  private static final Path COMMON = Path.of("models/common/page_pool.pool").toAbsolutePath();

  private final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
  private LanguageServer server;
  private CompletableFuture<Integer> serving;

  @BeforeEach
  void start() throws Exception {
    PipedInputStream serverIn = new PipedInputStream(1 << 16);
    PipedOutputStream clientOut = new PipedOutputStream(serverIn);
    PipedInputStream clientIn = new PipedInputStream(1 << 16);
    PipedOutputStream serverOut = new PipedOutputStream(clientIn);
    serving = CompletableFuture.supplyAsync(() -> PoolLanguageServer.serve(serverIn, serverOut));
    var launcher = LSPLauncher.createClientLauncher(new Client(), clientIn, clientOut);
    launcher.startListening();
    server = launcher.getRemoteProxy();
    server.initialize(new InitializeParams()).get(30, TimeUnit.SECONDS);
    open(MODEL);
    open(COMMON);
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown().get(30, TimeUnit.SECONDS);
    server.exit();
    // shutdown then exit: the server stops listening with status 0
    assertEquals(0, serving.get(30, TimeUnit.SECONDS));
  }

  private void open(Path file) throws IOException {
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(
        file.toUri().toString(), "pool", 1, Files.readString(file))));
  }

  /** The diagnostics published next for a file, skipping those for other files. */
  private PublishDiagnosticsParams next(Path file) throws InterruptedException {
    while (true) {
      PublishDiagnosticsParams p = diagnostics.poll(60, TimeUnit.SECONDS);
      if (p == null) throw new AssertionError("no diagnostics for " + file);
      if (p.getUri().equals(file.toUri().toString())) return p;
    }
  }

  /**
   * The 0-based line of the shared model's first line holding {@code text} at or after the first
   * line holding {@code after}: the positions follow edits of the shared model.
   */
  private static int line(String after, String text) throws IOException {
    List<String> lines = Files.readAllLines(COMMON);
    int from = lines.stream().filter(l -> l.contains(after)).findFirst().map(lines::indexOf)
        .orElseThrow(() -> new AssertionError("not in the shared model: " + after));
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) return i;
    }
    throw new AssertionError("not in the shared model after " + after + ": " + text);
  }

  private static int line(String text) throws IOException {
    return line(text, text);
  }

  private static String where(Location l) {
    return Path.of(java.net.URI.create(l.getUri())).getFileName() + ":"
        + l.getRange().getStart().getLine() + ":" + l.getRange().getStart().getCharacter() + "-"
        + l.getRange().getEnd().getCharacter();
  }

  private List<? extends Location> definition(Path file, int line, int character)
      throws Exception {
    return server.getTextDocumentService().definition(new DefinitionParams(
        new TextDocumentIdentifier(file.toUri().toString()), new Position(line, character)))
        .get(30, TimeUnit.SECONDS).getLeft();
  }

  private String hover(Path file, int line, int character) throws Exception {
    Hover h = server.getTextDocumentService().hover(new HoverParams(
        new TextDocumentIdentifier(file.toUri().toString()), new Position(line, character)))
        .get(30, TimeUnit.SECONDS);
    return h.getContents().getRight().getValue();
  }

  @Test
  void aCleanModelGetsEmptyDiagnosticsAndAnEditGetsItsErrorWithCodeAndRange() throws Exception {
    assertEquals(List.of(), next(MODEL).getDiagnostics());
    String text = Files.readString(MODEL) + "invariant oops: no_such_name > 0;\n";
    int line = (int) text.lines().count() - 1;
    var change = new TextDocumentContentChangeEvent(text);
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
        new VersionedTextDocumentIdentifier(MODEL.toUri().toString(), 2), List.of(change)));
    PublishDiagnosticsParams p;
    do {
      p = next(MODEL);
    } while (p.getDiagnostics().isEmpty());
    assertEquals(1, p.getDiagnostics().size(), p.toString());
    var d = p.getDiagnostics().get(0);
    assertEquals("PC104", d.getCode().getLeft());
    assertEquals(line, d.getRange().getStart().getLine());
    assertEquals(16, d.getRange().getStart().getCharacter());
    assertEquals(28, d.getRange().getEnd().getCharacter());
    assertTrue(d.getMessage().getLeft().startsWith("unknown name 'no_such_name'"), d.getMessage().getLeft());
  }

  /** What `poolcheck lint` prints as a warning comes as one, and does not stop the outline. */
  @Test
  void aWarningIsPublishedWithWarningSeverity(@TempDir Path dir) throws Exception {
    Path wide = dir.resolve("wide.pool");
    Files.writeString(wide, """
        model wide;
        const CPUS = 9;
        type Cpu = scalarset(CPUS);
        var busy : bool[Cpu] = false;
        process worker[2] {
          run: { choose c in Cpu { when (!busy[c]); busy[c] = true; } }
        }
        invariant some_free: exists c in Cpu: !busy[c];
        """);
    open(wide);
    PublishDiagnosticsParams p = next(wide);
    assertEquals(1, p.getDiagnostics().size(), p.toString());
    var d = p.getDiagnostics().get(0);
    assertEquals(DiagnosticSeverity.Warning, d.getSeverity());
    assertEquals("PC145", d.getCode().getLeft());
    assertEquals(2, d.getRange().getStart().getLine());
    assertEquals(0, d.getRange().getStart().getCharacter());
    assertTrue(d.getMessage().getLeft().startsWith("symmetry reduction is off for scalarset Cpu"),
        d.getMessage().getLeft());
  }

  @Test
  void goesToTheIncludedFile() throws Exception {
    // the design's line include "common/page_pool.pool";, found rather than numbered: every
    // constant a design declares moves it
    int include = Files.readAllLines(MODEL).indexOf("include \"common/page_pool.pool\";");
    assertTrue(include > 0);
    assertEquals(List.of("page_pool.pool:0:0-1"),
        definition(MODEL, include, 12).stream().map(PoolLanguageServerTest::where).toList());
  }

  @Test
  void goesToALabelALocalAnInlineAVariableAndAConstant() throws Exception {
    // goto alloc; in napi's poll -> the step alloc of process napi
    assertEquals(List.of("page_pool.pool:" + line("process napi {", "  alloc @") + ":2-7"),
        definition(COMMON, line("process napi {", "goto alloc;"), 13).stream()
            .map(PoolLanguageServerTest::where).toList());
    // inline recycle_in_ring(...) used in napi -> its declaration
    assertEquals(List.of("page_pool.pool:" + line("inline recycle_in_ring(produce,") + ":7-22"),
        definition(COMMON, line("process napi {", "inline recycle_in_ring("), 12).stream()
            .map(PoolLanguageServerTest::where).toList());
    // PAGES in an invariant -> const PAGES
    assertEquals(List.of("page_pool.pool:" + line("const PAGES :") + ":6-11"),
        definition(COMMON, line("invariant inflight_bounded:"), 41).stream()
            .map(PoolLanguageServerTest::where).toList());
    // a use of the global dev_bound -> var dev_bound
    int devBound = line("var dev_bound :");
    assertEquals(List.of("page_pool.pool:" + devBound + ":4-13"),
        definition(COMMON, devBound, 6).stream().map(PoolLanguageServerTest::where).toList());
  }

  @Test
  void hoverShowsTypeRangeValueAndKernelFunction() throws Exception {
    int poll = line("process napi {", "  poll @napi_poll:");
    assertEquals("`step poll of process napi, kernel function napi_poll`",
        hover(COMMON, poll, 3));
    assertEquals("kernel function `napi_poll`", hover(COMMON, poll, 10));
    assertEquals("`const PAGES : 1 .. 8 = 2`\n\nvalue: 2",
        hover(COMMON, line("const PAGES :"), 7));
    assertEquals("`var refilled : 0 .. CACHE_REFILL = 0 (local of napi)`\n\nvalues: 0 .. 1",
        hover(COMMON, line("process napi {", "var refilled :"), 8));
    assertEquals("`var dev_bound : bool = true`\n\nvalues: bool",
        hover(COMMON, line("var dev_bound :"), 6));
  }

  /**
   * A property reading {@code reader[1].got} names reader's local, not the writer's local of the
   * same name declared first; {@code at(reader[0], read)} names reader's step.
   */
  @Test
  void anotherProcesssLocalAndLabelResolveInThatProcess(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("locals.pool");
    Files.writeString(model, """
        model locals;
        var x : 0 .. 3 = 0;
        process writer {
          var got : bool = false;
          read: { got = true; x = 1; }
        }
        process reader[2] {
          var got : 0 .. 3 = 0;
          read: { got = x; }
        }
        invariant bounded: reader[1].got <= 3 && (at(reader[0], read) || writer.got || true);
        """);
    open(model);
    assertEquals(List.of(), next(model).getDiagnostics());
    assertEquals(List.of("locals.pool:7:6-9"), definition(model, 10, 31).stream()
        .map(PoolLanguageServerTest::where).toList());
    assertEquals("`var got : 0 .. 3 = 0 (local of reader)`\n\nvalues: 0 .. 3",
        hover(model, 10, 31));
    assertEquals(List.of("locals.pool:8:2-6"), definition(model, 10, 56).stream()
        .map(PoolLanguageServerTest::where).toList());
    assertEquals(List.of("locals.pool:3:6-9"), definition(model, 10, 73).stream()
        .map(PoolLanguageServerTest::where).toList());
  }

  /**
   * {@code page[1].pp_ref} names a field of page's record type and {@code reader[0].got} a local
   * of reader: the same syntax, told apart by what the name before the '.' is.
   */
  @Test
  void aFieldResolvesToItsRecordTypeBesideAnotherProcesssLocal(@TempDir Path dir)
      throws Exception {
    Path model = dir.resolve("records.pool");
    Files.writeString(model, """
        model records;
        type Page = record { pp_ref : 0 .. 3, mapped : bool };
        var page : Page[0 .. 1];
        var stats : record { allocs : 0 .. 3 };
        process reader[2] {
          var got : 0 .. 3 = 0;
          read: { got = page[1].pp_ref; stats.allocs = 1; }
        }
        invariant i: reader[0].got <= page[0].pp_ref + 3 && stats.allocs <= 3;
        """);
    open(model);
    assertEquals(List.of(), next(model).getDiagnostics());
    assertEquals(List.of("records.pool:1:21-27"), definition(model, 6, 25).stream()
        .map(PoolLanguageServerTest::where).toList());
    assertEquals("`field pp_ref : 0 .. 3 of record Page`", hover(model, 6, 25));
    assertEquals(List.of("records.pool:3:21-27"), definition(model, 6, 41).stream()
        .map(PoolLanguageServerTest::where).toList());
    assertEquals("`field allocs : 0 .. 3 of variable stats`", hover(model, 6, 41));
    assertEquals(List.of("records.pool:5:6-9"), definition(model, 8, 24).stream()
        .map(PoolLanguageServerTest::where).toList());
    assertEquals(List.of("records.pool:1:21-27"), definition(model, 8, 40).stream()
        .map(PoolLanguageServerTest::where).toList());
    assertEquals(List.of("records.pool:2:4-8"), definition(model, 8, 33).stream()
        .map(PoolLanguageServerTest::where).toList());
  }

  /** A two-dimensional array: its hover shows both dimensions, its uses go to its declaration. */
  @Test
  void aTwoDimensionalArrayHasItsTypeAndItsDeclaration(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("tables.pool");
    Files.writeString(model, """
        model tables;
        type PageId = scalarset(2);
        var held : bool[PageId][0 .. 1] = false;
        process cpu[2] {
          take: { choose p in PageId { when (!held[p][self]); held[p][self] = true; } }
        }
        invariant one: forall p in PageId: !(held[p][0] && held[p][1]);
        """);
    open(model);
    assertEquals(List.of(), next(model).getDiagnostics());
    assertEquals(List.of("tables.pool:2:4-8"), definition(model, 4, 39).stream()
        .map(PoolLanguageServerTest::where).toList());
    assertEquals(List.of("tables.pool:2:4-8"), definition(model, 6, 39).stream()
        .map(PoolLanguageServerTest::where).toList());
    assertEquals("`var held : bool[PageId][0 .. 1] = false`\n\nvalues: "
        + "bool[scalarset PageId][0 .. 1]", hover(model, 4, 39));
  }

  /** A wrong number of indices is a diagnostic with its code, at the array's name. */
  @Test
  void aTwoDimensionalArrayIndexedOnceIsADiagnostic(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("tables.pool");
    Files.writeString(model, """
        model tables;
        var held : bool[0 .. 1][0 .. 1] = false;
        process cpu { take: { when (!held[0]); held[1][0] = true; } }
        """);
    open(model);
    List<String> codes = next(model).getDiagnostics().stream()
        .map(d -> d.getCode().getLeft() + " " + d.getRange().getStart().getLine() + ":"
            + d.getRange().getStart().getCharacter())
        .toList();
    assertEquals(List.of("PC128 2:29"), codes);
  }

  @Test
  void completesNamesByPrefix() throws Exception {
    List<String> labels = server.getTextDocumentService().completion(new CompletionParams(
        new TextDocumentIdentifier(COMMON.toUri().toString()),
        new Position(line("var dev_bound :"), 9)))
        .get(30, TimeUnit.SECONDS).getLeft().stream().map(CompletionItem::getLabel).toList();
    assertEquals(List.of("dev_bound"), labels);
  }

  @Test
  void outlinesProcessesWithTheirStepsAndProperties() throws Exception {
    List<DocumentSymbol> symbols = server.getTextDocumentService().documentSymbol(
        new DocumentSymbolParams(new TextDocumentIdentifier(COMMON.toUri().toString())))
        .get(30, TimeUnit.SECONDS).stream().map(e -> e.getRight()).toList();
    DocumentSymbol napi = symbols.stream().filter(s -> s.getName().equals("napi")).findFirst()
        .orElseThrow();
    assertEquals(line("process napi {"), napi.getSelectionRange().getStart().getLine());
    DocumentSymbol poll = napi.getChildren().stream().filter(s -> s.getName().equals("poll"))
        .findFirst().orElseThrow();
    assertEquals(line("process napi {", "  poll @napi_poll:"),
        poll.getRange().getStart().getLine());
    assertEquals(2, poll.getRange().getStart().getCharacter());
    DocumentSymbol inv = symbols.stream()
        .filter(s -> s.getName().equals("inflight_nonnegative")).findFirst().orElseThrow();
    assertEquals(line("invariant inflight_nonnegative:"), inv.getRange().getStart().getLine());
  }

  private final class Client implements LanguageClient {
    @Override
    public void telemetryEvent(Object object) { }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams params) {
      diagnostics.add(params);
    }

    @Override
    public void showMessage(MessageParams messageParams) { }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(
        ShowMessageRequestParams requestParams) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) { }
  }
}
