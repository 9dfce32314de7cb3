package poolcheck.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import poolcheck.explore.store.BitstateSet;

/** The coverage formulas of docs/swarm.md, against closed forms and a filled array. */
class BitstateCoverageTest {
  @Test
  void expectedMissedWithOneHashIsTheClosedFormIntegral() {
    long n = 5_000;
    long m = 8_192;
    // the integral of 1 - e^(-x/m) from 0 to n
    double closed = n - m * (1 - Math.exp(-(double) n / m));
    assertEquals(closed, BitstateCoverage.expectedMissed(n, m, 1), closed * 1e-9);
  }

  @Test
  void anArrayRemembersWhatItStoredAndCountsItsBits() {
    BitstateSet set = new BitstateSet(1 << 20, 3, 0);
    for (long fp = 1; fp <= 1000; fp++) assertTrue(set.add(fp * 0x9E3779B97F4A7C15L));
    for (long fp = 1; fp <= 1000; fp++) assertFalse(set.add(fp * 0x9E3779B97F4A7C15L));
    BitstateCoverage c = BitstateCoverage.of(set);
    assertEquals(1000, c.stored());
    assertTrue(c.bitsSet() > 2900 && c.bitsSet() <= 3000, "bits set " + c.bitsSet());
    assertEquals((1 << 20) / 1000.0, c.hashFactor(), 1e-9);
    assertEquals(Math.pow(c.fillRatio(), 3), c.omission(), 1e-15);
  }
}
