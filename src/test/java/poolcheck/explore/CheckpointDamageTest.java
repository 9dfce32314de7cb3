package poolcheck.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.compile.Models;
import poolcheck.compile.CompiledModel;
import poolcheck.explore.store.Checkpoint;
import poolcheck.result.CheckResult;
import poolcheck.result.Verdict;

/**
 * Damaged checkpoints, generated: cut at many offsets, a bit flipped at many positions, and
 * counts or lengths forged to -1 or huge with the checksum recomputed, so that the checks behind
 * the checksum are reached too. Every one must be refused with a message saying why: no
 * exception of another kind, no verdict, no allocation sized by the damage.
 */
class CheckpointDamageTest {
  @TempDir
  Path dir;

  private CompiledModel model;
  private byte[] good;

  @BeforeEach
  void writeACheckpoint() throws Exception {
    model = Models.load(Path.of("models/bench/recycle.pool"), Map.of("PAGES", "3"));
    CheckResult first = new Explorer(model).fingerprints(true).maxDepth(6).checkpoint(dir, 0)
        .run();
    assertEquals(Verdict.INCOMPLETE, first.verdict());
    good = Files.readAllBytes(dir.resolve(Checkpoint.FILE));
  }

  /** Resumes from {@code bytes}; returns the refusal's message, failing on anything else. */
  private String refusal(String what, byte[] bytes) throws Exception {
    Files.write(dir.resolve(Checkpoint.FILE), bytes);
    try {
      CheckResult r = new Explorer(model).fingerprints(true).resume(dir).run();
      fail(what + ": resumed with verdict " + r.verdict() + ", " + r.statistics().distinct()
          + " states");
    } catch (UncheckedIOException e) {
      assertTrue(e.getCause() instanceof Checkpoint.Refused, what + ": " + e.getCause());
      String m = e.getCause().getMessage();
      assertTrue(m.startsWith(dir.resolve(Checkpoint.FILE) + ": cannot resume: "), what + ": " + m);
      return m;
    } catch (RuntimeException | Error e) {
      throw new AssertionError(what + ": " + e, e);
    }
    throw new AssertionError("unreachable");
  }

  @Test
  void theUndamagedCheckpointResumesToTheFullCount() {
    CheckResult r = new Explorer(model).fingerprints(true).resume(dir).run();
    CheckResult straight = new Explorer(model).run();
    assertEquals(Verdict.VERIFIED, r.verdict());
    assertEquals(straight.statistics().distinct(), r.statistics().distinct());
    assertEquals(straight.statistics().generated(), r.statistics().generated());
  }

  @Test
  void refusesACheckpointCutAtAnyOffset() throws Exception {
    Random random = new Random(18);
    List<Integer> cuts = new ArrayList<>();
    for (int i = 0; i < Math.min(good.length, 300); i++) cuts.add(i);
    for (int i = 0; i < 200; i++) cuts.add(random.nextInt(good.length));
    cuts.add(good.length - 1);
    for (int cut : cuts) {
      String m = refusal("cut at " + cut, java.util.Arrays.copyOf(good, cut));
      assertTrue(m.contains("truncated") || m.contains("not a poolcheck checkpoint")
          || m.contains("damaged"), m);
    }
  }

