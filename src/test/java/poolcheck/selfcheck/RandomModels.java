package poolcheck.selfcheck;

import java.util.stream.LongStream;

/**
 * The random models every self-check runs on: a fixed list of seeds, so a failure names a seed
 * that regenerates its model. {@code -Dpoolcheck.models=N} runs N models instead of 200, and
 * {@code -Dpoolcheck.modelSeed=S} starts from another seed, for a longer hunt away from CI.
 */
public final class RandomModels {
  private RandomModels() {}

  public static LongStream seeds() {
    long count = Long.getLong("poolcheck.models", 200);
    long first = Long.getLong("poolcheck.modelSeed", 0);
    return LongStream.range(first, first + count);
  }

  public static String text(long seed) {
    return ModelGenerator.generate(seed);
  }

  /** The seeds whose models compute near the 32-bit limits (values next to 2^31, products). */
  public static LongStream nearLimitSeeds() {
    return seeds().filter(ModelGenerator::nearLimits);
  }

  /** Fewer, larger models ({@code -Dpoolcheck.largeModels=N}, default 40). */
  public static LongStream largeSeeds() {
    long count = Long.getLong("poolcheck.largeModels", 40);
    long first = Long.getLong("poolcheck.modelSeed", 0);
    return LongStream.range(first, first + count);
  }

  public static String largeText(long seed) {
    return ModelGenerator.generateLarge(seed);
  }
}
