package poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments of a checkpointed multi-million-state run, each time resumed from
 * the checkpoint left behind and killed again once the resumed run has written a checkpoint of
 * its own, then resumed to the end: the very counts of a run never interrupted.
 */
@Tag("slow")
class KillAndResumeTest {
  private static final String[] CONFIG = {"models/bench/recycle.pool", "-D", "PAGES=6", "-D",
      "RING=4", "-D", "CPUS=3", "--no-progress", "--workers", "2"};
  /** Of the uninterrupted run (docs/performance.md has the command). */
  private static final String COUNTS = "\n7,618,860 distinct states, 30,367,225 generated";

  @TempDir
  Path dir;

  @Test
  void aRunKilledThreeTimesAndResumedCountsEveryStateOnce() throws Exception {
    Random random = new Random();
    long seed = random.nextLong();
    random.setSeed(seed);
    Path ck = dir.resolve("ck");
    Path file = ck.resolve("checkpoint.bin");
    FileTime last = null;
    for (int kill = 0; kill < 3; kill++) {
      List<String> args = new ArrayList<>(List.of(CONFIG));
      args.addAll(List.of("--checkpoint", ck.toString(), "--checkpoint-interval", "1"));
      if (last != null) args.addAll(List.of("--resume", ck.toString()));
      Process p = start(args);
      // killed only once this run has written a checkpoint of its own: each resume progresses
      for (int i = 0; i < 3000 && p.isAlive() && !newer(file, last); i++) Thread.sleep(20);
      assertTrue(p.isAlive(), "killed before the end (seed " + seed + ")");
      assertTrue(newer(file, last), "a checkpoint was written (seed " + seed + ")");
      last = Files.getLastModifiedTime(file);
      Thread.sleep(random.nextInt(1500));
      p.destroyForcibly().waitFor();
      assertTrue(!Files.exists(ck.resolve("checkpoint.bin.tmp"))
          || Files.exists(file), "a whole checkpoint is always there");
    }
    List<String> args = new ArrayList<>(List.of(CONFIG));
    args.addAll(List.of("--resume", ck.toString()));
    Process p = start(args);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(10, TimeUnit.MINUTES));
    assertEquals(ExitCode.VERIFIED, p.exitValue(), out + err + " (seed " + seed + ")");
    assertTrue(out.contains(COUNTS), out + " (seed " + seed + ")");
  }

  private static boolean newer(Path file, FileTime than) throws IOException {
    return Files.exists(file) && (than == null
        || Files.getLastModifiedTime(file).compareTo(than) > 0);
  }

  private static Process start(List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), "poolcheck.cli.Main", "check"));
    cmd.addAll(args);
    return new ProcessBuilder(cmd).redirectErrorStream(false).start();
  }
}
