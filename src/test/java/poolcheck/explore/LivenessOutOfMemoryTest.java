package poolcheck.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Models;
import poolcheck.result.CheckResult;
import poolcheck.result.Verdict;
import poolcheck.system.PropertySelection;
import poolcheck.system.Stepper;
import poolcheck.system.SuccessorSink;
import poolcheck.system.TransitionSystem;

/**
 * A liveness check that runs out of memory after the safety search finished: the run reports
 * the safety figures and says liveness is undecided, instead of dying with the whole result
 * (as `prove --stable` did at PAGES=2 of xdp_bulk's other_device row, -Xmx9g).
 */
class LivenessOutOfMemoryTest {
  @org.junit.jupiter.api.io.TempDir
  java.nio.file.Path dir;

  private static final String MUTEX = """
      var locked : bool = false;
      process worker[2] {
        idle: { skip; }
        acquire: when (!locked) { locked = true; }
        critical: { skip; }
        release: { locked = false; goto idle; }
      }
      liveness w0_enters: always eventually at(worker[0], critical);
      """;

  @Test
  void theSafetyVerdictSurvivesALivenessCheckOutOfMemory() throws Exception {
    CompiledModel m = Models.fromText("m.pool", MUTEX);
    CheckResult safety = new Explorer(m).properties(java.util.Set.of("deadlock")).run();
    assertEquals(Verdict.VERIFIED, safety.verdict());

    // one stepper per safety worker, then the liveness checker's: that one has no memory left
    CheckResult r = new Explorer(new StarvedAfter(m, 1)).run();
    assertEquals(Verdict.INCOMPLETE, r.verdict());
    assertEquals(safety.statistics().distinct(), r.statistics().distinct());
    assertTrue(r.counterexample().isEmpty());
    assertTrue(r.reason().startsWith("out of memory during the liveness check"), r.reason());
    assertTrue(r.reason().contains("the safety properties hold over all "
        + safety.statistics().distinct() + " states"), r.reason());
    assertTrue(r.reason().matches(".*POOLCHECK_JAVA_OPTS=-Xmx\\d+g.*"), r.reason());
    // the edges on disk would help; with them there already, it says so instead
    assertTrue(r.reason().contains("every state and edge in memory: more heap (-Xmx, e.g. "),
        r.reason());
    assertTrue(r.reason().contains("), --spill-dir for the graph's edges or smaller constants"),
        r.reason());
    CheckResult spilled = new Explorer(new StarvedAfter(m, 1)).spill(dir, 0).run();
    assertEquals(Verdict.INCOMPLETE, spilled.verdict());
    assertTrue(spilled.reason().contains("liveness keeps every state in memory and the edges in "
        + "--spill-dir: more heap (-Xmx, e.g. "), spilled.reason());
    assertTrue(spilled.reason().matches(".*-Xmx\\d+g\\) or smaller constants would help"),
        spilled.reason());
  }

  /** The model, except that steppers after the first {@code fed} throw OutOfMemoryError. */
  private record StarvedAfter(TransitionSystem delegate, int fed, AtomicInteger made)
      implements ForwardingSystem {
    StarvedAfter(TransitionSystem delegate, int fed) {
      this(delegate, fed, new AtomicInteger());
    }

    @Override
    public Stepper stepper(PropertySelection checked) {
      Stepper s = delegate.stepper(checked);
      if (made.incrementAndGet() <= fed) return s;
      return new ForwardingStepper() {
        @Override
        public Stepper delegate() {
          return s;
        }

        @Override
        public void successors(int[] state, SuccessorSink sink) {
          throw new OutOfMemoryError("Java heap space");
        }

        @Override
        public void successors(int[] state, int transition, SuccessorSink sink) {
          throw new OutOfMemoryError("Java heap space");
        }
      };
    }
  }
}
