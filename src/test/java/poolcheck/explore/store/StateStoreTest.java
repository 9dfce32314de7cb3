package poolcheck.explore.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StateStoreTest {
  private static long[] state(int i) {
    return new long[] {i, ~(long) i};
  }

  @Test
  void aGrowThatRunsOutOfMemoryLeavesTheStoreAsItWas() {
    StateStore store = new StateStore(2);
    for (int i = 0; i < 1024; i++) assertEquals(i, store.intern(state(i), i - 1, i % 7));
    store.beforeGrow =
        () -> {
          throw new OutOfMemoryError("injected");
        };

    assertThrows(OutOfMemoryError.class, () -> store.intern(state(1024), 1023, 0));
    assertEquals(1024, store.size(), "a failed grow must not count the state");
    // what another worker does before the search stops: lookups of known states still answer
    assertEquals(17, store.intern(state(17), 0, 0));
    assertThrows(OutOfMemoryError.class, () -> store.intern(state(2000), 0, 0));

    store.beforeGrow = () -> {};
    assertEquals(1024, store.intern(state(1024), 1023, 3));
    for (int i = 0; i <= 1024; i++) {
      long[] out = new long[2];
      store.copyOut(i, out);
      assertEquals(i, out[0]);
      assertEquals(i - 1, store.parent(i));
    }
    assertEquals(3, store.transition(1024));
    assertEquals(-1, store.add(state(500), 0, 0));
  }

  @Test
  void statesAreNumberedInDiscoveryOrderAcrossGrowsAndRehashes() {
    StateStore store = new StateStore(1);
    for (int i = 0; i < 100_000; i++) assertEquals(i, store.add(new long[] {i * 31L}, i, i));
    for (int i = 0; i < 100_000; i++) assertEquals(i, store.intern(new long[] {i * 31L}, 0, 0));
    assertEquals(100_000, store.size());
  }
}
