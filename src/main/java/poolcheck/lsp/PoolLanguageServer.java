package poolcheck.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The language server of `poolcheck lsp`: .pool files with full text synchronisation,
 * diagnostics, definition, hover, completion and outline (docs/editor.md).
 */
public final class PoolLanguageServer implements LanguageServer, LanguageClientAware {
  private final PoolDocuments documents = new PoolDocuments();
  private boolean shutdown;
  private int exitCode = 1;
  private java.util.concurrent.Future<Void> listening;

  /** Serves one client over the streams until it exits; the exit status LSP prescribes. */
  public static int serve(InputStream in, OutputStream out) {
    PoolLanguageServer server = new PoolLanguageServer();
    var launcher = LSPLauncher.createServerLauncher(server, in, out);
    server.connect(launcher.getRemoteProxy());
    server.listening = launcher.startListening();
    try {
      server.listening.get();
    } catch (java.util.concurrent.CancellationException e) {
      // exit: the client asked the server to stop
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      return 1;
    }
    return server.exitCode;
  }

  @Override
  public void connect(LanguageClient client) {
    documents.connect(client);
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    ServerCapabilities c = new ServerCapabilities();
    c.setTextDocumentSync(TextDocumentSyncKind.Full);
    c.setDefinitionProvider(true);
    c.setHoverProvider(true);
    c.setDocumentSymbolProvider(true);
    c.setCompletionProvider(new CompletionOptions(false, java.util.List.of()));
    return CompletableFuture.completedFuture(new InitializeResult(c,
        new ServerInfo("poolcheck", "0.1.0")));
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutdown = true;
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    exitCode = shutdown ? 0 : 1;
    if (listening != null) listening.cancel(true);
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return documents;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return new WorkspaceService() {
      @Override
      public void didChangeConfiguration(org.eclipse.lsp4j.DidChangeConfigurationParams p) { }

      @Override
      public void didChangeWatchedFiles(org.eclipse.lsp4j.DidChangeWatchedFilesParams p) { }
    };
  }
}
