package poolcheck.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import poolcheck.compile.Models;
import poolcheck.compile.CompiledModel;
import poolcheck.explore.Explorer;
import poolcheck.result.CheckResult;
import poolcheck.result.Verdict;

class InlinerTest {
  /** One return path shared by two contexts, as page_pool_return_page is. */
  private static final String SHARED = """
      var mapped : bool = true;
      var inflight : 0 .. 2 = 2;
      inline return_page(back, who) {
        unmap @dma_unmap_page_attrs: { mapped = false; }
        release @atomic_inc_return_relaxed: { inflight = inflight - who; goto back; }
      }
      process napi {
        poll: { skip; }
        inline return_page(done, 1);
      }
      process stack {
        put: { skip; }
        inline return_page(put_done, 1);
        put_done: { skip; }
      }
      invariant nonnegative: inflight >= 0;
      """;

  @Test
  void splicesTheInlineStepsIntoEachProcessWithItsArguments() throws Exception {
    ParsedModel parsed = ModelLoader.fromText("m.pool", SHARED);
    Decl.Process stack = parsed.decls().stream().filter(d -> d instanceof Decl.Process p
        && p.name().equals("stack")).map(d -> (Decl.Process) d).findFirst().orElseThrow();
    assertEquals(List.of("put", "unmap", "release", "put_done"),
        stack.steps().stream().map(Decl.Step::label).toList());
    Stmt.Goto back = (Stmt.Goto) stack.steps().get(2).body().get(1);
    assertEquals("put_done", back.label());
    assertEquals(0, stack.uses().size());
  }

  @Test
  void expandedModelBehavesLikeTheWrittenOutOne() throws Exception {
    CompiledModel m = Models.fromText("m.pool", SHARED);
    CheckResult r = new Explorer(m).run();
    assertEquals(Verdict.VERIFIED, r.verdict());
    // napi: poll, unmap, release, done (4 pcs); stack: put, unmap, release, put_done, done (5);
    // both start mapped with inflight 2; every interleaving of the two sequences, with mapped
    // and inflight determined by the pcs: 4 * 5 = 20 states.
    assertEquals(20, r.statistics().distinct());
  }

  /** A range's bound is an expression like any other (it read a global of the name before). */
  @Test
  void replacesAParameterInTheBoundsOfAChooseForOrQuantifier() throws Exception {
    ParsedModel parsed = ModelLoader.fromText("m.pool", """
        const K = 3;
        const n = 1;
        var x : 0 .. 5 = 0;
        var all : bool = false;
        inline pick(n) {
          s: { choose v in 0 .. n { x = v; } for i in n .. 5 { x = i; } }
          t: { all = forall j in 0 .. n: j <= x; }
        }
        process p { inline pick(K); }
        """);
    Decl.Process p = (Decl.Process) parsed.decls().stream()
        .filter(d -> d instanceof Decl.Process).findFirst().orElseThrow();
    Stmt.Choose choose = (Stmt.Choose) p.steps().get(0).body().get(0);
    Stmt.For each = (Stmt.For) p.steps().get(0).body().get(1);
    Expr.Quantifier forall = (Expr.Quantifier) ((Stmt.Assign) p.steps().get(1).body().get(0))
        .value();
    assertEquals("K", ((Expr.Name) ((TypeExpr.Range) choose.domain()).hi()).name());
    assertEquals("K", ((Expr.Name) ((TypeExpr.Range) each.domain()).lo()).name());
    assertEquals("K", ((Expr.Name) ((TypeExpr.Range) forall.domain()).hi()).name());
  }

  @Test
  void reportsUnknownInlineAndWrongArity() {
    ModelException unknown = assertThrows(ModelException.class, () -> ModelLoader.fromText(
        "m.pool", "process p {\n  a: { skip; }\n  inline nothing(a);\n}\n"));
    assertEquals("PC104", unknown.first().code());
    assertEquals(3, unknown.first().position().line());
    ModelException arity = assertThrows(ModelException.class, () -> ModelLoader.fromText(
        "m.pool", SHARED.replace("inline return_page(done, 1);", "inline return_page(done);")));
    assertEquals("PC111", arity.first().code());
  }

