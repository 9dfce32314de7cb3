package poolcheck.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.cluster.Manifest;

/**
 * A cluster checkpoint is resumed only by the poolcheck, model text, constants and options that
 * wrote it: anything else is refused, naming what differs, before any node starts; so is one of
 * another number of nodes that is incomplete, which a resume would otherwise re-hash.
 */
class ClusterResumeRefusalTest {
  @TempDir
  Path dir;
  private Path model;
  private Path checkpoint;
  private ModelCheck check;

  @BeforeEach
  void copyTheModel() throws Exception {
    model = dir.resolve("recycle.pool");
    Files.copy(Path.of("models/bench/recycle.pool"), model);
    checkpoint = dir.resolve("ckpt");
    check = ModelCheck.of(model).constant("PAGES", 5).constant("RING", 4);
  }

  private void manifest(Map<String, String> identity, int nodes) throws Exception {
    long[] entries = new long[nodes];
    entries[0] = 40;
    new Manifest(7, 3, 40, 90, 1000, entries, new long[nodes], identity).write(checkpoint);
  }

  private String refusal(ModelCheck resumed) {
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> resumed.resume(checkpoint).onCluster(ClusterSetup.local(2, line -> { })));
    return e.getMessage();
  }

  @Test
  void refusesAnotherPoolcheckVersion() throws Exception {
    Map<String, String> older = new LinkedHashMap<>(check.clusterIdentity());
    older.put("poolcheck", "poolcheck 0.0.9, cluster protocol 1");
    manifest(older, 2);
    String why = refusal(check);
    assertTrue(why.startsWith(checkpoint.resolve(Manifest.FILE) + ": cannot resume: the "
        + "checkpoint is of another run: poolcheck: checkpoint poolcheck 0.0.9, cluster "
        + "protocol 1, this run poolcheck 0.1.0"), why);
  }

  @Test
  void refusesOtherConstants() throws Exception {
    manifest(check.clusterIdentity(), 2);
    String why = refusal(check.constant("PAGES", 4));
    assertTrue(why.contains("constants: checkpoint {PAGES=5, RING=4, CPUS=2, ROUNDS=3}, this "
        + "run {PAGES=4, RING=4, CPUS=2, ROUNDS=3}"), why);
  }

  @Test
  void refusesAnEditedModel() throws Exception {
    manifest(check.clusterIdentity(), 2);
    Files.writeString(model, Files.readString(model) + "\n// edited\n");
    String why = refusal(check);
    assertTrue(why.contains("model text: checkpoint "), why);
    assertTrue(!why.contains("constants:"), why);
  }

  @Test
  void refusesOtherPropertiesOrSymmetry() throws Exception {
    manifest(check.clusterIdentity(), 2);
    assertTrue(refusal(check.symmetry(false)).contains("symmetry reduction: checkpoint on, "
        + "this run off"));
    assertTrue(refusal(check.noDeadlock()).contains("deadlock: checkpoint checked, this run "
        + "not checked"));
  }

  @Test
  void refusesAnEmptyDirectoryAndAnIncompleteCheckpointOfAnotherNumberOfNodes()
      throws Exception {
    String none = refusal(check);
    assertTrue(none.contains("cannot resume: no cluster checkpoint here"), none);
    // a manifest of 3 nodes without their files: re-hashing it for 2 finds it incomplete
    manifest(check.clusterIdentity(), 3);
    String why = refusal(check);
    assertTrue(why.startsWith(checkpoint.resolve(Manifest.FILE) + ": cannot resume: no "
        + "checkpoint file of node 0: "), why);
    assertTrue(why.endsWith("(the checkpoint is of 3 nodes and this run has 2; an incomplete "
        + "or damaged checkpoint is not re-hashed, and nothing was resumed)"), why);
    try (var beside = Files.list(dir)) {
      assertEquals(List.of("ckpt", "recycle.pool"), beside.map(p -> p.getFileName()
          .toString()).sorted().toList(), "nothing re-hashed beside it");
    }
  }
}
