package poolcheck.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The loader stores each field of a record variable as a variable of its own and turns field
 * accesses into reads of those, so later stages see no record; {@code x.f} is a field only when
 * {@code x} is a record variable, and stays another process's local when {@code x} is a process.
 */
class RecordsTest {
  private static final String PAGES = """
      type PageId = 0 .. 1;
      type Page = record { pp_ref : 0 .. 3, mapped : bool };
      var page : Page[PageId] = {pp_ref: 1};
      var cur : record { owner : 0 .. 1 };
      process reader[2] {
        var got : 0 .. 3 = 0;
        read: { got = page[self].pp_ref; cur.owner = self; }
      }
      invariant i: reader[0].got <= page[0].pp_ref;
      """;

  private static Map<String, Decl> declared(ImmutableList<Decl> decls) {
    Map<String, Decl> out = new LinkedHashMap<>();
    for (Decl d : decls) {
      if (d instanceof Decl.Var v) out.put(v.name(), v);
      if (d instanceof Decl.TypeAlias t) out.put(t.name(), t);
      if (d instanceof Decl.Process p) out.put(p.name(), p);
      if (d instanceof Decl.Invariant inv) out.put(inv.name(), inv);
    }
    return out;
  }

  @Test
  void eachFieldIsAVariableOfItsOwnWithTheFieldsInitialValue() throws ModelException {
    Map<String, Decl> d = declared(ModelLoader.fromText("m.pool", PAGES).decls());
    assertEquals(java.util.List.of("PageId", "page[].pp_ref", "page[].mapped", "cur.owner",
        "reader", "i"), java.util.List.copyOf(d.keySet()));
    Decl.Var ref = (Decl.Var) d.get("page[].pp_ref");
    TypeExpr.Array type = assertInstanceOf(TypeExpr.Array.class, ref.type());
    assertEquals(new TypeExpr.Named(type.index().pos(), "PageId"), type.index());
    assertEquals(1, ((Expr.IntLit) ref.init()).value());
    assertNull(((Decl.Var) d.get("page[].mapped")).init(), "a field not named starts at default");
    assertInstanceOf(TypeExpr.Range.class, ((Decl.Var) d.get("cur.owner")).type());
  }

  @Test
  void aFieldOfARecordIsReadAndAProcesssLocalStaysOne() throws ModelException {
    Map<String, Decl> d = declared(ModelLoader.fromText("m.pool", PAGES).decls());
    Expr.Binary cond = (Expr.Binary) ((Decl.Invariant) d.get("i")).condition();
    Expr.LocalOf got = assertInstanceOf(Expr.LocalOf.class, cond.left());
    assertEquals("reader", got.process());
    Expr.Index ref = assertInstanceOf(Expr.Index.class, cond.right());
    assertEquals("page[].pp_ref", ((Expr.Name) ref.target()).name());
    assertEquals("reader[0].got <= page[0].pp_ref", Printer.print(cond));
    Stmt.Assign owner = (Stmt.Assign) ((Decl.Process) d.get("reader")).steps().get(0).body()
        .get(1);
    assertEquals("cur.owner", ((Expr.Name) owner.target()).name());
  }

  @Test
  void aModelWithoutRecordsIsLeftAsItIs() throws ModelException {
    ImmutableList<Decl> decls = Parser.parse("m.pool", """
        var x : 0 .. 1 = 0;
        process reader[2] { var got : 0 .. 1 = 0; read: { got = x; } }
        invariant i: reader[0].got <= x;
        """);
    assertSame(decls, Records.flatten(decls));
  }

  @Test
  void theRecordTypeAndInitialiserPrintAsWritten() throws ModelException {
    PrinterTest.assertRoundTrips("m.pool", PAGES);
    String printed = Printer.print(Parser.parse("m.pool", PAGES));
    assertFalse(printed.contains("[]."), printed);
    assertEquals(true, printed.contains("type Page = record { pp_ref : 0 .. 3, mapped : bool };"),
        printed);
    assertEquals(true, printed.contains("var page : Page[PageId] = {pp_ref: 1};"), printed);
  }

  @Test
  void everyMisuseIsReportedOnceWithItsCode() {
    ModelException e = assertThrows(ModelException.class, () -> ModelLoader.fromText("m.pool",
        PAGES + """
            invariant a: page[0].pp_rf == 0;
            invariant b: cur == cur.owner;
            invariant c: page.mapped;
            invariant d: cur[0].owner == 0;
            """));
    assertEquals(java.util.List.of("PC124", "PC125", "PC128", "PC128"),
        e.diagnostics().stream().map(Diagnostic::code).toList());
  }
}