  @Test
  void aLabelParameterMustBeGivenALabel() {
    ModelException e = assertThrows(ModelException.class, () -> ModelLoader.fromText("m.pool",
        SHARED.replace("inline return_page(done, 1);", "inline return_page(1 + 1, 1);")));
    assertEquals("PC106", e.first().code());
  }

  /** The ring produce of page_pool_recycle_in_ring under each context's own labels and call. */
  private static final String RENAMED = """
      var locked : bool = false;
      inline recycle_in_ring(produce, produce_fn, unlock, back) {
        produce @produce_fn: when (!locked) { locked = true; }
        unlock @spin_unlock: { locked = false; goto back; }
      }
      process napi {
        inline recycle_in_ring(ring_produce, ptr_ring_produce, ring_unlock, done);
      }
      process stack {
        put: { skip; }
        inline recycle_in_ring(produce, ptr_ring_produce_bh, unlock, put_done);
        put_done: { skip; }
      }
      """;

  @Test
  void aParameterAsAStepsLabelOrFunctionNamesTheArgument() throws Exception {
    ParsedModel parsed = ModelLoader.fromText("m.pool", RENAMED);
    List<Decl.Step> napi = steps(parsed, "napi");
    assertEquals(List.of("ring_produce", "ring_unlock"), napi.stream().map(Decl.Step::label)
        .toList());
    assertEquals(List.of("ptr_ring_produce", "spin_unlock"), napi.stream()
        .map(Decl.Step::kernelFunction).toList());
    List<Decl.Step> stack = steps(parsed, "stack");
    assertEquals(List.of("put", "produce", "unlock", "put_done"), stack.stream()
        .map(Decl.Step::label).toList());
    assertEquals("ptr_ring_produce_bh", stack.get(1).kernelFunction());
    // napi: ring_produce, ring_unlock, done; stack: put, produce, unlock, put_done, done; the
    // lock is held exactly when one of them is at its unlock step: 3 * 5 - 1 = 14 (both at
    // their unlock would need the lock taken twice).
    CheckResult r = new Explorer(Models.fromText("m.pool", RENAMED)).run();
    assertEquals(14, r.statistics().distinct());
  }

  @Test
  void aStepLabelOrFunctionParameterMustBeGivenAName() {
    ModelException label = assertThrows(ModelException.class, () -> ModelLoader.fromText(
        "m.pool", RENAMED.replace("inline recycle_in_ring(ring_produce,",
            "inline recycle_in_ring(1,")));
    assertEquals("PC106", label.first().code());
    ModelException function = assertThrows(ModelException.class, () -> ModelLoader.fromText(
        "m.pool", RENAMED.replace("ptr_ring_produce_bh", "locked == true")));
    assertEquals("PC106", function.first().code());
  }

  @Test
  void aProcessUsesAnInlineTwiceUnderTwoSetsOfLabels() throws Exception {
    // The teardown's synchronize_net(), before the xarray scan and before the item scan.
    String twice = """
        var waits : bool = false;
        var slot : 0 .. 2 = 2;
        inline grace_period(start, wait, back) {
          start @synchronize_net: { waits = true; }
          wait @synchronize_net: { waits = false; slot = 0; goto back; }
        }
        process unbind {
          inline grace_period(scrub_sync_net, scrub_sync_wait, xa_scan);
          xa_scan @xa_for_each: { slot = 2; goto item_sync_net; }
          inline grace_period(item_sync_net, item_sync_wait, item_scan);
          item_scan @test_bit: { slot = 2; }
        }
        """;
    assertEquals(List.of("scrub_sync_net", "scrub_sync_wait", "xa_scan", "item_sync_net",
        "item_sync_wait", "item_scan"), steps(ModelLoader.fromText("m.pool", twice), "unbind")
        .stream().map(Decl.Step::label).toList());
    // One process, one path: one state per label plus done, 7 in all.
    CheckResult r = new Explorer(Models.fromText("m.pool", twice)).run();
    assertEquals(7, r.statistics().distinct());
  }

  private static List<Decl.Step> steps(ParsedModel parsed, String process) {
    return parsed.decls().stream().filter(d -> d instanceof Decl.Process p
        && p.name().equals(process)).map(d -> ((Decl.Process) d).steps()).findFirst()
        .orElseThrow();
  }
}
