// Tokenizes the shipped models with the TextMate grammar, as VS Code does, and checks the
// scopes of keywords, comments, strings, numbers and step annotations at known places.
"use strict";
const fs = require("fs");
const path = require("path");
const assert = require("assert");
const vsctm = require("vscode-textmate");
const oniguruma = require("vscode-oniguruma");

const root = path.join(__dirname, "..", "..", "..");
const wasm = fs.readFileSync(path.join(path.dirname(require.resolve("vscode-oniguruma")), "onig.wasm"));

async function main() {
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () => vsctm.parseRawGrammar(
      fs.readFileSync(path.join(__dirname, "..", "syntaxes", "pool.tmLanguage.json"), "utf8"),
      "pool.tmLanguage.json"),
  });
  const grammar = await registry.loadGrammar("source.pool");

  // Every token of a file: [line (1-based), column (1-based), text, innermost scope].
  function tokenize(file) {
    const lines = fs.readFileSync(path.join(root, file), "utf8").split(/\r?\n/);
    let stack = vsctm.INITIAL;
    const out = [];
    lines.forEach((line, i) => {
      const r = grammar.tokenizeLine(line, stack);
      for (const t of r.tokens) {
        out.push([i + 1, t.startIndex + 1, line.substring(t.startIndex, t.endIndex), t.scopes[t.scopes.length - 1]]);
      }
      stack = r.ruleStack;
    });
    return out;
  }
  function scopeAt(tokens, line, text) {
    const t = tokens.find((t) => t[0] === line && t[2] === text);
    assert.ok(t, `no token '${text}' on line ${line}`);
    return t[3];
  }

  const model = tokenize("models/page_pool_v6_12.pool");
  assert.strictEqual(scopeAt(model, 1, "// The page_pool of Linux v6.12 (net/core/page_pool.c, include/net/page_pool/"), "comment.line.double-slash.pool");
  assert.strictEqual(scopeAt(model, 13, "model"), "keyword.declaration.pool");
  assert.strictEqual(scopeAt(model, 19, "const"), "keyword.declaration.pool");
  assert.strictEqual(scopeAt(model, 19, "false"), "constant.language.pool");
  assert.strictEqual(scopeAt(model, 38, "3"), "constant.numeric.integer.pool");
  assert.strictEqual(scopeAt(model, 50, "include"), "keyword.declaration.pool");
  assert.strictEqual(scopeAt(model, 50, "common/page_pool.pool"), "string.quoted.double.pool");

  const common = tokenize("models/common/page_pool.pool");
  assert.strictEqual(scopeAt(common, 903, "process"), "keyword.declaration.pool");
  assert.strictEqual(scopeAt(common, 912, "poll"), "entity.name.label.pool");
  assert.strictEqual(scopeAt(common, 912, "napi_poll"), "entity.name.function.kernel.pool");
  assert.strictEqual(scopeAt(common, 927, "goto"), "keyword.control.pool");
  assert.strictEqual(scopeAt(common, 3495, "invariant"), "keyword.declaration.pool");
  assert.strictEqual(scopeAt(common, 3495, "0"), "constant.numeric.integer.pool");
  assert.strictEqual(scopeAt(common, 3495, ">="), "keyword.operator.pool");
  console.log(`grammar: ${model.length + common.length} tokens, 14 scopes as expected`);
}

main().catch((e) => { console.error(e.message); process.exit(1); });
