package poolcheck.cluster.pekko;

import java.util.List;
import java.util.Map;
import poolcheck.cluster.Message;

/**
 * What crosses the network, all of it written by {@link WireSerializer} (Java serialisation is
 * off): the handshake that ships the model, and the search's own {@link Message}s.
 */
public interface Wire {
  /** The protocol of this build: a worker of another refuses to join. */
  String VERSION = Message.VERSION;

  /** Worker to coordinator: here I am, at this version. */
  record Hello(String version) implements Wire {}

  /**
   * Coordinator to worker: be partition {@code index} of {@code partitions}; the model's files
   * (name to text, the first one the model itself) and how to compile and check it; the actor
   * paths of every partition; the digest the loaded text must have.
   */
  record Setup(String version, int index, int partitions, Map<String, String> files,
      String source, String configuration, Map<String, String> constants,
      List<String> properties, boolean deadlock, boolean symmetry, String digest,
      List<String> peers) implements Wire {}

  /** Worker to coordinator: the model loaded and matched; partition {@code index} is ready. */
  record Ready(int index) implements Wire {}

  /** Either way: this node will not take part, and why. */
  record Refused(String why) implements Wire {}

  /** A message of the search. */
  record Protocol(Message message) implements Wire {}
}
