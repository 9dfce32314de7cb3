package poolcheck.cluster;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Every {@link Message} as plain big-endian binary: a tag byte, then fixed fields; a batch is
 * its long[] verbatim (8 bytes per word, no per-state overhead). The wire format of the Pekko
 * transport and the byte count of the in-process one.
 */
public final class MessageCodec {
  private MessageCodec() {}

  private static final byte BATCH = 1;
  private static final byte CREDIT = 2;
  private static final byte END = 3;
  private static final byte EXPAND = 4;
  private static final byte LOOKUP = 5;
  private static final byte FINISH = 6;
  private static final byte REPORT = 7;
  private static final byte ENTRY = 8;
  private static final byte FAILED = 9;
  private static final byte SAVE = 10;
  private static final byte RESTORE = 11;
  private static final byte SAVED = 12;

  public static int size(Message m) {
    if (m instanceof Message.Batch b) return 1 + 4 + 4 + 4 + 4 + 8 * b.records().length;
    if (m instanceof Message.Credit) return 1 + 4;
    if (m instanceof Message.EndOfLevel) return 1 + 4 + 4;
    if (m instanceof Message.Expand) return 1 + 4;
    if (m instanceof Message.Lookup) return 1 + 8;
    if (m instanceof Message.Finish) return 1;
    if (m instanceof Message.LevelReport r) {
      return 1 + 4 + 4 + 8 + 8 + 8 + 8 + 8 + foundSize(r.found());
    }
    if (m instanceof Message.Save s) return 1 + 4 + 8 + stringSize(s.dir());
    if (m instanceof Message.Restore r) {
      return 1 + 4 + 8 + stringSize(r.dir()) + 4 + 8 * r.entries().length;
    }
    if (m instanceof Message.Saved) return 1 + 4 + 4 + 8 + 8;
    if (m instanceof Message.Entry) return 1 + 8 + 8;
    Message.Failed f = (Message.Failed) m;
    return 1 + 4 + stringSize(f.why());
  }

  private static int stringSize(String s) {
    return 4 + s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static void putString(ByteBuffer out, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.putInt(b.length).put(b);
  }

  private static String getString(ByteBuffer in) {
    byte[] b = new byte[in.getInt()];
    in.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static int foundSize(Message.Found f) {
    if (f == null) return 4;
    return 4 + 8 + 4 + 4 + 4 + (f.at() == null ? 0 : 4 * f.at().length);
  }

  public static byte[] encode(Message m) {
    ByteBuffer out = ByteBuffer.allocate(size(m));
    if (m instanceof Message.Batch b) {
      out.put(BATCH).putInt(b.from()).putInt(b.level()).putInt(b.count())
          .putInt(b.records().length);
      out.asLongBuffer().put(b.records());
    } else if (m instanceof Message.Credit c) {
      out.put(CREDIT).putInt(c.from());
    } else if (m instanceof Message.EndOfLevel e) {
      out.put(END).putInt(e.from()).putInt(e.batches());
    } else if (m instanceof Message.Expand e) {
      out.put(EXPAND).putInt(e.level());
    } else if (m instanceof Message.Lookup l) {
      out.put(LOOKUP).putLong(l.id());
    } else if (m instanceof Message.Finish) {
      out.put(FINISH);
    } else if (m instanceof Message.LevelReport r) {
      out.put(REPORT).putInt(r.from()).putInt(r.level()).putLong(r.added())
          .putLong(r.generated()).putLong(r.frontier()).putLong(r.bytesSent())
          .putLong(r.busyNanos());
      putFound(out, r.found());
    } else if (m instanceof Message.Save v) {
      out.put(SAVE).putInt(v.level()).putLong(v.run());
      putString(out, v.dir());
    } else if (m instanceof Message.Restore r) {
      out.put(RESTORE).putInt(r.level()).putLong(r.run());
      putString(out, r.dir());
      out.putInt(r.entries().length);
      for (long e : r.entries()) out.putLong(e);
    } else if (m instanceof Message.Saved v) {
      out.put(SAVED).putInt(v.from()).putInt(v.level()).putLong(v.entries())
          .putLong(v.frontier());
    } else if (m instanceof Message.Entry e) {
      out.put(ENTRY).putLong(e.id()).putLong(e.entry());
    } else {
      out.put(FAILED).putInt(((Message.Failed) m).from());
      putString(out, ((Message.Failed) m).why());
    }
    return out.array();
  }

  private static void putFound(ByteBuffer out, Message.Found f) {
    if (f == null) {
      out.putInt(-1);
      return;
    }
    out.putInt(f.property()).putLong(f.anchor()).putInt(f.transition()).putInt(f.length());
    if (f.at() == null) {
      out.putInt(-1);
    } else {
      out.putInt(f.at().length);
      for (int v : f.at()) out.putInt(v);
    }
  }

  private static Message.Found getFound(ByteBuffer in) {
    int property = in.getInt();
    if (property < 0) return null;
    long anchor = in.getLong();
    int transition = in.getInt();
    int length = in.getInt();
    int n = in.getInt();
    int[] at = null;
    if (n >= 0) {
      at = new int[n];
      for (int i = 0; i < n; i++) at[i] = in.getInt();
    }
    return new Message.Found(property, anchor, transition, at, length);
  }

  /** The message in {@code bytes}; IllegalArgumentException for anything else. */
  public static Message decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      byte tag = in.get();
      return switch (tag) {
        case BATCH -> {
          int from = in.getInt();
          int level = in.getInt();
          int count = in.getInt();
          long[] records = new long[in.getInt()];
          in.asLongBuffer().get(records);
          yield new Message.Batch(from, level, records, count);
        }
        case CREDIT -> new Message.Credit(in.getInt());
        case END -> new Message.EndOfLevel(in.getInt(), in.getInt());
        case EXPAND -> new Message.Expand(in.getInt());
        case LOOKUP -> new Message.Lookup(in.getLong());
        case FINISH -> new Message.Finish();
        case REPORT -> new Message.LevelReport(in.getInt(), in.getInt(), in.getLong(),
            in.getLong(), in.getLong(), in.getLong(), in.getLong(), getFound(in));
        case SAVE -> new Message.Save(in.getInt(), in.getLong(), getString(in));
        case RESTORE -> {
          int level = in.getInt();
          long run = in.getLong();
          String dir = getString(in);
          long[] entries = new long[in.getInt()];
          for (int i = 0; i < entries.length; i++) entries[i] = in.getLong();
          yield new Message.Restore(level, run, dir, entries);
        }
        case SAVED -> new Message.Saved(in.getInt(), in.getInt(), in.getLong(), in.getLong());
        case ENTRY -> new Message.Entry(in.getLong(), in.getLong());
        case FAILED -> new Message.Failed(in.getInt(), getString(in));
        default -> throw new IllegalArgumentException("unknown message tag " + tag);
      };
    } catch (java.nio.BufferUnderflowException | NegativeArraySizeException e) {
      throw new IllegalArgumentException("truncated message", e);
    }
  }
}
