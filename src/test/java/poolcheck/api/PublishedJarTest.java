package poolcheck.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The published artifact as a user's test project gets it: the jar built by {@code package}
 * (slow tier, which runs in {@code verify}, after it) is installed with pom.xml, as
 * {@code mvn install} would, into a local repository of its own, and src/it/consumer, a separate
 * Maven project depending on it alone, runs its JUnit tests with {@code mvn -o}.
 *
 * <p>The repository is the build's own (poolcheck.localRepository, for JUnit and the plugins)
 * seen through symbolic links, with dev/poolcheck/poolcheck replaced by the fresh artifact: a
 * copy would be large, and installing into the real one would leave a stale jar behind.
 */
@Tag("slow")
class PublishedJarTest {
  private static final Path JAR = Path.of("target/poolcheck.jar");
  private static final Path POM = Path.of("pom.xml");

  @Test
  void aUserTestProjectRunsOnTheJarAloneWithoutGuavaPicocliOrJackson() throws Exception {
    // not @TempDir: it warns about every link it deletes
    Path tmp = Files.createTempDirectory("poolcheck-consumer");
    try {
      run(tmp);
    } finally {
      delete(tmp);
    }
  }

  private static void run(Path tmp) throws Exception {
    if (!Files.isRegularFile(JAR)) {
      fail(JAR + " is built by mvn package: run this test in mvn verify");
    }
    try (ZipFile zip = new ZipFile(JAR.toFile())) {
      for (String gone : List.of("com/google/common/collect/ImmutableList.class",
          "picocli/CommandLine.class", "com/fasterxml/jackson/databind/ObjectMapper.class")) {
        assertEquals(null, zip.getEntry(gone), gone + " is relocated in the jar");
      }
      assertTrue(zip.getEntry("poolcheck/shaded/picocli/CommandLine.class") != null);
    }
    // inside the jar, so optional in the published pom: a user's project does not get them
    String published = Files.readString(POM);
    for (String library : List.of("guava", "picocli", "jackson-databind")) {
      assertTrue(Pattern.compile("<artifactId>" + library + "</artifactId>\\s*<version>[^<]*"
          + "</version>\\s*<optional>true</optional>").matcher(published).find(),
          library + " is not optional in " + POM);
    }
    String version = version();
    Path repo = tmp.resolve("repository");
    Path real = Path.of(System.getProperty("poolcheck.localRepository",
        System.getProperty("user.home") + "/.m2/repository"));
    Path artifact = mirror(real, repo, List.of("dev", "poolcheck", "poolcheck", version));
    Files.copy(JAR, artifact.resolve("poolcheck-" + version + ".jar"));
    Files.copy(POM, artifact.resolve("poolcheck-" + version + ".pom"));
    Path project = tmp.resolve("consumer");
    copy(Path.of("src/it/consumer"), project);

    Path log = tmp.resolve("mvn.log");
    Process mvn = new ProcessBuilder("mvn", "-B", "-o", "-Dmaven.repo.local=" + repo,
        "-Dpoolcheck.version=" + version,
        "-Dpoolcheck.root=" + Path.of("").toAbsolutePath(), "test")
        .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
        .start();
    if (!mvn.waitFor(4, TimeUnit.MINUTES)) {
      mvn.destroyForcibly();
      fail("mvn -o test in the consumer project took over 4 minutes:\n" + tail(log));
    }
    assertEquals(0, mvn.exitValue(), tail(log));
    Path report = project.resolve(
        "target/surefire-reports/TEST-consumer.PoolcheckInAUserTestTest.xml");
    Matcher m = Pattern.compile("tests=\"(\\d+)\".*?failures=\"(\\d+)\"")
        .matcher(Files.readString(report));
    assertTrue(m.find(), report.toString());
    assertEquals("3", m.group(1), "every consumer test ran");
    assertEquals("0", m.group(2));
  }

  /** Deletes {@code dir} and what it holds; links are deleted, never followed. */
  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.delete(f);
      }
    }
  }

  private static String version() throws IOException {
    try (ZipFile zip = new ZipFile(JAR.toFile());
        InputStream in = zip.getInputStream(zip.getEntry(
            "META-INF/maven/dev.poolcheck/poolcheck/pom.properties"))) {
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    }
  }

  /**
   * Makes {@code to} show what {@code from} holds, by links, except along {@code path}, where
   * it has real directories; returns the last of them, empty.
   */
  private static Path mirror(Path from, Path to, List<String> path) throws IOException {
    Files.createDirectories(to);
    if (path.isEmpty()) return to;
    if (Files.isDirectory(from)) {
      try (Stream<Path> entries = Files.list(from)) {
        for (Path e : (Iterable<Path>) entries::iterator) {
          String name = e.getFileName().toString();
          if (!name.equals(path.get(0))) {
            Files.createSymbolicLink(to.resolve(name), e.toAbsolutePath());
          }
        }
      }
    }
    return mirror(from.resolve(path.get(0)), to.resolve(path.get(0)),
        path.subList(1, path.size()));
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }
}
