package poolcheck.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import poolcheck.explore.store.CompactFingerprintSet;
import poolcheck.explore.store.ConcurrentFingerprintSet;
import poolcheck.explore.store.FingerprintTable;

/**
 * How many fingerprints a table holds in the heap it is given: adds distinct pseudo-random
 * fingerprints until the heap runs out and prints the heap's bytes per fingerprint held then,
 * next to what the table counts of its own arrays. The two differ by what the collector wastes
 * around the table's arrays (a G1 humongous array takes whole regions). Not a test: run it by
 * hand (docs/performance.md), e.g. {@code BENCH_JAVA_OPTS=-Xmx1g scripts/bench
 * FingerprintCapacity compact}.
 */
public final class FingerprintCapacity {
  private FingerprintCapacity() {}

  public static void main(String[] args) {
    boolean compact = args.length == 0 || args[0].equals("compact");
    FingerprintTable set = compact ? new CompactFingerprintSet() : new ConcurrentFingerprintSet(1 << 12);
    long max = Runtime.getRuntime().maxMemory();
    long added = 0;
    long counted = 0;
    long x = 0x9E3779B97F4A7C15L;
    set.enter();
    try {
      while (true) {
        // splitmix64: distinct outputs for distinct inputs, so every add is new
        long z = (x += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        set.add(z ^ (z >>> 31));
        added++;
        if ((added & 0xFFFF) == 0) {
          counted = set.heapBytes();
          if (set.wantsToGrow()) {
            set.leave();
            try {
              set.grow();
            } finally {
              set.enter();
            }
          }
        }
      }
    } catch (OutOfMemoryError e) {
      // the heap is full: what it held is the answer
    } finally {
      set.leave();
    }
    System.out.printf(Locale.ROOT,
        "%s table, max heap %,d MB, G1 region %s: %,d fingerprints when the heap ran out,"
            + " %.2f heap bytes each; the table counted %.2f bytes each of its own arrays%n",
        compact ? "compact" : "open-addressing", max >> 20, region(), added,
        (double) max / added, (double) counted / added);
  }

  private static String region() {
    try {
      HotSpotDiagnosticMXBean vm =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      if (!Boolean.parseBoolean(vm.getVMOption("UseG1GC").getValue())) return "(not G1)";
      return (Long.parseLong(vm.getVMOption("G1HeapRegionSize").getValue()) >> 20) + " MB";
    } catch (RuntimeException e) {
      return "unknown";
    }
  }
}
