package poolcheck.cluster;

import java.util.concurrent.BlockingQueue;

/**
 * How messages reach partitions and the coordinator: in this JVM ({@link InProcessTransport}) or
 * across a Pekko cluster. A transport must never lose or duplicate a message; batches are
 * additionally held to credits by the {@link Partition}s, so no queue grows without bound.
 */
public interface Transport {
  int partitions();

  void toPartition(int partition, Message message);

  void toCoordinator(Message message);

  /** Where the coordinator's messages arrive. */
  BlockingQueue<Message> coordinatorInbox();
}
