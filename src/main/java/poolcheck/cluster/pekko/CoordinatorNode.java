package poolcheck.cluster.pekko;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.cluster.Cluster;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.serialization.Serialization;
import poolcheck.cluster.Message;
import poolcheck.cluster.PartitionedSearch;
import poolcheck.cluster.Transport;
import poolcheck.result.CheckResult;
import poolcheck.system.PropertySelection;
import poolcheck.system.TransitionSystem;

/**
 * {@code poolcheck check MODEL --cluster HOST:PORT}: the coordinator. Binds HOST:PORT as the
 * cluster's seed, waits for the workers' hellos (refusing another version), ships each the
 * model, waits until every one has loaded and matched it, then drives the
 * {@link PartitionedSearch} and tells the workers the run is over.
 */
public final class CoordinatorNode {
  private CoordinatorNode() {}

  /** What the workers are sent to build the very same model. */
  public record Shipment(java.util.Map<String, String> files, String source,
      String configuration, java.util.Map<String, String> constants, List<String> properties,
      boolean deadlock, boolean symmetry, String digest) {}

  /** Thrown when the cluster cannot be formed or breaks: why, in words. */
  public static final class ClusterFailure extends RuntimeException {
    public ClusterFailure(String why) {
      super(why);
    }
  }

  /**
   * Runs the search on {@code workers} workers. {@code bound} gets the port once bound (for
   * starting local workers); {@code log} gets one line per level; {@code configure} sets the
   * search's limits, checkpoints and resume.
   */
  public static CheckResult run(TransitionSystem model, PropertySelection checked,
      Shipment shipment, String host, int port, int workers, Duration joinTimeout,
      IntConsumer bound, Consumer<String> log, java.util.function.BooleanSupplier stop,
      java.util.function.UnaryOperator<PartitionedSearch> configure)
      throws InterruptedException {
    ActorSystem system;
    try {
      system = ActorSystem.create("poolcheck", NodeConfig.of(host, port));
    } catch (RuntimeException e) {
      throw new ClusterFailure("cannot bind " + host + ":" + port + ": " + rootMessage(e));
    }
    try {
      Cluster cluster = Cluster.get(system);
      cluster.join(cluster.selfAddress());
      BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
      CompletableFuture<List<ActorRef>> ready = new CompletableFuture<>();
      system.actorOf(Props.create(CoordinatorActor.class, () -> new CoordinatorActor(workers,
          shipment, inbox, ready, log)), "coordinator");
      bound.accept((Integer) cluster.selfAddress().port().get());
      List<ActorRef> refs;
      try {
        refs = ready.get(joinTimeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        throw new ClusterFailure("not every one of " + workers + " workers joined within "
            + joinTimeout.toSeconds() + " s");
      } catch (ExecutionException e) {
        throw new ClusterFailure(e.getCause().getMessage());
      }
      Transport transport = new CoordinatorTransport(refs, inbox);
      try {
        PartitionedSearch search = configure.apply(new PartitionedSearch(model, checked,
            transport).silenceMillis(600_000).stopWhen(stop)
            .progress(figures -> log.accept(figures.line())));
        CheckResult r = search.run();
        log.accept(String.format(java.util.Locale.ROOT, "cluster: %,d bytes of batches, "
            + "credits and markers between nodes, %.1f bytes per distinct state",
            search.bytesSent(), r.statistics().distinct() == 0 ? 0.0
                : (double) search.bytesSent() / r.statistics().distinct()));
        return r;
      } catch (PartitionedSearch.Lost e) {
        throw new ClusterFailure(e.getMessage());
      } finally {
        for (ActorRef w : refs) w.tell(new Wire.Protocol(new Message.Finish()), ActorRef.noSender());
        Thread.sleep(300);
      }
    } finally {
      system.terminate();
      try {
        system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        // the process goes on without it
      }
    }
  }

  private static String rootMessage(Throwable e) {
    while (e.getCause() != null) e = e.getCause();
    return e.getMessage();
  }

  static final class CoordinatorActor extends AbstractActor {
    private final int workers;
    private final Shipment shipment;
    private final BlockingQueue<Message> inbox;
    private final CompletableFuture<List<ActorRef>> ready;
    private final Consumer<String> log;
    private final List<ActorRef> joined = new ArrayList<>();
    private int readyCount;

    CoordinatorActor(int workers, Shipment shipment, BlockingQueue<Message> inbox,
        CompletableFuture<List<ActorRef>> ready, Consumer<String> log) {
      this.workers = workers;
      this.shipment = shipment;
      this.inbox = inbox;
      this.ready = ready;
      this.log = log;
    }

    @Override
    public void preStart() {
      Cluster.get(getContext().getSystem()).subscribe(getSelf(),
          ClusterEvent.initialStateAsEvents(), ClusterEvent.UnreachableMember.class);
    }

    @Override
    public Receive createReceive() {
      return receiveBuilder()
          .match(Wire.Hello.class, this::hello)
          .match(Wire.Ready.class, r -> {
            if (++readyCount == workers) ready.complete(List.copyOf(joined));
          })
          .match(Wire.Refused.class, r -> ready.completeExceptionally(
              new ClusterFailure("a worker refused the run: " + r.why())))
          .match(Wire.Protocol.class, p -> inbox.add(p.message()))
          .match(ClusterEvent.UnreachableMember.class, u -> {
            int node = nodeAt(u.member().address());
            String why = "lost node " + (node < 0 ? "" : node + " of " + workers + " ")
                + "at " + u.member().address().host().get() + ":"
                + u.member().address().port().get() + " (unreachable)";
            ready.completeExceptionally(new ClusterFailure(why));
            inbox.add(new Message.Failed(-1, why));
          })
          .matchAny(o -> { })
          .build();
    }

    /** The partition of the worker at {@code a}, or -1 if it has none (yet). */
    private int nodeAt(org.apache.pekko.actor.Address a) {
      for (int i = 0; i < joined.size(); i++) {
        if (joined.get(i).path().address().equals(a)) return i;
      }
      return -1;
    }

    private void hello(Wire.Hello h) {
      if (joined.contains(getSender())) return;
      if (!h.version().equals(Wire.VERSION)) {
        getSender().tell(new Wire.Refused("the coordinator is " + Wire.VERSION
            + ", this worker " + h.version()), getSelf());
        log.accept("refused a worker at " + getSender().path().address() + ": version "
            + h.version());
        return;
      }
      if (joined.size() == workers) {
        getSender().tell(new Wire.Refused("the run already has its " + workers + " workers"),
            getSelf());
        return;
      }
      joined.add(getSender());
      if (joined.size() < workers) return;
      List<String> peers = joined.stream().map(Serialization::serializedActorPath).toList();
      for (int i = 0; i < workers; i++) {
        Shipment s = shipment;
        joined.get(i).tell(new Wire.Setup(Wire.VERSION, i, workers, s.files(), s.source(),
            s.configuration(), s.constants(), s.properties(), s.deadlock(), s.symmetry(),
            s.digest(), peers), getSelf());
      }
    }
  }

  private record CoordinatorTransport(List<ActorRef> workers, BlockingQueue<Message> inbox)
      implements Transport {
    @Override
    public int partitions() {
      return workers.size();
    }

    @Override
    public void toPartition(int partition, Message message) {
      workers.get(partition).tell(new Wire.Protocol(message), ActorRef.noSender());
    }

    @Override
    public void toCoordinator(Message message) {
      inbox.add(message);
    }

    @Override
    public BlockingQueue<Message> coordinatorInbox() {
      return inbox;
    }
  }
}
