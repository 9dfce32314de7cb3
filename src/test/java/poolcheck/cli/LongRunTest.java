package poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Limits, interruption and running out of memory end a run with words, statistics and a code. */
class LongRunTest {
  private static final String MODEL = "models/bench/recycle.pool";
  /** About 7.6 million states: long enough to interrupt, too big for a tiny heap. */
  private static final String[] BIG = {"-D", "PAGES=6", "-D", "RING=4", "-D", "CPUS=3"};

  private record Run(int status, String out, String err) {}

  private static Run check(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 1];
    all[0] = "check";
    System.arraycopy(args, 0, all, 1, args.length);
    int status = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void stopsAtTheStateLimit() {
    for (String workers : new String[] {"1", "2"}) {
      Run r = check(MODEL, "--max-states", "100", "--workers", workers, "--no-progress");
      assertEquals(ExitCode.INCOMPLETE, r.status(), r.err());
      assertTrue(r.out().contains("incomplete: state limit 100 reached; no violation found"),
          r.out());
    }
    // The limit is checked between expansions, so it may be passed by one state's successors.
    Run exact = check(MODEL, "--max-states", "100", "--exact", "--workers", "1", "--no-progress");
    var m = java.util.regex.Pattern.compile("\n(\\d+) distinct states").matcher(exact.out());
    assertTrue(m.find(), exact.out());
    int distinct = Integer.parseInt(m.group(1));
    assertTrue(distinct >= 100 && distinct < 110, exact.out());
  }

  @Test
  void reportsProgressWhileTheLivenessPropertiesAreChecked(@org.junit.jupiter.api.io.TempDir
      Path dir) throws IOException {
    Path model = dir.resolve("counters.pool");
    // 202,500 states: each phase polls the clock some 200 times over milliseconds
    Files.writeString(model, """
        var x : 0 .. 449 = 0;
        var y : 0 .. 449 = 0;
        process p { s: { x = (x + 1) % 450; goto s; } }
        process q { s: { y = (y + 1) % 450; goto s; } }
        fairness weak: p, q;
        liveness back: always eventually x == 0;
        """);
    Run r = check(model.toString(), "--progress-interval", "0.001");
    assertEquals(ExitCode.VERIFIED, r.status(), r.err());
    List<String> lines = r.err().lines().filter(l -> l.startsWith("progress: liveness: "))
        .toList();
    assertTrue(lines.stream().anyMatch(l -> l.matches("progress: liveness: graph, [\\d,]+ of "
        + "[\\d,]+ states expanded, heap [\\d,]+ MB of [\\d,]+ MB, \\d+ s")), r.err());
    assertTrue(lines.stream().anyMatch(l -> l.matches("progress: liveness: property back \\(1 "
        + "of 1\\), heap [\\d,]+ MB of [\\d,]+ MB, \\d+ s")), r.err());
  }

  @Test
  void stopsAtTheTimeLimitInAModelOfOneStateALevel(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    // levels this small are expanded without the pool, and its watch of the clock: minutes of
    // them must still stop at the limit
    Path model = dir.resolve("cycle.pool");
    Files.writeString(model, """
        var x : 0 .. 99999999 = 0;
        process p { s: { x = (x + 1) % 100000000; goto s; } }
        """);
    Run r = check(model.toString(), "--time-limit", "1", "--no-progress");
    assertEquals(ExitCode.INCOMPLETE, r.status(), r.err());
    assertTrue(r.out().contains("incomplete: time limit 1 s reached"), r.out());
  }

  @Test
  void stopsAtTheDepthLimit() {
    for (String mode : new String[] {"--exact", "--workers=2"}) {
      Run r = check(MODEL, "--max-depth", "3", mode, "--no-progress");
      assertEquals(ExitCode.INCOMPLETE, r.status(), r.err());
      assertTrue(r.out().contains("incomplete: depth limit 3 reached"), r.out());
      assertTrue(r.out().contains("depth 3,"), r.out());
    }
  }

  @Test
  void stopsAtTheTimeLimit() {
    Run r = check(big("--time-limit", "1", "--workers", "2", "--no-progress"));
    assertEquals(ExitCode.INCOMPLETE, r.status(), r.err());
    assertTrue(r.out().contains("incomplete: time limit 1 s reached"), r.out());
  }

  @Test
  void refusesBadEngineOptionsInOneLine() {
    Run zero = check(MODEL, "--workers", "0");
    assertEquals(ExitCode.BAD_INPUT, zero.status());
    assertTrue(zero.err().strip().startsWith("poolcheck: --workers 0: expected 1 to "), zero.err());
    Run spill = check(MODEL, "--spill-dir", "/no/such/dir");
    assertEquals(ExitCode.BAD_INPUT, spill.status());
    assertEquals("poolcheck: --spill-dir /no/such/dir: no such directory", spill.err().strip());
  }

  @Test
  void spillsTheFrontierAndStillCountsEveryState(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Run r = check(MODEL, "-D", "PAGES=5", "-D", "RING=4", "--spill-dir", dir.toString(),
        "--frontier-memory", "0", "--workers", "2", "--no-progress");
    assertEquals(ExitCode.VERIFIED, r.status(), r.err());
    assertTrue(r.out().contains("\n78,480 distinct states, 233,686 generated"), r.out());
    try (var left = Files.list(dir)) {
      assertEquals(0, left.count(), "spill files are removed");
    }
    assertEquals(List.of(), poolcheck.explore.OpenFiles.under(dir), "and closed");
  }

