package poolcheck.explore.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The swarm's union estimate against exact counts of random fingerprints. */
class DistinctSketchTest {
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 100, 5_000, 30_000, 100_000, 1_000_000})
  void estimatesTheDistinctCountWithinThreePercent(int n) {
    DistinctSketch sketch = new DistinctSketch();
    SplittableRandom rng = new SplittableRandom(n);
    for (int i = 0; i < n; i++) {
      long fp = rng.nextLong();
      sketch.add(fp);
      sketch.add(fp); // a state met twice counts once
    }
    assertEquals(n, sketch.estimate(), Math.max(1, n * 0.03));
  }

  @Test
  void mergingTwoSketchesEstimatesTheUnionNotTheSum() {
    DistinctSketch a = new DistinctSketch();
    DistinctSketch b = new DistinctSketch();
    DistinctSketch both = new DistinctSketch();
    SplittableRandom rng = new SplittableRandom(5);
    long[] fps = new long[60_000];
    for (int i = 0; i < fps.length; i++) fps[i] = rng.nextLong();
    // a holds the first 40,000, b the last 40,000: 20,000 in common, 60,000 in all
    for (int i = 0; i < 40_000; i++) a.add(fps[i]);
    for (int i = 20_000; i < 60_000; i++) b.add(fps[i]);
    for (long fp : fps) both.add(fp);
    a.merge(b);
    assertEquals(both.estimate(), a.estimate(), "the merge is the sketch of the union");
    assertEquals(60_000, a.estimate(), 60_000 * 0.03);
  }
}
