package poolcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher ./poolcheck: its JVM options (scripts/jvm-options: -Xss8m, as deep models
 * recurse, and the sink not inlined) stay when a user adds options of their own, which come
 * after them so that a -Xss of theirs wins. Run on a copy beside a jar newer than its sources
 * (so it builds nothing) with a {@code java} on the PATH that prints the arguments it was given,
 * reading an {@code @file} argument as java does: one option a line, # for a comment.
 */
class LauncherTest {
  private static final List<String> OPTIONS = List.of("-Xss8m", "-XX:CompileCommand=quiet",
      "-XX:CompileCommand=dontinline,poolcheck/explore/*.successor");

  @Test
  void keepsItsStackSizeWhenTheUserSetsTheHeap(@TempDir Path dir) throws Exception {
    assertEquals(with("-Xmx8g", "-jar", "JAR", "check", "m.pool"), launch(dir, "-Xmx8g"));
  }

  @Test
  void aStackSizeOfTheUsersComesLaterAndWins(@TempDir Path dir) throws Exception {
    assertEquals(with("-Xss64m", "-Xmx2g", "-jar", "JAR", "check", "m.pool"),
        launch(dir, "-Xss64m -Xmx2g"));
  }

  @Test
  void runsWithItsDefaultsAlone(@TempDir Path dir) throws Exception {
    assertEquals(with("-jar", "JAR", "check", "m.pool"), launch(dir, null));
  }

  /**
   * The real java reads the options file as the fake one does, and HotSpot, told to be quiet,
   * prints nothing of its compile command on stdout, where {@code check --json -} writes.
   */
  @Test
  void theJvmTakesTheOptionsAndPrintsNothingOfThemOnStdout() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "@scripts/jvm-options", "-version").start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), err);
    assertEquals("", out);
    Process flags = new ProcessBuilder(java, "@scripts/jvm-options", "-XX:+PrintFlagsFinal",
        "-version").start();
    String printed = new String(flags.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, flags.waitFor());
    assertTrue(printed.lines().anyMatch(l -> l.matches("\\s*intx ThreadStackSize\\s+= 8192 .*")),
        printed);
  }

  private static List<String> with(String... rest) {
    List<String> all = new ArrayList<>(OPTIONS);
    all.addAll(List.of(rest));
    return all;
  }

  private static List<String> launch(Path dir, String javaOpts) throws Exception {
    Path home = Files.createDirectories(dir.resolve("poolcheck"));
    Files.copy(Path.of("poolcheck"), home.resolve("poolcheck"));
    Files.createDirectories(home.resolve("scripts"));
    Files.copy(Path.of("scripts/jvm-options"), home.resolve("scripts/jvm-options"));
    Files.createDirectories(home.resolve("src/main"));
    Files.writeString(home.resolve("pom.xml"), "");
    Path jar = Files.createDirectories(home.resolve("target")).resolve("poolcheck.jar");
    Files.writeString(jar, "");
    FileTime later = FileTime.fromMillis(System.currentTimeMillis() + 60_000);
    Files.setLastModifiedTime(jar, later);
    Path bin = Files.createDirectories(dir.resolve("bin"));
    executable(bin.resolve("java"), "#!/bin/sh\nfor a in \"$@\"; do\n"
        + "  case \"$a\" in @*) grep -v -e '^#' -e '^$' \"${a#@}\" ;; *) echo \"$a\" ;; esac\n"
        + "done\n");
    executable(home.resolve("poolcheck"), null);
    ProcessBuilder pb = new ProcessBuilder(home.resolve("poolcheck").toString(), "check",
        "m.pool").redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
    env.remove("POOLCHECK_JAVA_OPTS");
    if (javaOpts != null) env.put("POOLCHECK_JAVA_OPTS", javaOpts);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out.lines().map(a -> a.equals(jar.toString()) ? "JAR" : a).toList();
  }

  private static void executable(Path file, String text) throws IOException {
    if (text != null) Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
