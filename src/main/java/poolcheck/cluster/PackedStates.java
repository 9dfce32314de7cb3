package poolcheck.cluster;

import java.util.Arrays;

/**
 * A growable flat long[] of fixed-stride records: a partition's frontier (global number and
 * packed state) and its trace entries (stride 1). Plain array doubling: one partition per thread,
 * and a level's records are appended once and read once.
 */
final class PackedStates {
  private final int stride;
  private long[] data;
  private int count;

  PackedStates(int stride) {
    this(stride, 64);
  }

  /** Room for {@code capacity} records before the first doubling. */
  PackedStates(int stride, int capacity) {
    this.stride = stride;
    this.data = new long[stride * Math.max(64, capacity)];
  }

  /** {@code count} records of zeros, to be filled out of order (a re-hash numbers them so). */
  static PackedStates zeroed(int stride, int count) {
    PackedStates s = new PackedStates(stride, count);
    s.count = count;
    return s;
  }

  int stride() {
    return stride;
  }

  int count() {
    return count;
  }

  long[] data() {
    return data;
  }

  /** Room for one more record; returns where it starts. */
  int append() {
    int base = count * stride;
    if (base + stride > data.length) {
      data = Arrays.copyOf(data, Math.max(data.length * 2, base + stride));
    }
    count++;
    return base;
  }

  void add(long value) {
    int at = append(); // before reading data: append may replace the array
    data[at] = value;
  }

  long get(int index) {
    return data[index * stride];
  }

  long heapBytes() {
    return data.length * 8L;
  }
}
