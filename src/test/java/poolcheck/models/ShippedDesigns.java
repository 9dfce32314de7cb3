package poolcheck.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The designs in models/, split for the test tiers. Tests that run every design through every
 * engine or every compiled path grow with each design shipped; the default tier runs them on
 * one design per part of the lifecycle ({@link #sample()}), the slow tier on the others
 * ({@link #rest()}), so that together they still cover every design once.
 */
public final class ShippedDesigns {
  private ShippedDesigns() {}

  /**
   * One design per part of the lifecycle: the original v6.12 pool, the 6.16 tree (DMA tracking,
   * ring lock), fragments, XDP bulk with a second pool, a memory provider, a queue restart and
   * one candidate fix. A new design lands in {@link #rest()} unless it opens a new part.
   */
  private static final Set<String> SAMPLE = Set.of("page_pool_v6_12",
      "page_pool_dma_tracking_ring_lock", "page_pool_frag", "page_pool_xdp_bulk",
      "page_pool_zcrx", "page_pool_queue_restart", "page_pool_fix_all");

  /** Every models/*.pool, sorted by name. */
  public static List<Path> all() {
    try (var files = Files.list(Path.of("models"))) {
      return files.filter(f -> f.toString().endsWith(".pool")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The default tier's designs. */
  public static List<Path> sample() {
    List<Path> sample = all().stream().filter(ShippedDesigns::sampled).toList();
    if (sample.size() != SAMPLE.size()) {
      throw new AssertionError("a sampled design is not in models/: " + SAMPLE);
    }
    return sample;
  }

  /** The slow tier's designs: all but the sample. */
  public static List<Path> rest() {
    return all().stream().filter(d -> !sampled(d)).toList();
  }

  public static String name(Path design) {
    return design.getFileName().toString().replace(".pool", "");
  }

  private static boolean sampled(Path design) {
    return SAMPLE.contains(name(design));
  }
}
