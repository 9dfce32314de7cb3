package poolcheck.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.api.ModelCheck;
import poolcheck.api.Counterexample;

/**
 * The memory-provider designs find what the 2025 fixes fixed: MEMORY_PROVIDER 4 and 2 are
 * devmem and zcrx before 0afc44d8cdf6 and f12ecf5e1c5e, 3 and 1 after (the shipped designs).
 * Where a fix covers only some teardown orders, the model is restricted to those orders by a
 * guard patched into a copy of the shared model, so the claim in proofs/notes is checked, not
 * just written down. Small configuration (RELEASED_REFCNT false, as in the designs' configs).
 */
class MemoryProviderFixesTest {
  private static final Path SHARED = Path.of("models/common/page_pool.pool");

  private static ModelCheck design(Path file, int provider) {
    return ModelCheck.of(file).constant("MEMORY_PROVIDER", provider)
        .constant("RELEASED_REFCNT", false);
  }

  private static List<String> steps(Counterexample c) {
    return c.steps().stream().skip(1).map(t -> t.instance() + "." + t.label()).toList();
  }

  @Test
  void devmemBeforeTheFixLocksAFreedNetDeviceWhenTheSocketClosesAfterTheModuleUnload() {
    Path devmem = Path.of("models/page_pool_devmem.pool");
    Counterexample c = design(devmem, 4).properties("no_netdev_use_after_free").exhaustive()
        .assertViolates("no_netdev_use_after_free").counterexample().orElseThrow();
    assertEquals(13, c.length());
    List<String> s = steps(c);
    assertTrue(s.indexOf("netdev.run_todo") < s.indexOf("nlsock.sock_lock_dev"), s.toString());
    design(devmem, 3).properties("no_netdev_use_after_free").exhaustive().assertHolds();
  }

  @Test
  void devmemStillUnmapsTheDmaBufAfterTheDetachWhenTheSocketClosesLast() {
    Counterexample c = design(Path.of("models/page_pool_devmem.pool"), 3)
        .properties("no_dma_after_detach").exhaustive().assertViolates("no_dma_after_detach")
        .counterexample().orElseThrow();
    assertEquals(15, c.length());
    List<String> s = steps(c);
    assertEquals("nlsock.binding_free", s.get(s.size() - 1));
    assertTrue(s.indexOf("bus.detach") < s.indexOf("nlsock.sock_close"), s.toString());
  }

  @Test
  void zcrxFixUnmapsAtUninstallWhenTheDeviceGoesBeforeTheRingCloses(@TempDir Path dir)
      throws IOException {
    String zcrxValues = "MEMORY_PROVIDER == 1 || MEMORY_PROVIDER == 2 || MEMORY_PROVIDER == 5";
    Path zcrx = restricted(dir, "  close_queue @io_close_queue: when (" + zcrxValues + ") {",
        "  close_queue @io_close_queue: when ((" + zcrxValues + ") && at(bus, done)) {",
        "page_pool_zcrx.pool");
    design(zcrx, 1).properties("no_dma_after_detach").exhaustive().assertHolds();
    Counterexample c = design(zcrx, 2).properties("no_dma_after_detach").exhaustive()
        .assertViolates("no_dma_after_detach").counterexample().orElseThrow();
    assertEquals(15, c.length());
    List<String> s = steps(c);
    assertTrue(s.indexOf("netdev.zc_uninstall") < s.indexOf("bus.detach"), s.toString());
    assertEquals("uring.free_area", s.get(s.size() - 1));
  }

  @Test
  void zcrxWithTheFixStillUnmapsAfterTheDetachWhenTheRingClosesFirst() {
    Counterexample c = design(Path.of("models/page_pool_zcrx.pool"), 1)
        .properties("no_dma_after_detach").exhaustive().assertViolates("no_dma_after_detach")
        .counterexample().orElseThrow();
    assertEquals(16, c.length());
    List<String> s = steps(c);
    assertTrue(s.indexOf("uring.close_rxq") < s.indexOf("bus.detach"), s.toString());
    assertTrue(!s.contains("netdev.zc_uninstall"), s.toString());
    assertEquals("uring.free_area", s.get(s.size() - 1));
  }

  @Test
  void theCandidateFixesUnmapBeforeTheDetachInEveryOrder() {
    design(Path.of("models/page_pool_zcrx_close_unmap.pool"), 5)
        .properties("no_dma_after_detach").exhaustive().assertHolds();
    design(Path.of("models/page_pool_devmem_early_unmap.pool"), 6)
        .properties("no_dma_after_detach", "no_netdev_use_after_free").exhaustive()
        .assertHolds();
  }

  /** A copy of models/ with one line of the shared model replaced; the design file in it. */
  private static Path restricted(Path dir, String line, String guarded, String design)
      throws IOException {
    String shared = Files.readString(SHARED);
    assertEquals(1, shared.split(java.util.regex.Pattern.quote(line), -1).length - 1,
        "the line to restrict is in the shared model once");
    Files.createDirectories(dir.resolve("common"));
    Files.writeString(dir.resolve("common/page_pool.pool"), shared.replace(line, guarded));
    Path copy = dir.resolve(design);
    Files.copy(Path.of("models").resolve(design), copy);
    return copy;
  }
}
