package poolcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Compiler;
import poolcheck.system.Property;
import poolcheck.system.Site;
import poolcheck.language.Decl;
import poolcheck.language.Expr;
import poolcheck.language.ModelLoader;
import poolcheck.language.ParsedModel;
import poolcheck.language.Stmt;
import poolcheck.language.TypeExpr;

/**
 * The checked model is what later stages read instead of resolving names again: the constants
 * in force, slots, labels, property ids and the type of every domain written in a step or a
 * property.
 */
class CheckedModelTest {
  private static final String TEXT = """
      model colours;
      const N = 2;
      const SLOW = false;
      config large { N = 4; }
      enum Colour { red, green, blue }
      type Cpu = scalarset(2);
      type Slot = 0 .. N - 1;
      var paint : Colour[Slot];
      var owner : Cpu;
      process painter[N] {
        var last : Colour = red;
        pick: { choose c in Colour { paint[self] = c; last = c; } }
        spin: { for k in 0 .. N - 1 { assert paint[k] != blue || k >= 0; } goto pick; }
      }
      invariant some_red: SLOW || exists i in 0 .. N - 1 : paint[i] == red || true;
      invariant owned: forall c in Cpu : owner == c || owner != c;
      """;

  private static CompiledModel compile(Map<String, String> overrides, String config)
      throws Exception {
    ParsedModel parsed = ModelLoader.fromText("colours.pool", TEXT);
    return Compiler.compile(parsed, overrides, config);
  }

  @Test
  void holdsTheConstantsInForceFromAConfigurationAndTheCommandLine() throws Exception {
    assertEquals(2, compile(Map.of(), null).checked().constants().get("N").value());
    assertEquals(4, compile(Map.of(), "large").checked().constants().get("N").value());
    CheckedModel overridden = compile(Map.of("N", "3", "SLOW", "true"), "large").checked();
    assertEquals(3, overridden.constants().get("N").value());
    assertTrue(overridden.constants().get("SLOW").bool());
    assertEquals("large", overridden.configuration());
    assertEquals(List.of("large"), overridden.configurations());
  }

  @Test
  void givesEachInstanceItsOwnSlotsAndTheEngineItsPropertyIds() throws Exception {
    CompiledModel model = compile(Map.of(), null);
    CheckedModel checked = model.checked();
    CheckedModel.Process painter = checked.processes().get("painter");
    assertEquals(2, painter.instances());
    assertEquals(Map.of("pick", 0, "spin", 1), painter.labels());
    assertEquals(2, painter.labelIndex("done"));
    int last0 = painter.localSlots().get(0).get("last");
    int last1 = painter.localSlots().get(1).get("last");
    assertTrue(last0 != last1, "instances share a slot");
    assertEquals(0, checked.enumValues().get("red").ordinal());
    assertEquals(2, checked.enumOf("blue").values().indexOf("blue"));
    for (Property p : model.properties()) {
      assertEquals(p.id(), checked.propertyIds().get(p.name()), p.name());
    }
    assertEquals(model.properties().size(), checked.propertyIds().size());
    assertEquals(List.of("some_red", "owned"),
        checked.invariants().stream().map(CheckedModel.Invariant::name).toList());
  }

  @Test
  void resolvesEveryDomainWrittenInAStepOrAProperty() throws Exception {
    CheckedModel checked = compile(Map.of(), "large").checked();
    // the domains are keyed by the written node: the same text parsed again finds them
    Decl.Process painter = ModelLoader.fromText("colours.pool", TEXT).decls().stream()
        .filter(d -> d instanceof Decl.Process p && p.name().equals("painter"))
        .map(Decl.Process.class::cast).findFirst().orElseThrow();
    Stmt.Choose choose = (Stmt.Choose) painter.steps().get(0).body().get(0);
    assertEquals(checked.types().get("Colour"), checked.domain(choose.domain()));
    Stmt.For loop = (Stmt.For) painter.steps().get(1).body().get(0);
    assertEquals(new Type.Range(0, 3), checked.domain(loop.domain()),
        "the range uses N from the configuration");
    Expr.Quantifier owned = (Expr.Quantifier) checked.invariants().get(1).condition();
    assertEquals(new Type.Symmetric("Cpu", 2), checked.domain(owned.domain()));
    assertThrows(IllegalArgumentException.class,
        () -> checked.domain(new TypeExpr.Bool(new poolcheck.language.Position("x", 1, 1))));
  }

