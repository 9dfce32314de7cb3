package poolcheck.explore.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SegmentSizeTest {
  private static final int BUCKET = CompactFingerprintSet.BUCKET_LONGS * 8;
  private static final int OVERHEAD = 64;

  @Test
  void aSegmentFillsOneRegionAndNoMore() {
    for (long region = 1 << 20; region <= 32 << 20; region <<= 1) {
      int buckets = SegmentSize.forRegion(region, BUCKET, OVERHEAD);
      long bytes = OVERHEAD + (long) buckets * BUCKET;
      assertTrue(bytes <= region, region + ": " + bytes);
      assertTrue(bytes + BUCKET > region, region + ": a bucket more would still fit");
    }
  }

  @Test
  void theFourMebibyteRegionHoldsOneBucketLessThanAPowerOfTwo() {
    // 2^15 buckets and the 64 bytes before them are 64 bytes too many for 4 MiB: the old size
    assertEquals((1 << 15) - 1, SegmentSize.forRegion(4 << 20, BUCKET, OVERHEAD));
  }

  @Test
  void withoutARegionSizeTheDefaultIsUsed() {
    assertEquals(SegmentSize.DEFAULT_BUCKETS, SegmentSize.forRegion(0, BUCKET, OVERHEAD));
  }

  @Test
  void theRunningJvmsSegmentsFitItsRegions() {
    long region = SegmentSize.g1RegionBytes();
    long bytes = OVERHEAD + (long) CompactFingerprintSet.SEGMENT_BUCKETS * BUCKET;
    if (region > 0) assertTrue(bytes <= region, bytes + " > " + region);
    else assertEquals(SegmentSize.DEFAULT_BUCKETS, CompactFingerprintSet.SEGMENT_BUCKETS);
  }
}
