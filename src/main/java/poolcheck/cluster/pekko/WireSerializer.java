package poolcheck.cluster.pekko;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import poolcheck.cluster.MessageCodec;

/**
 * Pekko's serializer for {@link Wire}: the search's messages through {@link MessageCodec}
 * (batches as raw longs), the handshake as length-prefixed UTF-8 strings. Bound to
 * {@code poolcheck.cluster.pekko.Wire} in {@link NodeConfig}.
 */
public final class WireSerializer extends SerializerWithStringManifest {
  public WireSerializer(ExtendedActorSystem system) {}

  @Override
  public int identifier() {
    return 74_707_001;
  }

  @Override
  public String manifest(Object o) {
    return kind(o);
  }

  @Override
  public byte[] toBinary(Object o) {
    if (o instanceof Wire.Protocol p) return MessageCodec.encode(p.message());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      if (o instanceof Wire.Hello h) {
        out.writeUTF(h.version());
      } else if (o instanceof Wire.Ready r) {
        out.writeInt(r.index());
      } else if (o instanceof Wire.Refused r) {
        writeString(out, r.why());
      } else if (o instanceof Wire.Setup s) {
        out.writeUTF(s.version());
        out.writeInt(s.index());
        out.writeInt(s.partitions());
        writeMap(out, s.files());
        writeString(out, s.source());
        writeString(out, s.configuration());
        writeMap(out, s.constants());
        writeList(out, s.properties());
        out.writeBoolean(s.deadlock());
        out.writeBoolean(s.symmetry());
        writeString(out, s.digest());
        writeList(out, s.peers());
      } else {
        throw new IllegalArgumentException("not a poolcheck wire message: " + o.getClass());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  @Override
  public Object fromBinary(byte[] bytes, String manifest) {
    if (manifest.equals("P")) return new Wire.Protocol(MessageCodec.decode(bytes));
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      return switch (manifest) {
        case "H" -> new Wire.Hello(in.readUTF());
        case "R" -> new Wire.Ready(in.readInt());
        case "F" -> new Wire.Refused(readString(in));
        case "S" -> new Wire.Setup(in.readUTF(), in.readInt(), in.readInt(), readMap(in),
            readString(in), readString(in), readMap(in), readList(in), in.readBoolean(),
            in.readBoolean(), readString(in), readList(in));
        default -> throw new IllegalArgumentException("unknown manifest " + manifest);
      };
    } catch (IOException e) {
      throw new IllegalArgumentException("a truncated poolcheck message", e);
    }
  }

  // Refused and Ready share the first letter: Refused is written as "F".
  private static String kind(Object o) {
    return o instanceof Wire.Refused ? "F" : o.getClass().getSimpleName().substring(0, 1);
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) return null;
    byte[] b = in.readNBytes(n);
    return new String(b, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void writeMap(DataOutputStream out, Map<String, String> m) throws IOException {
    out.writeInt(m.size());
    for (Map.Entry<String, String> e : m.entrySet()) {
      writeString(out, e.getKey());
      writeString(out, e.getValue());
    }
  }

  private static Map<String, String> readMap(DataInputStream in) throws IOException {
    int n = in.readInt();
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) m.put(readString(in), readString(in));
    return m;
  }

  private static void writeList(DataOutputStream out, List<String> l) throws IOException {
    if (l == null) {
      out.writeInt(-1);
      return;
    }
    out.writeInt(l.size());
    for (String s : l) writeString(out, s);
  }

  private static List<String> readList(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) return null;
    List<String> l = new ArrayList<>();
    for (int i = 0; i < n; i++) l.add(readString(in));
    return l;
  }
}