  @Test
  void evaluatesAcceptedConstantExpressionsOverTheConstantsInForce() throws Exception {
    CheckedModel checked = compile(Map.of("N", "5"), null).checked();
    var pos = new poolcheck.language.Position("x", 1, 1);
    Expr nMinusOne = new Expr.Binary(pos, "-", new Expr.Name(pos, "N"), new Expr.IntLit(pos, 1));
    assertEquals(4, checked.constant(nMinusOne));
    assertEquals(1, checked.constant(new Expr.Name(pos, "green")));
    assertThrows(IllegalArgumentException.class,
        () -> checked.constant(new Expr.Name(pos, "paint")));
  }

  @Test
  void resolvesEachStepsWritesGotosAssertsAndDomainsOnce() throws Exception {
    CheckedModel checked = compile(Map.of(), null).checked();
    CheckedModel.Process painter = checked.processes().get("painter");
    List<CheckedStep> steps = painter.checkedSteps();
    assertEquals(List.of("pick", "spin"), steps.stream().map(CheckedStep::label).toList());
    CheckedStep pick = steps.get(0);
    assertEquals(1, pick.next());
    assertEquals("spin", pick.nextLabel());
    Action.Choose choose = (Action.Choose) pick.body().get(0);
    assertEquals("enum Colour", choose.domain().describe());
    Action.Assign paint = (Action.Assign) choose.body().get(0);
    assertEquals(new Action.Place("paint", false, checked.globals().get("paint").type()),
        paint.target().variable());
    assertTrue(paint.target().index() instanceof Expr.Self);
    Action.Assign last = (Action.Assign) choose.body().get(1);
    assertEquals(new Action.Place("last", true, painter.localTypes().get("last")),
        last.target().variable());
    CheckedStep spin = steps.get(1);
    assertEquals(2, spin.next());
    assertEquals("done", spin.nextLabel());
    Action.For loop = (Action.For) spin.body().get(0);
    assertEquals("0 .. 1", loop.domain().describe());
    assertEquals("assert_painter_spin", ((Action.Assert) loop.body().get(0)).property());
    assertEquals(new Action.Goto(((Action.Goto) spin.body().get(1)).pos(), "pick", 0),
        spin.body().get(1));
  }

  /**
   * Checking alone yields everything compiling reads (slots, properties, init blocks, the
   * environment's depth), frozen: the compiler keeps no way back to the checker's tables.
   */
  @Test
  void carriesEverythingCompilingReadsAndCannotBeChanged() throws Exception {
    ParsedModel parsed = ModelLoader.fromText("colours.pool", TEXT
        + "init { paint[0] = green; }\n");
    CheckedModel checked = Checker.check(parsed, Map.of(), null);
    CompiledModel model = Compiler.compile(parsed, Map.of(), null);
    // paint (2 slots), owner, two program counters, last of each instance
    assertEquals(7, checked.layout().slots());
    for (int slot = 0; slot < 7; slot++) {
      assertEquals(model.layout().lo(slot), checked.layout().lo(slot));
      assertEquals(model.layout().hi(slot), checked.layout().hi(slot));
    }
    assertEquals(model.properties(), checked.properties());
    assertEquals(checked.propertyIds().get("owned"), checked.property("owned").id());
    assertEquals(1, checked.inits().size());
    assertTrue(checked.inits().get(0).get(0) instanceof Action.Assign);
    assertEquals(1, checked.envSize(), "choose, for and each quantifier nest one deep");
    CheckedModel.Process painter = checked.processes().get("painter");
    assertEquals(painter.localSlots().get(1).get("last"),
        checked.variable("last", painter, 1).base());
    assertEquals(checked.globals().get("owner"), checked.variable("owner", painter, 0));
    assertEquals(null, checked.variable("last", null, 0), "a local outside its process");
    List<?> inits = checked.inits();
    List<?> properties = checked.properties();
    Map<String, Integer> slots = painter.localSlots().get(0);
    assertThrows(UnsupportedOperationException.class, inits::clear);
    assertThrows(UnsupportedOperationException.class, properties::clear);
    assertThrows(UnsupportedOperationException.class, () -> slots.put("last", 0));
  }

