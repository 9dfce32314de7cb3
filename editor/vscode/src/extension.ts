// Starts `poolcheck lsp` for .pool files: the server does all the work (docs/editor.md).
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const command = vscode.workspace.getConfiguration("poolcheck").get<string[]>("command", ["poolcheck", "lsp"]);
  const server: ServerOptions = { command: command[0], args: command.slice(1), transport: TransportKind.stdio };
  const options: LanguageClientOptions = { documentSelector: [{ scheme: "file", language: "pool" }] };
  client = new LanguageClient("poolcheck", "poolcheck", server, options);
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