  @org.junit.jupiter.api.Tag("slow") // a child JVM run for seconds: the slow tier
  @Test
  void interruptPrintsTheStatisticsSoFarAndExitsWithFour() throws Exception {
    for (String signal : new String[] {"INT", "TERM"}) {
      Process p = child(List.of(), big("--workers", "2", "--progress-interval",
          "0.2"));
      try {
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(),
            StandardCharsets.UTF_8));
        List<String> progress = new ArrayList<>();
        for (String line; progress.size() < 2 && (line = err.readLine()) != null; ) {
          if (line.startsWith("progress: ")) progress.add(line);
        }
        assertEquals(2, progress.size(), "progress lines before the signal");
        assertTrue(progress.get(1).matches("progress: [\\d,]+ distinct, [\\d,]+ states/s, "
            + "frontier [\\d,]+, depth \\d+, heap [\\d,]+ MB of [\\d,]+ MB, \\d+ s"),
            progress.get(1));
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the run stops promptly after SIG" + signal);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(ExitCode.INTERRUPTED, p.exitValue(), out);
        assertTrue(out.contains("interrupted: no violation found so far"), out);
        assertTrue(out.matches("(?s).*\n[\\d,]+ distinct states, [\\d,]+ generated, depth \\d+.*"),
            out);
      } finally {
        p.destroyForcibly();
      }
    }
  }

  @Test
  void simulateOnSigtermPrintsItsSummarySoFarAndExitsWithFour() throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), "poolcheck.cli.Main", "simulate", MODEL,
        "--runs", "2000000000", "--depth", "200", "--seed", "1"));
    Process p = new ProcessBuilder(cmd).start();
    // a failed assertion must not leave the child running for its two billion runs
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
          StandardCharsets.UTF_8));
      String first = out.readLine();
      assertTrue(first != null && first.startsWith("poolcheck: model recycle"), first);
      Thread.sleep(500);
      new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "simulate stops promptly after SIGTERM");
      StringBuilder rest = new StringBuilder();
      for (String line; (line = out.readLine()) != null; ) rest.append(line).append('\n');
      assertEquals(ExitCode.INTERRUPTED, p.exitValue(), rest.toString());
      assertTrue(rest.toString().matches("(?s)interrupted: no violation in [\\d,]+ of "
          + "2000000000 runs of depth 200 \\(not a proof\\)\n[\\d,]+ steps, .*"),
          rest.toString());
    } finally {
      p.destroyForcibly();
    }
  }

  /** kill -9 at a random moment, then --resume: the same count as a run never interrupted. */
  @org.junit.jupiter.api.Tag("slow") // a child JVM run for seconds: the slow tier
  @Test
  void resumesAKilledRunToTheSameCount(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    java.util.Random random = new java.util.Random();
    String[] config = {MODEL, "-D", "PAGES=6", "-D", "RING=4", "--no-progress", "--workers", "2"};
    for (int round = 0; round < 2; round++) {
      Path ck = dir.resolve("ck" + round);
      List<String> args = new ArrayList<>(List.of(config));
      args.addAll(List.of("--checkpoint", ck.toString(), "--checkpoint-interval", "0"));
      Process p = child(List.of(), args.toArray(new String[0]));
      Path file = ck.resolve("checkpoint.bin");
      for (int i = 0; i < 600 && !Files.exists(file) && p.isAlive(); i++) Thread.sleep(10);
      Thread.sleep(random.nextInt(400));
      p.destroyForcibly().waitFor();
      assertTrue(Files.exists(file), "a checkpoint was written");
      Run resumed = check(MODEL, "-D", "PAGES=6", "-D", "RING=4", "--no-progress", "--workers", "2",
          "--resume", ck.toString());
      assertEquals(ExitCode.VERIFIED, resumed.status(), resumed.out() + resumed.err());
      assertTrue(resumed.out().contains("\n318,546 distinct states, 953,101 generated"),
          resumed.out());
    }
  }

  @Test
  void refusesToResumeFromADirectoryWithoutACheckpoint(@org.junit.jupiter.api.io.TempDir
      Path dir) {
    Run r = check(MODEL, "--resume", dir.toString());
    assertEquals(ExitCode.BAD_INPUT, r.status());
    assertEquals("poolcheck: --resume " + dir + ": no checkpoint in it", r.err().strip());
  }

  /**
   * Several runs per engine: where the heap runs out differs from run to run, and the report
   * once failed in turn (one run in three under load) until the search kept a reserve for it.
   */
  @org.junit.jupiter.api.Tag("slow") // child JVMs run for seconds: the slow tier
  @Test
  void outOfMemorySaysHowFarItGotAndWhatWouldHelp() throws Exception {
    String[][] engines = {{"--workers", "2"}, {"--exact", "--workers", "1"},
        {"--exact", "--workers", "2"}};
    for (int run = 0; run < 6; run++) {
      String[] engine = engines[run % engines.length];
      List<String> args = new ArrayList<>(List.of(engine));
      args.add("--no-progress");
      Process p = child(List.of("-Xmx40m"), big(args.toArray(new String[0])));
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      assertEquals(ExitCode.INCOMPLETE, p.exitValue(), out + err);
      assertTrue(out.matches("(?s).*incomplete: out of memory after (about )?[\\d,]+ distinct "
          + "states at depth \\d+.*would help.*"), out);
      assertTrue(!err.contains("OutOfMemoryError") && !err.contains("\tat "), err);
    }
  }

  /** The big configuration of the model followed by the given options. */
  private static String[] big(String... options) {
    List<String> all = new ArrayList<>(List.of(MODEL));
    all.addAll(List.of(BIG));
    all.addAll(List.of(options));
    return all.toArray(new String[0]);
  }

  private static Process child(List<String> jvm, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvm);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("poolcheck.cli.Main");
    cmd.add("check");
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).start();
  }
}
