package poolcheck.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Compiler;
import poolcheck.system.Transition;
import poolcheck.explore.Explorer;
import poolcheck.result.CheckResult;
import poolcheck.result.Verdict;

class LocksTest {
  private static String corpus(String name) throws IOException, URISyntaxException {
    return Files.readString(Path.of(LocksTest.class.getResource("/corpus/" + name).toURI()),
        StandardCharsets.UTF_8);
  }

  private static CheckResult check(String name, String text) throws ModelException {
    return new Explorer(Compiler.compile(ModelLoader.fromText(name, text))).run();
  }

  /** What the rule is for: the folded forms verify, hiding the bugs their split forms show. */
  @Test
  void foldedLostUpdateVerifiesWithoutTheRuleAndIsRejectedWithIt() throws Exception {
    String text = corpus("rejected/pc130_folded_read_modify_write.pool");
    ImmutableList<Decl> decls = Inliner.expand(Parser.parse("folded.pool", text));
    CompiledModel unchecked = Compiler.compile(new ParsedModel("folded.pool",
        Locks.lowerWithoutTheRule(decls)));
    assertEquals(Verdict.VERIFIED, new Explorer(unchecked).run().verdict());
    ModelException e = assertThrows(ModelException.class,
        () -> ModelLoader.fromText("folded.pool", text));
    assertEquals("PC130", e.first().code());
    assertEquals(Verdict.VIOLATED,
        check("split.pool", corpus("violated/lock_split_lost_update.pool")).verdict());
  }

  @Test
  void foldedStatAfterUnlockVerifiesWithoutTheRuleAndIsRejectedWithIt() throws Exception {
    String text = corpus("rejected/pc132_stat_after_unlock.pool");
    ImmutableList<Decl> decls = Inliner.expand(Parser.parse("folded.pool", text));
    CompiledModel unchecked = Compiler.compile(new ParsedModel("folded.pool",
        Locks.lowerWithoutTheRule(decls)));
    assertEquals(Verdict.VERIFIED, new Explorer(unchecked).run().verdict());
    assertEquals("PC132", assertThrows(ModelException.class,
        () -> ModelLoader.fromText("folded.pool", text)).first().code());
  }

  @Test
  void aLockHoldsItsOwnersInstanceNumberCountedFromOne() throws ModelException {
    CheckResult r = check("owner.pool", """
        lock l;
        process a { s: { skip; } }
        process b[2] { take: { lock(l); } drop: { unlock(l); } }
        invariant not_b1: l != 3;
        """);
    assertEquals(Verdict.VIOLATED, r.verdict());
    var cx = r.counterexample().orElseThrow();
    assertEquals("not_b1", cx.property().name());
    assertEquals(1, cx.length());
    Transition last = cx.steps().get(cx.steps().size() - 1).transition();
    assertEquals("b[1]", last.instance());
    assertEquals("take", last.label());
  }

  @Test
  void anAtomicStepKeepsItsReasonOnTheCompiledStep() throws ModelException {
    CompiledModel m = Compiler.compile(ModelLoader.fromText("atomic.pool", """
        var c : 0 .. 2 = 0;
        process cpu[2] { inc @atomic_inc_return: atomic "atomic_inc_return" { c = c + 1; }
                         after: { skip; } }
        """));
    for (Transition t : m.transitions()) {
      assertEquals(t.label().equals("inc") ? "atomic_inc_return" : null, t.atomicReason(),
          t.toString());
    }
  }

  @Test
  void printsLocksGuardsAndAtomicStepsSoThatTheyParseBack() throws ModelException {
    String text = """
        lock l;
        var x : bool = false guarded_by l, read_once;
        var y : 0 .. 1 = 0 guarded_by l;
        process p { s: atomic "cmpxchg" { lock(l); x = true; y = 1; unlock(l); } }
        """;
    String printed = Printer.print(Parser.parse("a.pool", text));
    assertEquals(printed, Printer.print(Parser.parse("b.pool", printed)));
    assertEquals(true, printed.contains("var x : bool = false guarded_by l, read_once;"));
    assertEquals(true, printed.contains("s: atomic \"cmpxchg\" {"));
  }

  @Test
  void anInlineTakesTheLockItIsGiven() throws ModelException {
    CheckResult r = check("inline.pool", """
        lock a;
        lock b;
        inline hold(which, back) { take: { lock(which); } drop: { unlock(which); goto back; } }
        process p { inline hold(b, done); }
        invariant a_free: a == 0;
        invariant b_never_taken: b == 0;
        """);
    assertEquals("b_never_taken", r.counterexample().orElseThrow().property().name());
  }

  @Test
  void lockStatementsNeedADeclaredLock() {
    ModelException e = assertThrows(ModelException.class, () -> ModelLoader.fromText("x.pool",
        "var x : bool = false;\nprocess p { s: { lock(x); } }\n"));
    assertEquals("PC133", e.first().code());
    assertEquals(2, e.first().position().line());
    assertEquals(23, e.first().position().column());
  }
}
