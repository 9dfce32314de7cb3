package poolcheck.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import poolcheck.api.Counterexample;
import poolcheck.api.ModelCheck;
import poolcheck.api.ModelCheckResult;

/**
 * QUEUES 2 (models/common/page_pool.pool): the memory provider bound to a second RX queue with
 * its own pool (devmem: one binding on two queues; zcrx: a second ifq in the same ring). The
 * verdicts of QUEUES 1 stand, with longer traces: the late unmap now also comes from the second
 * queue's pool, freed last, whose reference keeps the ring's context or the binding alive. The
 * candidate fixes still verify. Configuration two_queues (RELEASED_REFCNT false).
 */
class TwoQueuesModelTest {
  private static final Path ZCRX = Path.of("models/page_pool_zcrx.pool");
  private static final Path DEVMEM = Path.of("models/page_pool_devmem.pool");
  private static final Map<String, String> TWO_QUEUES =
      Map.of("QUEUES", "2", "RELEASED_REFCNT", "false");

  private static ModelCheck twoQueues(Path design) {
    return ModelCheck.of(design).constants(TWO_QUEUES);
  }

  private static List<String> steps(Counterexample c) {
    return c.steps().stream().skip(1).map(t -> t.instance() + "." + t.label()).toList();
  }

  /**
   * The shortest trace breaking no_dma_after_detach in {@code design} at two_queues: its length
   * and last step checked, replayed as a user would; its steps as instance.label.
   */
  private static List<String> lateUnmap(Path design, int length, String lastStep)
      throws Exception {
    ModelCheckResult r = twoQueues(design).properties("no_dma_after_detach").exhaustive()
        .assertViolates("no_dma_after_detach");
    Counterexample c = r.counterexample().orElseThrow();
    assertEquals(length, c.length());
    List<String> s = steps(c);
    assertEquals(lastStep, s.get(s.size() - 1));
    Replayed.assertReplays(design, TWO_QUEUES, r);
    return s;
  }

  @Test
  void zcrxUnmapsTheFirstAreaAfterTheDetachOnceTheSecondQueuesPoolLetsTheRingGoIn24Steps()
      throws Exception {
    List<String> s = lateUnmap(ZCRX, 24, "uring.free_area");
    assertTrue(s.indexOf("bus.detach") < s.indexOf("pool2_release[0].zc_destroy"), s.toString());
    assertTrue(s.indexOf("pool2_release[0].zc_destroy") < s.indexOf("uring.ctx_free"),
        s.toString());
  }

  @Test
  void devmemFreesTheBindingAfterTheDetachFromTheSecondQueuesPoolIn21Steps() throws Exception {
    List<String> s = lateUnmap(DEVMEM, 21, "pool2_release[0].binding_free");
    assertTrue(s.indexOf("netdev.devmem_uninstall2") < s.indexOf("bus.detach"), s.toString());
  }

  @Test
  void devmemBeforeTheFixStillLocksAFreedNetDeviceWithTwoQueuesIn17Steps() {
    Counterexample c = twoQueues(DEVMEM).constant("MEMORY_PROVIDER", 4)
        .properties("no_netdev_use_after_free").exhaustive()
        .assertViolates("no_netdev_use_after_free").counterexample().orElseThrow();
    assertEquals(17, c.length());
    List<String> s = steps(c);
    assertTrue(s.indexOf("netdev.run_todo") < s.indexOf("nlsock.sock_lock_dev"), s.toString());
  }

  /** Exhaustive: about a million states each (5 to 25 s on one core). */
  @Tag("slow")
  @Test
  void theTwoQueueConfigurationsHaveTheirStateCountsAndVerdicts() {
    assertEquals(1_027_008, twoQueues(ZCRX).properties("no_page_lost", "inflight_bounded")
        .exhaustive().assertHolds().statistics().distinct());
    assertEquals(886_772, twoQueues(DEVMEM).properties("no_page_lost", "inflight_bounded")
        .exhaustive().assertHolds().statistics().distinct());
    ModelCheckResult closeUnmap = twoQueues(Path.of("models/page_pool_zcrx_close_unmap.pool"))
        .exhaustive().assertHolds();
    assertEquals(893_700, closeUnmap.statistics().distinct());
    ModelCheckResult earlyUnmap = twoQueues(Path.of("models/page_pool_devmem_early_unmap.pool"))
        .exhaustive().assertHolds();
    assertEquals(886_772, earlyUnmap.statistics().distinct());
  }
}