  @Test
  void refusesACheckpointWithAnyBitFlipped() throws Exception {
    Random random = new Random(1818);
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < Math.min(good.length, 400); i++) positions.add(i);
    for (int i = 0; i < 300; i++) positions.add(random.nextInt(good.length));
    for (int i = 0; i < 8; i++) positions.add(good.length - 1 - i);
    for (int at : positions) {
      byte[] bad = good.clone();
      bad[at] ^= (byte) (1 << random.nextInt(8));
      refusal("bit flipped at byte " + at, bad);
    }
    // several bytes at once, as the three flipped bytes of a frontier
    for (int i = 0; i < 100; i++) {
      byte[] bad = good.clone();
      for (int k = 0; k < 3; k++) {
        bad[random.nextInt(bad.length)] ^= (byte) (1 + random.nextInt(255));
      }
      if (java.util.Arrays.equals(bad, good)) continue;
      refusal("three bytes changed, case " + i, bad);
    }
  }

  @Test
  void refusesForgedCountsEvenWithARightChecksum() throws Exception {
    Sections s = new Sections(good);
    long[] values = {-1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 40, Integer.MAX_VALUE};
    // the header's counters: depth (int) then ids, distinct, generated, millis, fingerprints,
    // frontier (longs), each forged in turn. Generated and millis are only shown, and any large
    // value is possible: those are forged negative only.
    int counters = s.headerCounters();
    for (int field = 0; field < 7; field++) {
      for (long v : field == 0 ? new long[] {-1, Integer.MIN_VALUE, Integer.MAX_VALUE}
          : field == 3 || field == 4 ? new long[] {-1, Long.MIN_VALUE} : values) {
        byte[] bad = good.clone();
        ByteBuffer b = ByteBuffer.wrap(bad);
        if (field == 0) {
          b.putInt(counters, (int) v);
        } else {
          b.putLong(counters + 4 + 8 * (field - 1), v);
        }
        if (java.util.Arrays.equals(bad, good)) continue;
        s.reseal(bad, 0);
        String m = refusal("header field " + field + " = " + v, bad);
        assertTrue(!m.contains("checksum"), "reached the checks behind the checksum: " + m);
      }
    }
    // every section's length
    for (int section = 0; section < s.count(); section++) {
      for (long v : values) {
        byte[] bad = good.clone();
        if (ByteBuffer.wrap(bad).getLong(s.start(section) + 4) == v) continue;
        ByteBuffer.wrap(bad).putLong(s.start(section) + 4, v);
        s.reseal(bad, section);
        refusal("section " + section + " length " + v, bad);
      }
    }
  }

  @Test
  void refusesTheCheckpointOfOtherStateSpaceOptions() throws Exception {
    Map<String, Explorer> others = new LinkedHashMap<>();
    others.put("properties checked", new Explorer(model).fingerprints(true).deadlock(false));
    others.put("constants", new Explorer(Models.load(Path.of("models/bench/recycle.pool"),
        Map.of("PAGES", "3", "ROUNDS", "2"))).fingerprints(true));
    others.put("model text", new Explorer(model).fingerprints(true).modelDigest("sha256:00"));
    for (Map.Entry<String, Explorer> e : others.entrySet()) {
      try {
        e.getValue().resume(dir).run();
        fail("resumed with other " + e.getKey());
      } catch (UncheckedIOException x) {
        String m = x.getCause().getMessage();
        assertTrue(m.contains("the checkpoint is of another run: " + e.getKey() + ": checkpoint "),
            m);
      }
    }
  }

  @Test
  void refusesACheckpointWrittenWithoutSymmetryReduction() throws Exception {
    CompiledModel pool = Models.load(Path.of("models/page_pool_v6_12.pool"));
    Path other = dir.resolve("unreduced");
    new Explorer(pool.withSymmetry(false)).fingerprints(true).maxDepth(3).checkpoint(other, 0)
        .run();
    try {
      new Explorer(pool).fingerprints(true).resume(other).run();
      fail("resumed a --no-symmetry checkpoint with symmetry");
    } catch (UncheckedIOException x) {
      assertTrue(x.getCause().getMessage().contains("symmetry reduction: checkpoint off, this "
          + "run on"), x.getCause().getMessage());
    }
  }

  /** The section boundaries of a checkpoint, to forge one with a right checksum. */
  private static final class Sections {
    private final List<Integer> starts = new ArrayList<>();
    private final byte[] bytes;

    Sections(byte[] bytes) {
      this.bytes = bytes;
      ByteBuffer b = ByteBuffer.wrap(bytes);
      for (int at = 12; at < bytes.length; ) {
        starts.add(at);
        at += 12 + (int) b.getLong(at + 4) + 4;
      }
    }

    int count() {
      return starts.size();
    }

    int start(int section) {
      return starts.get(section);
    }

    /** Where the header's counters begin: after its identity fields. */
    int headerCounters() throws Exception {
      int at = start(0) + 12;
      ByteBuffer b = ByteBuffer.wrap(bytes);
      int n = b.getInt(at);
      at += 4;
      for (int i = 0; i < 2 * n; i++) at += 2 + (b.getShort(at) & 0xFFFF);
      return at;
    }

    /** Recomputes the checksum of {@code section} in {@code bad}, over its original extent. */
    void reseal(byte[] bad, int section) {
      int at = start(section);
      long length = ByteBuffer.wrap(bytes).getLong(at + 4);
      CRC32C crc = new CRC32C();
      crc.update(bad, at, 12 + (int) length);
      ByteBuffer.wrap(bad).putInt(at + 12 + (int) length, (int) crc.getValue());
    }
  }
}
