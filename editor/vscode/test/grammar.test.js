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

  // The innermost scope at the nth (from 0) occurrence of a word on a line, inside a longer
  // token too: a name is part of the text around it.
  function scopeOfWord(file, tokens, line, word, nth) {
    const text = fs.readFileSync(path.join(root, file), "utf8").split(/\r?\n/)[line - 1];
    let at = -1;
    for (let i = 0; i <= nth; i++) at = text.indexOf(word, at + 1);
    assert.ok(at >= 0, `no '${word}' number ${nth} on line ${line} of ${file}`);
    const t = tokens.find((t) => t[0] === line && t[1] - 1 <= at && at < t[1] - 1 + t[2].length);
    return t[3];
  }

  // Lines found by their text, so that an edit of the models does not move them.
  function lineOf(file, pattern, from = 1) {
    const lines = fs.readFileSync(path.join(root, file), "utf8").split(/\r?\n/);
    for (let i = from - 1; i < lines.length; i++) if (pattern.test(lines[i])) return i + 1;
    throw new Error(`no line of ${file} matches ${pattern}`);
  }

  const v612 = "models/page_pool_v6_12.pool";
  const model = tokenize(v612);
  assert.strictEqual(scopeAt(model, 1, "// The page_pool of Linux v6.12 (net/core/page_pool.c, include/net/page_pool/"), "comment.line.double-slash.pool");
  assert.strictEqual(scopeAt(model, lineOf(v612, /^model /), "model"), "keyword.declaration.pool");
  const needSync = lineOf(v612, /^const NEED_SYNC = false;/);
  assert.strictEqual(scopeAt(model, needSync, "const"), "keyword.declaration.pool");
  assert.strictEqual(scopeAt(model, needSync, "false"), "constant.language.pool");
  assert.strictEqual(scopeAt(model, lineOf(v612, /^const RETURN_CONTEXT : 0 \.\. 3 = 0;/), "3"), "constant.numeric.integer.pool");
  const include = lineOf(v612, /^include /);
  assert.strictEqual(scopeAt(model, include, "include"), "keyword.declaration.pool");
  assert.strictEqual(scopeAt(model, include, "common/page_pool.pool"), "string.quoted.double.pool");

  const shared = "models/common/page_pool.pool";
  const common = tokenize(shared);
  const napi = lineOf(shared, /^process napi \{/);
  assert.strictEqual(scopeAt(common, napi, "process"), "keyword.declaration.pool");
  const poll = lineOf(shared, /^  poll @napi_poll: \{/, napi);
  assert.strictEqual(scopeAt(common, poll, "poll"), "entity.name.label.pool");
  assert.strictEqual(scopeAt(common, poll, "napi_poll"), "entity.name.function.kernel.pool");
  assert.strictEqual(scopeAt(common, lineOf(shared, /^\s+goto frag_alloc;/, poll), "goto"), "keyword.control.pool");
  const invariant = lineOf(shared, /^invariant inflight_nonnegative: inflight >= 0;/);
  assert.strictEqual(scopeAt(common, invariant, "invariant"), "keyword.declaration.pool");
  assert.strictEqual(scopeAt(common, invariant, "0"), "constant.numeric.integer.pool");
  assert.strictEqual(scopeAt(common, invariant, ">="), "keyword.operator.pool");

  const defs = "src/test/resources/corpus/verified/defs_take_slots.pool";
  const defTokens = tokenize(defs);
  assert.strictEqual(scopeAt(defTokens, lineOf(defs, /^def free\(s\)/), "def"), "keyword.declaration.pool");
  const assumes = "src/test/resources/corpus/verified/assume_bounds_counter.pool";
  assert.strictEqual(scopeAt(tokenize(assumes), lineOf(assumes, /^assume /), "assume"), "keyword.declaration.pool");

  // The contextual words: keywords where they declare or start a liveness condition, names
  // elsewhere; self the instance only where an expression reads it.
  const words = "src/test/resources/corpus/verified/declaration_words_as_names.pool";
  const wordTokens = tokenize(words);
  const expand = lineOf(words, /^  inline inline\(fairness\);/);
  assert.strictEqual(scopeOfWord(words, wordTokens, expand, "inline", 0), "keyword.declaration.pool");
  assert.strictEqual(scopeOfWord(words, wordTokens, expand, "inline", 1), "source.pool");
  assert.strictEqual(scopeOfWord(words, wordTokens, lineOf(words, /^const fairness = 2;/), "fairness", 0), "source.pool");
  assert.strictEqual(scopeOfWord(words, wordTokens, lineOf(words, /^fairness weak: inline;/), "fairness", 0), "keyword.declaration.pool");
  const always = lineOf(words, /^liveness always: always eventually /);
  assert.strictEqual(scopeOfWord(words, wordTokens, always, "liveness", 0), "keyword.declaration.pool");
  assert.strictEqual(scopeOfWord(words, wordTokens, always, "always", 1), "keyword.operator.temporal.pool");
  assert.strictEqual(scopeOfWord(words, wordTokens, always, "eventually", 0), "keyword.operator.temporal.pool");
  const eventually = lineOf(words, /^liveness eventually: eventually eventually == /);
  assert.strictEqual(scopeOfWord(words, wordTokens, eventually, "eventually", 1), "keyword.operator.temporal.pool");
  assert.strictEqual(scopeOfWord(words, wordTokens, eventually, "eventually", 2), "source.pool");
  assert.strictEqual(scopeOfWord(words, wordTokens, lineOf(words, /^liveness fairness: always ~> /), "always", 0), "source.pool");
  assert.strictEqual(scopeOfWord(words, wordTokens, lineOf(words, /^var page : record \{ self : bool/), "self", 0), "source.pool");
  const counters = "src/test/resources/corpus/verified/independent_counters.pool";
  assert.strictEqual(scopeOfWord(counters, tokenize(counters), lineOf(counters, /\[self\]/), "self", 0), "constant.language.pool");
  console.log(`grammar: ${model.length + common.length + wordTokens.length} tokens, 28 scopes as expected`);
}

main().catch((e) => { console.error(e.message); process.exit(1); });
