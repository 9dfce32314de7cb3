package poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import poolcheck.api.CheckOptions;
import poolcheck.api.InvalidOptionException;
import poolcheck.api.ModelCheck;
import poolcheck.api.StoreMode;

/**
 * A bad option is refused with the same message whether it comes from the command line or from
 * the API: the ranges and the combinations are stated once (the engine's), and the command line
 * only spells the option names its own way.
 */
class SameOptionMessagesTest {
  private static final String LOST = BadInputs.corpus("violated/lost_update.pool");

  static Stream<Arguments> badValues() {
    ModelCheck m = ModelCheck.of(LOST);
    return Stream.of(
        Arguments.of("--max-states 0", (Refused) () -> m.maxStates(0)),
        Arguments.of("--max-states -7", (Refused) () -> m.maxStates(-7)),
        Arguments.of("--max-depth 0", (Refused) () -> m.maxDepth(0)),
        Arguments.of("--time-limit 0", (Refused) () -> m.timeLimitSeconds(0)),
        Arguments.of("--time-limit 1000000001", (Refused) () -> m.timeLimitSeconds(1000000001)),
        Arguments.of("--workers 0", (Refused) () -> m.workers(0)),
        Arguments.of("--workers 100000", (Refused) () -> m.workers(100000)),
        Arguments.of("--frontier-memory -1 --spill-dir .",
            (Refused) () -> m.spill(Path.of("."), -1)),
        Arguments.of("--checkpoint-interval -1 --checkpoint cp",
            (Refused) () -> m.checkpoint(Path.of("cp"), -1)),
        Arguments.of("--progress-interval 0.0005",
            (Refused) () -> m.progress((d, g, f, depth, ms) -> { }, 0.0005)),
        Arguments.of("--checkpoint cp --exact", (Refused) () -> m.store(StoreMode.EXACT)
            .checkpoint(Path.of("cp"), 600).prepare()),
        Arguments.of("--resume cp --exact", (Refused) () -> m.store(StoreMode.EXACT)
            .resume(Path.of("cp")).prepare()),
        Arguments.of("--bitstate 3", (Refused) () -> CheckOptions.bitstateBytes("3")),
        Arguments.of("--bitstate 12Q", (Refused) () -> CheckOptions.bitstateBytes("12Q")),
        Arguments.of("--bitstate 64T", (Refused) () -> CheckOptions.bitstateBytes("64T")),
        Arguments.of("--hash-functions 0 --bitstate 1M",
            (Refused) () -> m.bitstate(1 << 20, 0)),
        Arguments.of("--hash-functions 33 --bitstate 1M",
            (Refused) () -> m.bitstate(1 << 20, 33)),
        Arguments.of("--bitstate 1M --exact", (Refused) () -> m.store(StoreMode.EXACT)
            .bitstate(1 << 20, 3).prepare()),
        Arguments.of("--bitstate 1M --all-violations", (Refused) () -> m.options(m.options()
            .withAllViolations(true)).bitstate(1 << 20, 3).prepare()),
        Arguments.of("--checkpoint cp --bitstate 1M", (Refused) () -> m.bitstate(1 << 20, 3)
            .checkpoint(Path.of("cp"), 600).prepare()),
        Arguments.of("--swarm 0", (Refused) () -> m.swarm(0, 1)),
        Arguments.of("--swarm 2 --exact", (Refused) () -> m.store(StoreMode.EXACT).swarm(2, 1)
            .prepare()),
        Arguments.of("--swarm 2 --all-violations", (Refused) () -> m.options(m.options()
            .withAllViolations(true)).swarm(2, 1).prepare()),
        Arguments.of("--swarm 2 --resume cp", (Refused) () -> m.resume(Path.of("cp"))
            .swarm(2, 1).prepare()),
        Arguments.of("--max-states 5 --swarm 2", (Refused) () -> m.maxStates(5).swarm(2, 1)
            .prepare()),
        Arguments.of("--spill-dir . --swarm 2", (Refused) () -> m.spill(Path.of("."), 512)
            .swarm(2, 1).prepare()),
        Arguments.of("--seed 5", (Refused) () -> m.options(m.options().withSwarm(null, 5L))
            .prepare()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void theCommandLineAndTheApiGiveOneMessage(String flags, Refused api, @TempDir Path dir) {
    List<String> argv = new ArrayList<>(List.of("check", "-q"));
    for (String f : flags.split(" ")) argv.add(f.equals("cp") ? dir.resolve("cp").toString() : f);
    argv.add(LOST);
    MainTest.Run cli = MainTest.run(argv.toArray(String[]::new));
    assertEquals(2, cli.status(), cli.out() + cli.err());
    InvalidOptionException e = assertThrows(InvalidOptionException.class, api::run);
    UnaryOperator<String> flagNames = Flags::of;
    assertEquals(List.of("poolcheck: " + e.render(flagNames)), cli.errLines());
    assertEquals(flags.split(" ")[0], Flags.of(e.option()), "the option at fault");
  }

  @FunctionalInterface
  interface Refused {
    void run() throws Exception;
  }
}