  /**
   * What the model says of its states and runs, in text order whatever the kind: the compiler
   * numbers the coverage sites of invariants, the final predicate and leads-to premises in this
   * order (a condition's inner sites before its own), without reading the declarations again.
   */
  @Test
  void holdsTheSpecInTextOrderAndCoverageNumbersItsSitesSo() throws Exception {
    ParsedModel parsed = ModelLoader.fromText("spec.pool", """
        var x : 0 .. 2 = 0;
        process p { up: { x = 1; } }
        liveness rises: x == 0 ~> x == 1;
        invariant low: x <= 1;
        assume x >= 0;
        final x == 1;
        fairness weak: p;
        invariant high: x >= 0 => true;
        assume x <= 2;
        """);
    CheckedModel checked = Checker.check(parsed, Map.of(), null);
    assertEquals(List.of("Liveness rises", "Invariant low", "Assume", "Final", "Fairness [p]",
        "Invariant high", "Assume"), checked.spec().stream().map(s -> s.getClass()
            .getSimpleName() + (s instanceof CheckedModel.Invariant i ? " " + i.name()
                : s instanceof CheckedModel.Liveness l ? " " + l.name()
                : s instanceof CheckedModel.Fairness f ? " " + f.processes() : "")).toList());
    assertEquals(List.of("low", "high"),
        checked.invariants().stream().map(CheckedModel.Invariant::name).toList());
    assertEquals(2, checked.assumptions().size());
    assertEquals(6, checked.spec().get(3) instanceof CheckedModel.Final f ? f.pos().line() : 0);

    List<String> sites = Compiler.compile(parsed).sites().stream()
        .filter(s -> s.kind() != Site.Kind.WHEN && s.kind() != Site.Kind.ASSERT)
        .map(s -> s.kind() + "@" + s.position().line()).toList();
    assertEquals(List.of("LEADS_TO@3", "INVARIANT@4", "FINAL@6", "IMPLIES@8", "INVARIANT@8"),
        sites);
  }

  /**
   * The compiler takes initialisers from here, not from the declarations: each global's and
   * each process's local's as written, in text order, and nothing for a variable without one.
   */
  @Test
  void holdsTheInitialisersOfGlobalsAndLocalsInTextOrder() throws Exception {
    ParsedModel parsed = ModelLoader.fromText("inits.pool", """
        model inits;
        var b : 0 .. 3 = 2;
        var a : 0 .. 3;
        var c : bool[0 .. 1] = true;
        process p[2] { var y : 0 .. 3 = self + 1; var x : 0 .. 3; var w : 0 .. 3 = 3;
          go: { a = y; } }
        """);
    CheckedModel checked = Checker.check(parsed, Map.of(), null);
    assertEquals(List.of("b = 2", "c = true"), checked.initialValues().entrySet().stream()
        .map(e -> e.getKey() + " = " + poolcheck.language.Printer.print(e.getValue())).toList());
    assertEquals(List.of("y = self + 1", "w = 3"), checked.processes().get("p").initialValues()
        .entrySet().stream()
        .map(e -> e.getKey() + " = " + poolcheck.language.Printer.print(e.getValue())).toList());
  }

  /** The exports cite where a fairness declaration names each process: the spec keeps it. */
  @Test
  void fairnessKeepsWhereEachProcessIsNamed() throws Exception {
    ParsedModel parsed = ModelLoader.fromText("fair.pool", """
        model fair;
        var x : 0 .. 1;
        process p { up: { x = 1; } }
        process q { down: { x = 0; } }
        fairness strong: q, p;
        """);
    CheckedModel checked = Checker.check(parsed, Map.of(), null);
    CheckedModel.Fairness fair = checked.fairness().get(0);
    assertEquals(List.of("q", "p"), fair.processes());
    assertEquals(List.of("5:18", "5:21"), fair.positions().stream()
        .map(at -> at.line() + ":" + at.column()).toList());
  }
}
