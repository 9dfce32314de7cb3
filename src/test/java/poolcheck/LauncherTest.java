package poolcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher ./poolcheck: its default -Xss8m (deep models recurse) stays when a user adds
 * options of their own, which come after it so that a -Xss of theirs wins. Run on a copy beside a
 * jar newer than its sources (so it builds nothing) with a {@code java} on the PATH that prints
 * the arguments it was given.
 */
class LauncherTest {
  @Test
  void keepsItsStackSizeWhenTheUserSetsTheHeap(@TempDir Path dir) throws Exception {
    assertEquals(List.of("-Xss8m", "-Xmx8g", "-jar", "JAR", "check", "m.pool"),
        launch(dir, "-Xmx8g"));
  }

  @Test
  void aStackSizeOfTheUsersComesLaterAndWins(@TempDir Path dir) throws Exception {
    assertEquals(List.of("-Xss8m", "-Xss64m", "-Xmx2g", "-jar", "JAR", "check", "m.pool"),
        launch(dir, "-Xss64m -Xmx2g"));
  }

  @Test
  void runsWithItsDefaultsAlone(@TempDir Path dir) throws Exception {
    assertEquals(List.of("-Xss8m", "-jar", "JAR", "check", "m.pool"), launch(dir, null));
  }

  private static List<String> launch(Path dir, String javaOpts) throws Exception {
    Path home = Files.createDirectories(dir.resolve("poolcheck"));
    Files.copy(Path.of("poolcheck"), home.resolve("poolcheck"));
    Files.createDirectories(home.resolve("src/main"));
    Files.writeString(home.resolve("pom.xml"), "");
    Path jar = Files.createDirectories(home.resolve("target")).resolve("poolcheck.jar");
    Files.writeString(jar, "");
    FileTime later = FileTime.fromMillis(System.currentTimeMillis() + 60_000);
    Files.setLastModifiedTime(jar, later);
    Path bin = Files.createDirectories(dir.resolve("bin"));
    executable(bin.resolve("java"), "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
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
