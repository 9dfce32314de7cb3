package poolcheck.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import poolcheck.language.ModelException;
import poolcheck.system.StateView;

/**
 * The walk both exports share decides what they write: a dialect that only records what it is
 * handed sees the structure, whatever the target language.
 */
class ExportWalkTest {
  private static final String MODEL = """
      var x : 0 .. 3 = 0;
      init {
        either { x = 1; } or { x = 2; }
        assert small_start: x < 2;
      }
      invariant low: x < 3;
      invariant any: x >= 0;
      process p[2] {
        pick: { either { x = 1; } or { x = 2; } or { x = 3; } }
        back: { if (x > 1) { goto pick; } }
      }
      process q { s: { when (x == 3); x = 0; } }
      """;

  /** Records each call as one line. */
  private static final class Recorder implements ExportWalk.Dialect {
    final List<String> calls = new ArrayList<>();

    @Override
    public void declarations(List<ExportWalk.Instance> instances) {
      calls.add("declarations " + instances.stream().map(ExportWalk.Instance::name).toList());
    }

    @Override
    public void initial(List<StateView> states, List<ModelShape.InitialViolation> violations) {
      calls.add("initial " + states.size() + " " + violations.stream()
          .map(ModelShape.InitialViolation::property).toList());
    }

    @Override
    public void beginInstance(ExportWalk.Instance instance) {
      calls.add("begin " + instance.modelName() + " " + instance.pc());
    }

    @Override
    public void step(ExportWalk.Step step) {
      calls.add("step " + step.step().label() + " pc " + step.step().pc() + " next "
          + step.step().nextLabel() + " ways " + step.paths().size());
    }

    @Override
    public void endInstance(ExportWalk.Instance instance) {
      calls.add("end " + instance.modelName());
    }

    @Override
    public void finalStates(List<ExportWalk.Instance> instances, boolean deadlock) {
      calls.add("final " + instances.size() + " deadlock " + deadlock);
    }

    @Override
    public void invariants(List<ModelShape.Invariant> all, List<ModelShape.Invariant> checked) {
      calls.add("invariants " + all.size() + " checked " + checked.stream()
          .map(ModelShape.Invariant::name).toList());
    }
  }

  private static List<String> walk(Set<String> properties) throws ModelException {
    ModelShape shape = PromelaExportTest.shape(MODEL, Map.of());
    Checked checked = properties == null ? Checked.all(shape) : Checked.only(shape, properties);
    Recorder r = new Recorder();
    new ExportWalk(shape, checked).walk(r);
    return r.calls;
  }

  @Test
  void visitsInstancesInStateOrderAndEachStepOnceWithItsWaysThrough() throws ModelException {
    assertEquals(List.of(
        "declarations [p_0, p_1, q]",
        "initial 1 [small_start]",
        "begin p[0] pc_p_0",
        "step pick pc 0 next back ways 3",
        "step back pc 1 next done ways 1",
        "end p[0]",
        "begin p[1] pc_p_1",
        "step pick pc 0 next back ways 3",
        "step back pc 1 next done ways 1",
        "end p[1]",
        "begin q pc_q",
        "step s pc 0 next done ways 1",
        "end q",
        "final 3 deadlock true",
        "invariants 2 checked [low, any]"), walk(null));
  }

  @Test
  void handsTheDialectOnlyTheCheckedPropertiesOfASelection() throws ModelException {
    List<String> calls = walk(Set.of("low"));
    assertEquals("initial 1 []", calls.get(1));
    assertEquals("final 3 deadlock false", calls.get(calls.size() - 2));
    assertEquals("invariants 2 checked [low]", calls.get(calls.size() - 1));
  }
}
