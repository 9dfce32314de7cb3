package poolcheck.explore.store;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * How many buckets a segment of {@link CompactFingerprintSet} holds, so that the segment's array
 * wastes no heap. Under G1 an array of half a region or more is humongous and takes whole
 * regions to itself, the rest of its last region unused; an array that fills one region exactly
 * wastes nothing. Under other collectors the size does not matter.
 */
final class SegmentSize {
  /** Buckets per segment when the collector does not say its region size: about 4 MiB. */
  static final int DEFAULT_BUCKETS = (1 << 15) - 1;

  private SegmentSize() {}

  /**
   * Buckets of {@code bucketBytes} that fit one G1 region together with {@code overheadBytes}
   * (the array's header and padding), else {@link #DEFAULT_BUCKETS}.
   */
  static int buckets(int bucketBytes, int overheadBytes) {
    return forRegion(g1RegionBytes(), bucketBytes, overheadBytes);
  }

  static int forRegion(long regionBytes, int bucketBytes, int overheadBytes) {
    if (regionBytes <= 0) return DEFAULT_BUCKETS;
    return (int) Math.max(1, (regionBytes - overheadBytes) / bucketBytes);
  }

  /** The G1 region size in bytes, or 0 if G1 is not the collector or the JVM does not say. */
  static long g1RegionBytes() {
    try {
      HotSpotDiagnosticMXBean vm =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      if (vm == null || !Boolean.parseBoolean(vm.getVMOption("UseG1GC").getValue())) return 0;
      return Long.parseLong(vm.getVMOption("G1HeapRegionSize").getValue());
    } catch (RuntimeException | LinkageError e) {
      // another JVM, or no management module: the default size, which only wastes memory
      return 0;
    }
  }
}
