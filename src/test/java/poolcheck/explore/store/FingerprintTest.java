package poolcheck.explore.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  /** If this test fails, all fingerprints ever stored are invalid: never change the function. */
  @Test
  void matchesKnownAnswers() {
    assertEquals(0x9ca066f1a4ab2eeaL, Fingerprint.of(new long[] {0}));
    assertEquals(0x25b775faeca8f520L, Fingerprint.of(new long[] {1}));
    assertEquals(0xf32355e23108ef73L, Fingerprint.of(new long[] {0, 0}));
    assertEquals(0xb960db8ada327bb1L, Fingerprint.of(new long[] {1, 2, 3}));
    assertEquals(0x3d9bec899cf97e01L, Fingerprint.of(new long[] {-1L, 0x0123456789ABCDEFL}));
  }

  @Test
  void readsTheWordsAtTheOffset() {
    long[] padded = {7, 1, 2, 3, 9};
    assertEquals(Fingerprint.of(new long[] {1, 2, 3}), Fingerprint.of(padded, 1, 3));
  }

  @Test
  void oneWordFingerprintsDoNotCollideOnNeighbouringStates() {
    Set<Long> seen = new HashSet<>();
    for (long w = 0; w < 200_000; w++) assertTrue(seen.add(Fingerprint.of(new long[] {w})));
  }

  @Test
  void reportsTheBirthdayBound() {
    assertEquals(0.0, Fingerprint.collisionProbability(1_000_000, 1));
    assertEquals(0.0, Fingerprint.collisionProbability(1, 2));
    // n(n-1)/2 / 2^64 for n = 2^32: about 2^63 / 2^64 = 0.5
    assertEquals(0.5, Fingerprint.collisionProbability(1L << 32, 2), 1e-6);
    assertEquals(1e6 * (1e6 - 1) / Math.pow(2, 65), Fingerprint.collisionProbability(1_000_000, 3),
        1e-20);
  }
}
