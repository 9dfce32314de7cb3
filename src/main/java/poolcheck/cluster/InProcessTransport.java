package poolcheck.cluster;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import poolcheck.system.PropertySelection;
import poolcheck.system.TransitionSystem;

/**
 * Every partition in this JVM, one thread each, messages through queues: the partitioned search
 * without a network, for tests and as the reference the Pekko transport is held to.
 */
public final class InProcessTransport implements Transport, AutoCloseable {
  private final BlockingQueue<Message>[] inboxes;
  private final BlockingQueue<Message> coordinator = new LinkedBlockingQueue<>();
  private final Thread[] threads;

  public InProcessTransport(TransitionSystem model, PropertySelection checked, int partitions) {
    this(model, checked, partitions, Partition.batchStates(model.layout().words() + 1,
        partitions));
  }

  /** With {@code batchStates} states a batch (tests: a few, so that senders wait for credits). */
  @SuppressWarnings({"unchecked", "rawtypes"}) // an array of generic queues
  InProcessTransport(TransitionSystem model, PropertySelection checked, int partitions,
      int batchStates) {
    inboxes = new BlockingQueue[partitions];
    threads = new Thread[partitions];
    for (int i = 0; i < partitions; i++) inboxes[i] = new LinkedBlockingQueue<>();
    for (int i = 0; i < partitions; i++) {
      Partition p = new Partition(model, checked, i, partitions, this, batchStates);
      BlockingQueue<Message> inbox = inboxes[i];
      threads[i] = new Thread(() -> p.run(inbox), "poolcheck-partition-" + i);
      threads[i].setDaemon(true);
      threads[i].start();
    }
  }

  @Override
  public int partitions() {
    return inboxes.length;
  }

  @Override
  public void toPartition(int partition, Message message) {
    inboxes[partition].add(message);
  }

  @Override
  public void toCoordinator(Message message) {
    coordinator.add(message);
  }

  @Override
  public BlockingQueue<Message> coordinatorInbox() {
    return coordinator;
  }

  @Override
  public void close() {
    for (BlockingQueue<Message> q : inboxes) q.add(new Message.Finish());
    for (Thread t : threads) {
      try {
        t.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
