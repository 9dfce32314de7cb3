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
 * candidate fixes still verify. Configuration two_queues (one page, RELEASED_REFCNT false); the
 * slow test holds the same verdicts at two pages.
 */
class TwoQueuesModelTest {
  private static final Path ZCRX = Path.of("models/page_pool_zcrx.pool");
  private static final Path DEVMEM = Path.of("models/page_pool_devmem.pool");
  private static final Path ZCRX_FIX = Path.of("models/page_pool_zcrx_close_unmap.pool");
  private static final Path DEVMEM_FIX = Path.of("models/page_pool_devmem_early_unmap.pool");

  private static Map<String, String> twoQueues(int pages) {
    return Map.of("QUEUES", "2", "PAGES", Integer.toString(pages), "RELEASED_REFCNT", "false");
  }

  private static ModelCheck check(Path design, int pages) {
    return ModelCheck.of(design).constants(twoQueues(pages));
  }

  private static List<String> steps(Counterexample c) {
    return c.steps().stream().skip(1).map(t -> t.instance() + "." + t.label()).toList();
  }

  /**
   * The shortest trace breaking no_dma_after_detach in {@code design} with two queues: its length
   * and last step checked, replayed as a user would; its steps as instance.label.
   */
  private static List<String> lateUnmap(Path design, int pages, int length, String lastStep)
      throws Exception {
    // one worker: of several equally short traces, parallel workers may report any one
    ModelCheckResult r = check(design, pages).properties("no_dma_after_detach").workers(1)
        .exhaustive().assertViolates("no_dma_after_detach");
    Counterexample c = r.counterexample().orElseThrow();
    assertEquals(length, c.length());
    List<String> s = steps(c);
    assertEquals(lastStep, s.get(s.size() - 1));
    Replayed.assertReplays(design, twoQueues(pages), r);
    return s;
  }

  /** Every state, with the checks that hold in every provider design. */
  private static long states(Path design, int pages) {
    return check(design, pages).properties("no_page_lost", "inflight_bounded").exhaustive()
        .assertHolds().statistics().distinct();
  }

  @Test
  void zcrxUnmapsTheFirstAreaAfterTheDetachOnceTheSecondQueuesPoolLetsTheRingGoIn24Steps()
      throws Exception {
    List<String> s = lateUnmap(ZCRX, 1, 24, "uring.free_area");
    assertTrue(s.indexOf("bus.detach") < s.indexOf("pool2_release[0].zc_destroy"), s.toString());
    assertTrue(s.indexOf("pool2_release[0].zc_destroy") < s.indexOf("uring.ctx_free"),
        s.toString());
  }

  @Test
  void devmemFreesTheBindingAfterTheDetachFromTheSecondQueuesPoolIn21Steps() throws Exception {
    List<String> s = lateUnmap(DEVMEM, 1, 21, "pool2_release[0].binding_free");
    assertTrue(s.indexOf("netdev.devmem_uninstall2") < s.indexOf("bus.detach"), s.toString());
  }

  @Test
  void devmemBeforeTheFixStillLocksAFreedNetDeviceWithTwoQueuesIn17Steps() {
    Counterexample c = check(DEVMEM, 1).constant("MEMORY_PROVIDER", 4)
        .properties("no_netdev_use_after_free").workers(1).exhaustive()
        .assertViolates("no_netdev_use_after_free").counterexample().orElseThrow();
    assertEquals(17, c.length());
    List<String> s = steps(c);
    assertTrue(s.indexOf("netdev.run_todo") < s.indexOf("nlsock.sock_lock_dev"), s.toString());
  }

  @Test
  void theTwoQueueConfigurationsHaveTheirStateCountsAndTheFixesHoldEveryProperty() {
    assertEquals(89_836, states(ZCRX, 1));
    assertEquals(73_620, states(DEVMEM, 1));
    assertEquals(77_700, check(ZCRX_FIX, 1).exhaustive().assertHolds().statistics().distinct());
    assertEquals(73_620, check(DEVMEM_FIX, 1).exhaustive().assertHolds().statistics().distinct());
  }

  /** One more page: the same traces, 13 times the states (5 to 25 s each on one core). */
  @Tag("slow")
  @Test
  void atTwoPagesTheVerdictsAndTraceLengthsAreTheSame() throws Exception {
    lateUnmap(ZCRX, 2, 24, "uring.free_area");
    lateUnmap(DEVMEM, 2, 21, "pool2_release[0].binding_free");
    assertEquals(1_027_008, states(ZCRX, 2));
    assertEquals(886_772, states(DEVMEM, 2));
    assertEquals(893_700, check(ZCRX_FIX, 2).properties("no_dma_after_detach")
        .exhaustive().assertHolds().statistics().distinct());
    assertEquals(886_772, check(DEVMEM_FIX, 2)
        .properties("no_dma_after_detach", "no_netdev_use_after_free").exhaustive()
        .assertHolds().statistics().distinct());
  }
}
