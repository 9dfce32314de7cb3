package poolcheck.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import poolcheck.lsp.PoolLanguageServer;

@Command(name = "lsp", mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit status:%n", exitCodeList = {
        "0:the client asked to shut down, then to exit",
        "1:the client exited without shutting down, or the connection broke",
        "2:bad usage or an internal error",
        "3:out of memory"},
    description = "Run the language server on standard input and output (the Language Server "
        + "Protocol), for editors: diagnostics, definition, hover, completion, outline of .pool "
        + "files (docs/editor.md).")
final class LspCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return PoolLanguageServer.serve(System.in, System.out);
  }
}
