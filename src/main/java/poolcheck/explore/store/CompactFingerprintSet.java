package poolcheck.explore.store;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The visited set of a fingerprint search, shared by its workers: the same set of 64-bit
 * fingerprints as an open-addressing table of longs, in about 8 to 9 bytes a fingerprint where
 * that table ({@link ConcurrentFingerprintSet}) takes 10.7 to 21, at about a third more CPU time
 * per lookup; a search takes it when the trace log goes to disk ({@code --spill-dir}), i.e.
 * when heap is what is short (issue 14 asks for at most 8 bytes of heap a state).
 *
 * <p>Memory layout: buckets of {@value #BUCKET_LONGS} longs (two cache lines), any number of
 * them. A fingerprint's bucket is {@code (fp >>> 32) * buckets >>> 32}: its top 32 bits scaled
 * to the bucket count. The fingerprints of a bucket thus share their top bits up to a range of
 * at most {@code 2^32 / buckets} values, so a bucket stores only each one's low {@code 32 +
 * qbits} bits, where {@code 2^qbits} is at least that range: two fingerprints of one bucket that
 * agree on those bits are equal. Nothing is lost, so the set answers exactly as a set of 64-bit
 * fingerprints does, and the stored width shrinks by a bit each time the bucket count doubles
 * (48 bits at 100,000 buckets, 44 at 2 million). The first long of a bucket holds its count
 * (bits 0-5), an overflow flag (bit 6) and a lock bit (bit 7); the entries' qbits of top half
 * follow back to back from bit 8 (and may straddle two longs), their low halves are ints from
 * the bucket's last long downwards, so that a lookup compares one int per entry and the top
 * bits only where the low halves agree. A fingerprint whose bucket is full
 * goes into a small exact {@link FingerprintSet} and the bucket is flagged, so that lookups in
 * it also ask that set; at the fill kept here about 1 to 3% of fingerprints land there.
 *
 * <p>Adding takes no lock when the fingerprint is found (most successors were seen before): the
 * count is read with acquire semantics and the entries below it were written before the count
 * was released. A new fingerprint takes the bucket's lock bit with a compare-and-set, looks at
 * what was added meanwhile, and appends. Growing takes the table as a whole, so workers hold a
 * pass (the read side of a read-write lock) while they add, taken once per block of states, and
 * ask for the {@link #room()} left between states; the table grows between states under the
 * write side, by a fifth (a doubling while small), which keeps the bytes a fingerprint within a
 * factor 1.2.
 * Since the bucket of a fingerprint grows with it, growing is one pass in order over the old
 * buckets, writing the new ones in order, and old segments are dropped as the pass leaves them.
 */
public final class CompactFingerprintSet implements FingerprintTable {
  private static final VarHandle WORD = MethodHandles.arrayElementVarHandle(long[].class);
  static final int BUCKET_LONGS = 16;
  private static final int HEADER_BITS = 8;
  private static final long COUNT = 0x3F;
  private static final long OVERFLOWED = 1L << 6;
  private static final long LOCKED = 1L << 7;
  /**
   * Longs before the first bucket: an array's elements start 16 bytes into it, so 48 more
   * bytes put every bucket on a cache line's start when the array starts on one.
   */
  private static final int PAD = 6;
  /**
   * Buckets per segment: as many as fill one G1 region with the array's header and padding, so
   * that each segment is a humongous object of exactly one region, starting at the region's
   * start (cache-line aligned). Segments of a power of two buckets (4 MiB and their 64 bytes
   * of header and padding) took two regions of 4 MiB, or a whole region of 8 MiB under a
   * larger heap: the heap held 11 to 14 bytes a fingerprint where the table counted 7
   * ({@code poolcheck.bench.FingerprintCapacity}). A constant to the JIT, which turns the
   * divisions by it into multiplications.
   */
  static final int SEGMENT_BUCKETS = SegmentSize.buckets(BUCKET_LONGS * 8, 16 + PAD * 8);
  /** The mean fill, as a share of a bucket's places, up to which the table is not grown. */
  private static final double FILL = 0.85;
  private static final int MIN_BUCKETS = 64;
  /** Beyond 2^31 buckets the bucket index would overflow an int: 40 billion fingerprints. */
  private static final long MAX_BUCKETS = Integer.MAX_VALUE;

  /** The table: read by adders under a pass, replaced only under the write lock. */
  private Table table;
  private volatile long threshold;
  private final LongAdder size = new LongAdder();
  /** Fingerprints whose bucket was full; guarded by itself. */
  private FingerprintSet overflow = new FingerprintSet(16);
  private final ReentrantReadWriteLock growth = new ReentrantReadWriteLock();

  /** Buckets and the widths that follow from their number. */
  private static final class Table {
    final long[][] segments;
    final long buckets;
    /** Low bits of a fingerprint kept per entry, and the places a bucket has at that width. */
    final int width;
    final long widthMask;
    final int places;

    Table(long buckets, boolean allocate) {
      this.buckets = buckets;
      long range = ((1L << 32) + buckets - 1) / buckets;
      int qbits = 64 - Long.numberOfLeadingZeros(range - 1);
      this.width = 32 + qbits;
      this.widthMask = width == 64 ? -1L : (1L << width) - 1;
      this.places = places(qbits);
      int count = (int) ((buckets + SEGMENT_BUCKETS - 1) / SEGMENT_BUCKETS);
      segments = new long[count][];
      if (allocate) {
        for (int i = 0; i < count; i++) segment(i);
      }
    }

    /** Segment i, allocated if it was not yet: a rehash allocates as it goes. */
    long[] segment(int i) {
      long[] s = segments[i];
      if (s == null) {
        long inSegment = Math.min(SEGMENT_BUCKETS, buckets - (long) i * SEGMENT_BUCKETS);
        s = segments[i] = new long[PAD + (int) inSegment * BUCKET_LONGS];
      }
      return s;
    }

    int bucket(long fp) {
      return (int) (((fp >>> 32) * buckets) >>> 32);
    }

    /** The first fingerprint-top (fp >>> 32) of bucket b: ceil(b * 2^32 / buckets). */
    long firstTop(long b) {
      return ((b << 32) + buckets - 1) / buckets;
    }

    long heapBytes() {
      long bytes = 16L + 8L * segments.length;
      for (long[] s : segments) {
        if (s != null) bytes += 16 + 8L * s.length;
      }
      return bytes;
    }
  }

  public CompactFingerprintSet() {
    this(MIN_BUCKETS);
  }

  private CompactFingerprintSet(long buckets) {
    table = new Table(buckets, true);
    threshold = limit(table);
  }

  private static long limit(Table t) {
    return (long) (t.buckets * t.places * FILL);
  }

  /** Takes a pass to add; give it back with {@link #leave()}. */
  @Override
  public void enter() {
    growth.readLock().lock();
  }

  @Override
  public void leave() {
    growth.readLock().unlock();
  }

  @Override
  public long room() {
    return threshold - size.sum();
  }

  /** Grows the table if it is still past its fill; call without holding a pass. */
  @Override
  public void grow() {
    growth.writeLock().lock();
    try {
      long n = size.sum();
      if (n <= threshold) return;
      long buckets = table.buckets;
      do {
        if (buckets >= MAX_BUCKETS) throw new IllegalStateException("fingerprint set is full");
        buckets = Math.min(MAX_BUCKETS, buckets < 1 << 10 ? buckets * 2 : buckets + buckets / 5);
      } while (n > limit(new Sizes(buckets)));
      rehash(buckets);
    } finally {
      growth.writeLock().unlock();
    }
  }

  /** What {@link #limit} needs, without allocating a table. */
  private static long limit(Sizes s) {
    return (long) (s.buckets * s.places * FILL);
  }

  private record Sizes(long buckets, int places) {
    Sizes(long buckets) {
      this(buckets, CompactFingerprintSet.places(64
          - Long.numberOfLeadingZeros(((1L << 32) + buckets - 1) / buckets - 1)));
    }
  }

  /**
   * The entries a bucket holds when each keeps qbits of the top half: the tops go from bit 8
   * upwards, the low halves as ints from the bucket's last long downwards, and they must not
   * meet.
   */
  static int places(int qbits) {
    int p = 0;
    while (HEADER_BITS + (p + 1) * qbits <= 64 * (BUCKET_LONGS - (p + 2) / 2)) p++;
    return p;
  }

  /**
   * Moves every fingerprint to a table of {@code buckets}: old buckets in order, each entry
   * completed to its 64 bits and appended to its new bucket, which never precedes the last
   * one written; then the overflowed ones go in afresh, to their bucket if it has room.
   */
  private void rehash(long buckets) {
    Table old = table;
    // new segments are allocated as the pass reaches them and old ones dropped as it leaves
    // them, so the two tables are never both whole: at most 1.25 times the new one at once
    Table next = new Table(buckets, false);
    long[] entries = new long[old.places];
    FingerprintSet fresh = new FingerprintSet(16);
    for (long b = 0; b < old.buckets; b++) {
      long[] seg = old.segments[segment((int) b)];
      int base = base((int) b);
      int n = read(seg, base, seg[base], old, 0, (int) (seg[base] & COUNT), entries);
      for (int i = 0; i < n; i++) place(next, whole(old, b, entries[i]), fresh);
      if (b % SEGMENT_BUCKETS == SEGMENT_BUCKETS - 1) old.segments[segment((int) b)] = null;
    }
    for (int i = 0; i < next.segments.length; i++) next.segment(i);
    for (long fp : overflow.table()) {
      if (fp != 0) place(next, fp, fresh);
    }
    if (overflow.hasZero()) place(next, 0, fresh);
    overflow = fresh;
    table = next;
    threshold = limit(next);
  }

  /** The segment that holds bucket b. */
  private static int segment(int b) {
    return b / SEGMENT_BUCKETS;
  }

  /** Where bucket b starts in its segment. */
  private static int base(int b) {
    return PAD + b % SEGMENT_BUCKETS * BUCKET_LONGS;
  }

  /** A fingerprint from its entry in bucket {@code b} (the low 32 + qbits bits, see read). */
  private static long whole(Table t, long b, long entry) {
    long first = t.firstTop(b);
    long top = first + (((entry >>> 32) - first) & ((1L << (t.width - 32)) - 1));
    return (top << 32) | (entry & 0xFFFFFFFFL);
  }

  /** Appends fp to its bucket of a table no one else uses; false when the bucket is full. */
  private static boolean append(Table t, long fp) {
    int b = t.bucket(fp);
    long[] seg = t.segment(segment(b));
    int base = base(b);
    long h = seg[base];
    int n = (int) (h & COUNT);
    if (n == t.places) return false;
    seg[base] = write(seg, base, h, t.width - 32, n, fp & t.widthMask) + 1;
    return true;
  }

  /**
   * Puts a fingerprint into a table being built: into its bucket, or into {@code spill} with
   * the bucket flagged when it is full (a new bucket may take more than an old one held).
   */
  private static void place(Table t, long fp, FingerprintSet spill) {
    if (append(t, fp)) return;
    int b = t.bucket(fp);
    long[] seg = t.segment(segment(b));
    int base = base(b);
    seg[base] |= OVERFLOWED;
    spill.add(fp);
  }

  /**
   * Reads entries [from, to) of a bucket whose first long is {@code h} into {@code out} from
   * index 0, each as the low {@code 32 + qbits} bits of its fingerprint; returns how many.
   */
  private static int read(long[] seg, int base, long h, Table t, int from, int to, long[] out) {
    int q = t.width - 32;
    for (int i = from; i < to; i++) {
      out[i - from] = (top(seg, base, h, i, q) << 32) | (lowHalf(seg, base, i) & 0xFFFFFFFFL);
    }
    return to - from;
  }

  /** The low half of entry i's fingerprint: ints downwards from the bucket's last long. */
  private static int lowHalf(long[] seg, int base, int i) {
    return (int) (seg[base + BUCKET_LONGS - 1 - (i >>> 1)] >>> ((i & 1) << 5));
  }

  /** The qbits kept of entry i's top half; h stands for the bucket's first long. */
  private static long top(long[] seg, int base, long h, int i, int q) {
    int pos = HEADER_BITS + i * q;
    int idx = pos >>> 6;
    int off = pos & 63;
    long v = (idx == 0 ? h : seg[base + idx]) >>> off;
    if (off + q > 64) v |= seg[base + idx + 1] << (64 - off);
    return v & ((1L << q) - 1);
  }

  /**
   * Writes entry {@code i} of a bucket from the low {@code 32 + q} bits of its fingerprint,
   * returning the bucket's first long with the entry in it (the caller stores that long last:
   * it holds the count and the lock); the other longs are written here.
   */
  private static long write(long[] seg, int base, long h, int q, int i, long value) {
    int at = base + BUCKET_LONGS - 1 - (i >>> 1);
    int half = (i & 1) << 5;
    seg[at] = (seg[at] & ~(0xFFFFFFFFL << half)) | ((value & 0xFFFFFFFFL) << half);
    long top = value >>> 32;
    long m = (1L << q) - 1;
    int pos = HEADER_BITS + i * q;
    int idx = pos >>> 6;
    int off = pos & 63;
    if (idx == 0) {
      h = (h & ~(m << off)) | (top << off);
    } else {
      seg[base + idx] = (seg[base + idx] & ~(m << off)) | (top << off);
    }
    if (off + q > 64) {
      int rest = 64 - off;
      seg[base + idx + 1] = (seg[base + idx + 1] & ~(m >>> rest)) | (top >>> rest);
    }
    return h;
  }

  /**
   * Whether entries [from, to) hold the fingerprint whose low {@code 32 + q} bits are
   * {@code value}: the low halves first, one int each, and the top bits only where those agree
   * (once in 2^32 for another fingerprint).
   */
  private static boolean find(long[] seg, int base, long h, Table t, int from, int to,
      long value) {
    int low = (int) value;
    for (int i = from; i < to; i++) {
      if (lowHalf(seg, base, i) == low && top(seg, base, h, i, t.width - 32) == value >>> 32) {
        return true;
      }
    }
    return false;
  }

  /** Reads the lines of fp's bucket, returning any value of them: see {@link VisitedSet#touch}. */
  @Override
  public long touch(long fp) {
    Table t = table;
    int b = t.bucket(fp);
    long[] seg = t.segments[segment(b)];
    int base = base(b);
    long v = seg[base + BUCKET_LONGS - 1];
    for (int i = 0; i < BUCKET_LONGS; i += 8) v += seg[base + i];
    return v;
  }

  /** Adds the fingerprint and says whether this call was the one that added it. Needs a pass. */
  @Override
  public boolean add(long fp) {
    Table t = table;
    int b = t.bucket(fp);
    long[] seg = t.segments[segment(b)];
    int base = base(b);
    long low = fp & t.widthMask;
    long h = (long) WORD.getAcquire(seg, base);
    int seen = (int) (h & COUNT);
    if (find(seg, base, h, t, 0, seen, low)) return false;
    while (true) {
      h = (long) WORD.getVolatile(seg, base);
      if ((h & LOCKED) == 0 && WORD.compareAndSet(seg, base, h, h | LOCKED)) break;
      Thread.onSpinWait();
    }
    int n = (int) (h & COUNT);
    boolean added = false;
    try {
      if (find(seg, base, h, t, seen, n, low)) return false;
      if ((h & OVERFLOWED) != 0) {
        synchronized (this) {
          if (overflow.contains(fp)) return false;
        }
      }
      if (n < t.places) {
        h = write(seg, base, h, t.width - 32, n, low) + 1;
      } else {
        synchronized (this) {
          overflow.add(fp);
        }
        h |= OVERFLOWED;
      }
      added = true;
    } finally {
      WORD.setRelease(seg, base, h);
    }
    size.increment();
    return added;
  }

  /** Whether the fingerprint is in the set; with a pass, or while no one adds. */
  @Override
  public boolean contains(long fp) {
    Table t = table;
    int b = t.bucket(fp);
    long[] seg = t.segments[segment(b)];
    int base = base(b);
    long h = (long) WORD.getAcquire(seg, base);
    if (find(seg, base, h, t, 0, (int) (h & COUNT), fp & t.widthMask)) return true;
    if ((h & OVERFLOWED) == 0) return false;
    synchronized (this) {
      return overflow.contains(fp);
    }
  }

  @Override
  public long size() {
    return size.sum();
  }

  /** Hands every fingerprint to {@code v}, in bucket order; call while no worker adds. */
  @Override
  public void forEach(Visitor v) throws IOException {
    Table t = table;
    long[] entries = new long[t.places];
    for (long b = 0; b < t.buckets; b++) {
      long[] seg = t.segments[segment((int) b)];
      int base = base((int) b);
      int n = read(seg, base, seg[base], t, 0, (int) (seg[base] & COUNT), entries);
      for (int i = 0; i < n; i++) v.fingerprint(whole(t, b, entries[i]));
    }
    for (long fp : overflow.table()) {
      if (fp != 0) v.fingerprint(fp);
    }
    if (overflow.hasZero()) v.fingerprint(0);
  }

  /**
   * Makes room for {@code n} fingerprints at once, before a checkpoint is loaded, so that
   * loading does not grow the table on the way. Only while the set is empty.
   */
  @Override
  public void reserve(long n) {
    if (size.sum() != 0) throw new IllegalStateException("reserve an empty set only");
    long buckets = table.buckets;
    while (n > limit(new Sizes(buckets))) {
      if (buckets >= MAX_BUCKETS) throw new IllegalStateException("fingerprint set is full");
      buckets = Math.min(MAX_BUCKETS, buckets * 2);
    }
    if (buckets == table.buckets) return;
    table = new Table(buckets, true);
    threshold = limit(table);
  }

  /** The buckets held and the overflow set: what the set costs in heap. */
  @Override
  public long heapBytes() {
    long bytes = table.heapBytes();
    synchronized (this) {
      bytes += overflow.heapBytes();
    }
    return bytes;
  }

  /** Fingerprints held outside their bucket, for tests and figures. */
  long overflowed() {
    synchronized (this) {
      return overflow.size();
    }
  }
}
