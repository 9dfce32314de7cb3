package poolcheck.cluster.pekko;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.AbstractActorWithTimers;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSelection;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.cluster.Cluster;
import org.apache.pekko.cluster.ClusterEvent;
import poolcheck.cluster.Message;
import poolcheck.cluster.Partition;
import poolcheck.cluster.Transport;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Models;
import poolcheck.system.PropertySelection;

/**
 * {@code poolcheck worker --join HOST:PORT}: one partition of a cluster search. Joins the
 * coordinator's cluster, says hello with its version until the coordinator answers (or gives
 * up after the connect timeout), loads the model the coordinator ships, refuses it if it does not
 * match, and runs its partition until the coordinator says the run is over.
 */
public final class WorkerNode {
  private WorkerNode() {}

  /** Null when the run ended normally, else why this worker stopped. */
  public static String run(String host, int port, Duration connectTimeout) {
    String self = host.equals("localhost") || host.startsWith("127.") ? "127.0.0.1"
        : localAddress();
    ActorSystem system = ActorSystem.create("poolcheck", NodeConfig.of(self, 0));
    CompletableFuture<String> outcome = new CompletableFuture<>();
    try {
      Address seed = new Address("pekko", "poolcheck", host, port);
      Cluster.get(system).joinSeedNodes(List.of(seed));
      system.actorOf(Props.create(WorkerActor.class, () -> new WorkerActor(
          system.actorSelection(seed + "/user/coordinator"), seed, outcome, connectTimeout)),
          "worker");
      return outcome.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (ExecutionException e) {
      return String.valueOf(e.getCause());
    } finally {
      Cluster.get(system).leave(Cluster.get(system).selfAddress());
      system.terminate();
      try {
        system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (InterruptedException | ExecutionException | TimeoutException e) {
        // leaving anyway: the process ends
      }
    }
  }

  private static String localAddress() {
    try {
      return java.net.InetAddress.getLocalHost().getHostAddress();
    } catch (java.net.UnknownHostException e) {
      return "127.0.0.1";
    }
  }

  static final class WorkerActor extends AbstractActorWithTimers {
    private final ActorSelection coordinatorPath;
    private final Address seed;
    private final CompletableFuture<String> outcome;
    private final long deadline;
    private final BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
    private ActorRef coordinator;
    private Thread partition;

    WorkerActor(ActorSelection coordinatorPath, Address seed, CompletableFuture<String> outcome,
        Duration connectTimeout) {
      this.coordinatorPath = coordinatorPath;
      this.seed = seed;
      this.outcome = outcome;
      this.deadline = System.currentTimeMillis() + connectTimeout.toMillis();
    }

    @Override
    public void preStart() {
      getTimers().startTimerWithFixedDelay("hello", "hello", Duration.ofMillis(500));
      Cluster.get(getContext().getSystem()).subscribe(getSelf(),
          ClusterEvent.initialStateAsEvents(), ClusterEvent.UnreachableMember.class,
          ClusterEvent.MemberRemoved.class);
    }

    @Override
    public Receive createReceive() {
      return receiveBuilder()
          .matchEquals("hello", h -> hello())
          .match(Wire.Setup.class, this::setup)
          .match(Wire.Refused.class, r -> outcome.complete("refused by the coordinator: "
              + r.why()))
          .match(Wire.Protocol.class, p -> inbox.add(p.message()))
          .match(ClusterEvent.UnreachableMember.class, u -> lost(u.member().address()))
          .match(ClusterEvent.MemberRemoved.class, u -> lost(u.member().address()))
          .matchAny(o -> { })
          .build();
    }

    private void lost(Address a) {
      if (!a.equals(seed)) return;
      outcome.complete("lost the coordinator at " + seed.host().get() + ":"
          + seed.port().get());
      if (partition != null) partition.interrupt();
    }

    private void hello() {
      if (coordinator != null) {
        getTimers().cancel("hello");
        return;
      }
      if (System.currentTimeMillis() > deadline) {
        outcome.complete("cannot reach the coordinator at " + seed.host().get() + ":"
            + seed.port().get());
        return;
      }
      coordinatorPath.tell(new Wire.Hello(Wire.VERSION), getSelf());
    }

    private void setup(Wire.Setup s) {
      coordinator = getSender();
      getTimers().cancel("hello");
      if (!s.version().equals(Wire.VERSION)) {
        refuse("this worker is " + Wire.VERSION + ", the coordinator " + s.version());
        return;
      }
      CompiledModel model;
      Path dir = null;
      try {
        dir = Files.createTempDirectory("poolcheck-worker");
        for (Map.Entry<String, String> f : s.files().entrySet()) {
          Path p = dir.resolve(relative(f.getKey()));
          Files.createDirectories(p.getParent());
          Files.writeString(p, f.getValue());
        }
        Path source = dir.resolve(relative(s.source()));
        String digest = poolcheck.language.ModelLoader.load(source).textDigest();
        if (!digest.equals(s.digest())) {
          refuse("the model text arrived as " + digest + ", the coordinator has " + s.digest());
          return;
        }
        model = Models.load(source, s.configuration(), s.constants());
      } catch (Exception e) {
        refuse("cannot load the shipped model: " + e.getMessage());
        return;
      } finally {
        deleteQuietly(dir);
      }
      CompiledModel system = model.withSymmetry(s.symmetry());
      PropertySelection checked = PropertySelection.of(system, s.properties(), s.deadlock());
      ActorRef[] peers = new ActorRef[s.partitions()];
      ExtendedActorSystem ext = (ExtendedActorSystem) getContext().getSystem();
      for (int i = 0; i < peers.length; i++) {
        peers[i] = ext.provider().resolveActorRef(s.peers().get(i));
      }
      Transport transport = new WorkerTransport(s.index(), peers, coordinator, getSelf(), inbox);
      Partition p = new Partition(system, checked, s.index(), s.partitions(), transport);
      partition = new Thread(() -> {
        p.run(inbox);
        outcome.complete(null);
      }, "poolcheck-partition-" + s.index());
      partition.setDaemon(true);
      partition.start();
      coordinator.tell(new Wire.Ready(s.index()), getSelf());
    }

    private void refuse(String why) {
      coordinator.tell(new Wire.Refused(why), getSelf());
      outcome.complete("refused the run: " + why);
    }

    /** The file's place under the worker's directory: never above it ("..": "_up"). */
    private static Path relative(String name) {
      Path p = Path.of(name).normalize();
      if (p.isAbsolute()) p = p.getRoot().relativize(p);
      Path out = Path.of("");
      for (Path part : p) out = out.resolve(part.toString().equals("..") ? "_up" : part.toString());
      return out;
    }

    /** The shipped files are compiled into memory: the copies go at once. */
    private static void deleteQuietly(Path dir) {
      if (dir == null) return;
      try (var files = Files.walk(dir)) {
        for (Path f : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
          Files.deleteIfExists(f);
        }
      } catch (java.io.IOException | java.io.UncheckedIOException e) {
        // a temporary directory left behind is harmless
      }
    }
  }

  /** A partition's way out: to itself straight into its inbox, to others through Pekko. */
  private record WorkerTransport(int me, ActorRef[] peers, ActorRef coordinator, ActorRef self,
      BlockingQueue<Message> inbox) implements Transport {
    @Override
    public int partitions() {
      return peers.length;
    }

    @Override
    public void toPartition(int partition, Message message) {
      if (partition == me) {
        inbox.add(message);
      } else {
        peers[partition].tell(new Wire.Protocol(message), self);
      }
    }

    @Override
    public void toCoordinator(Message message) {
      coordinator.tell(new Wire.Protocol(message), self);
    }

    @Override
    public BlockingQueue<Message> coordinatorInbox() {
      throw new UnsupportedOperationException("a worker is not the coordinator");
    }
  }
}
