package poolcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import poolcheck.result.CheckResult;
import poolcheck.result.Counterexample;

/**
 * A saved trace shown again is the trace the search rendered: a golden JSON file read back
 * renders JSON exactly as its golden file (HTML is that JSON in a template), and an ITF file
 * text, ITF, DOT and Mermaid. (JSON writes arrays and containers alike as lists, so its text
 * shows an array as a container; ITF keeps them apart but not the search's figures.)
 */
class SavedTracesRenderAgainTest {
  @TestFactory
  List<DynamicTest> aGoldenJsonTraceRendersItsJsonGoldenFile() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (ShippedTraces.Shipped s : ShippedTraces.all()) {
      Path json = ShippedTraces.GOLDEN.resolve(s.file(TraceFormat.JSON));
      for (TraceFormat f : List.of(TraceFormat.JSON)) {
        tests.add(DynamicTest.dynamicTest(s.file(TraceFormat.JSON) + " as " + f.key(), () ->
            assertEquals(Files.readString(ShippedTraces.GOLDEN.resolve(s.file(f))),
                f.render(TraceFile.read(json)))));
      }
    }
    return tests;
  }

  @TestFactory
  List<DynamicTest> aGoldenItfTraceRendersTheFormatsWithoutFigures() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (ShippedTraces.Shipped s : ShippedTraces.all()) {
      Path itf = ShippedTraces.GOLDEN.resolve(s.file(TraceFormat.ITF));
      for (TraceFormat f : List.of(TraceFormat.TEXT, TraceFormat.ITF, TraceFormat.DOT,
          TraceFormat.MERMAID)) {
        tests.add(DynamicTest.dynamicTest(s.file(TraceFormat.ITF) + " as " + f.key(), () ->
            assertEquals(Files.readString(ShippedTraces.GOLDEN.resolve(s.file(f))),
                f.render(TraceFile.read(itf)))));
      }
    }
    return tests;
  }

  @Test
  void everyLedgerTraceRendersInEveryFormatAndItsLassosLoopBack() throws Exception {
    List<Path> traces;
    try (Stream<Path> files = Files.walk(Path.of("proofs"))) {
      traces = files.filter(p -> p.toString().endsWith(".json")
          && !p.getFileName().toString().endsWith("record.json")
          && !p.getFileName().toString().endsWith("stable.json")).sorted().toList();
    }
    int lassos = 0;
    for (Path p : traces) {
      CheckResult r = TraceFile.read(p);
      Counterexample cx = r.counterexample().orElseThrow();
      for (TraceFormat f : TraceFormat.values()) {
        assertTrue(!f.render(r).isBlank(), p + " as " + f.key());
      }
      if (cx.isLasso()) {
        lassos++;
        int last = cx.length();
        assertTrue(TextTrace.render(cx).contains(cx.loop() == last ? "stay in this state"
            : "goes back to state " + cx.loop()), p.toString());
        assertTrue(DotTrace.render(r).contains("s" + last + " -> s" + cx.loop() + " "),
            p.toString());
        assertTrue(MermaidTrace.render(r).contains("\n  end\n"), p.toString());
      }
    }
    assertTrue(traces.size() > 100, "ledger traces found: " + traces.size());
    assertTrue(lassos > 0, "the ledger has liveness counterexamples");
  }
}
