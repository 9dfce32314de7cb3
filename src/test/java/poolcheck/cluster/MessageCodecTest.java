package poolcheck.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every message survives the wire format, and its size is what the byte figures count. */
class MessageCodecTest {
  private static Message roundTrip(Message m) {
    byte[] bytes = MessageCodec.encode(m);
    assertEquals(MessageCodec.size(m), bytes.length, m.toString());
    return MessageCodec.decode(bytes);
  }

  @Test
  void writesEveryMessageAndReadsItBack() {
    List<Message> plain = List.of(new Message.Credit(3), new Message.EndOfLevel(1, 17),
        new Message.Expand(-1), new Message.Lookup(123_456_789_012L), new Message.Finish(),
        new Message.Entry(5, -7), new Message.Failed(2, "partition 2 ran out of memory é"),
        new Message.Save(7, 0x1234_5678_9abcL, "/tmp/ckpt é"),
        new Message.Saved(2, 7, 1_000_000L, 4_242L));
    Message.Restore restore = (Message.Restore) roundTrip(
        new Message.Restore(7, -5, "/tmp/ckpt", new long[] {3, 1L << 40, 0}));
    assertEquals(List.of(7, -5L, "/tmp/ckpt"), List.of(restore.level(), restore.run(),
        restore.dir()));
    assertArrayEquals(new long[] {3, 1L << 40, 0}, restore.entries());
    for (Message m : plain) assertEquals(m, roundTrip(m));
    Message.Found found = new Message.Found(4, 99, 2, new int[] {1, -2, 3}, 14);
    Message.LevelReport r = (Message.LevelReport) roundTrip(
        new Message.LevelReport(1, 6, 100, 300, 50, 4096, 77_000_000L, found));
    assertEquals(List.of(1, 6, 100L, 300L, 50L, 4096L, 77_000_000L), List.of(r.from(),
        r.level(), r.added(), r.generated(), r.frontier(), r.bytesSent(), r.busyNanos()));
    assertEquals(List.of(4, 99L, 2, 14), List.of(r.found().property(), r.found().anchor(),
        r.found().transition(), r.found().length()));
    assertArrayEquals(found.at(), r.found().at());
    Message.LevelReport none = (Message.LevelReport) roundTrip(
        new Message.LevelReport(0, -1, 1, 1, 1, 0, 0, null));
    assertEquals(null, none.found());
    Message.LevelReport deadlock = (Message.LevelReport) roundTrip(
        new Message.LevelReport(0, 2, 0, 0, 0, 0, 0, new Message.Found(0, 5, -2, null, 2)));
    assertEquals(null, deadlock.found().at());
  }

  @Test
  void aBatchIsItsLongsVerbatimAfterASeventeenByteHeader() {
    long[] records = {Long.MIN_VALUE, -1, 0, 42, Long.MAX_VALUE, 7};
    Message.Batch b = (Message.Batch) roundTrip(new Message.Batch(2, 9, records, 3));
    assertEquals(17 + 8 * records.length, MessageCodec.size(b));
    assertEquals(List.of(2, 9, 3), List.of(b.from(), b.level(), b.count()));
    assertArrayEquals(records, b.records());
  }

  @Test
  void rejectsATruncatedOrUnknownMessage() {
    byte[] bytes = MessageCodec.encode(new Message.Batch(0, 0, new long[] {1, 2}, 1));
    assertThrows(IllegalArgumentException.class,
        () -> MessageCodec.decode(Arrays.copyOf(bytes, bytes.length - 3)));
    assertThrows(IllegalArgumentException.class, () -> MessageCodec.decode(new byte[] {99}));
  }
}
