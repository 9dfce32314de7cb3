package poolcheck.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A bitstate search is held to the exact search: with a bit array far larger than the state
 * space it stores exactly the exact count; with a tiny one it stores fewer, says so in its
 * coverage figures, and never calls the result verified.
 */
class BitstateSearchTest {
  static Stream<Arguments> models() {
    return Stream.of(
        Arguments.of(ModelCheck.of("models/page_pool_dma_bulk_unmap.pool").config("small")
            .noDeadlock()),
        Arguments.of(ModelCheck.of("models/page_pool_dma_bulk_unmap.pool").config("unserialised")
            .properties("no_pool_use_after_free")),
        Arguments.of(ModelCheck.of("models/bench/recycle.pool").constant("PAGES", 3)
            .constant("ROUNDS", 2)),
        Arguments.of(ModelCheck.of("src/test/resources/corpus/verified/bounded_buffer.pool")));
  }

  @ParameterizedTest
  @MethodSource("models")
  void aLargeBitArrayStoresExactlyTheExactCount(ModelCheck m) {
    ModelCheckResult exact = m.workers(1).store(StoreMode.EXACT).exhaustive();
    assertEquals(Verdict.VERIFIED, exact.verdict(), exact.describe());
    ModelCheckResult bits = m.workers(1).bitstate(64L << 20, 3).exhaustive();
    assertEquals(exact.statistics().distinct(), bits.statistics().distinct());
    assertEquals(Verdict.INCOMPLETE, bits.verdict(), "a bitstate search proves nothing");
    BitstateFigures f = bits.bitstate().orElseThrow();
    assertTrue(f.finished());
    assertEquals(exact.statistics().distinct(), f.stored());
    assertTrue(f.hashFactor() > 100, "hash factor " + f.hashFactor());
    assertTrue(f.coverage() > 0.999999, "coverage " + f.coverage());
  }

  @Test
  void aTinyBitArrayMissesStatesAndSaysSo() {
    ModelCheck m = ModelCheck.of("models/bench/recycle.pool").constant("PAGES", 3)
        .constant("ROUNDS", 2).workers(1);
    long exact = m.store(StoreMode.EXACT).exhaustive().statistics().distinct();
    ModelCheckResult tiny = m.bitstate(64, 3).exhaustive();
    BitstateFigures f = tiny.bitstate().orElseThrow();
    assertTrue(tiny.statistics().distinct() < exact,
        tiny.statistics().distinct() + " of " + exact);
    assertTrue(f.finished());
    assertEquals(Verdict.INCOMPLETE, tiny.verdict());
    assertTrue(f.hashFactor() < 100 && f.coverage() < 0.99 && f.expectedMissed() > 1,
        f.toString());
    assertTrue(tiny.json().contains("\"estimated_coverage\""));
  }

  @Test
  void aViolationIsFoundWithTheExactSearchsShortestTrace() {
    ModelCheckResult r = ModelCheck.of("models/page_pool_v6_12.pool")
        .properties("no_dma_after_detach").workers(1).bitstate(1L << 20, 3).exhaustive();
    assertEquals(Verdict.VIOLATED, r.verdict());
    assertEquals(14, r.counterexample().orElseThrow().length());
  }

  @Test
  void livenessNamedWithBitstateIsRefused() {
    InvalidOptionException e = assertThrows(InvalidOptionException.class,
        () -> ModelCheck.of("models/page_pool_v6_12.pool").properties("pool_eventually_freed")
            .bitstate(1L << 20, 3).prepare());
    assertEquals("bitstate checks safety only: liveness needs every state "
        + "(pool_eventually_freed)", e.render(UnaryOperator.identity()));
  }

  @Test
  void unnamedLivenessIsLeftOutWithAWarning() {
    StringBuilder warned = new StringBuilder();
    ModelCheckResult r = ModelCheck.of("models/page_pool_dma_tracking.pool")
        .onWarning(warned::append).workers(1).bitstate(1L << 20, 3).exhaustive();
    assertTrue(warned.toString().contains("--bitstate checks safety only; not checked: "
        + "pool_eventually_freed"), warned.toString());
    assertFalse(r.checked().contains("pool_eventually_freed"));
  }
}
