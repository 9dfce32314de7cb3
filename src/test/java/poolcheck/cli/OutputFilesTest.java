package poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output files: checked before the search, never over an input, written whole, and a write
 * that fails after the verdict does not change the verdict's exit status.
 */
class OutputFilesTest {
  @TempDir
  Path dir;

  private Path model;
  private Path part;
  private String modelText;
  private String partText;

  /** lost_update split in two, so that an included file can be aimed at too. */
  @BeforeEach
  void splitModel() throws Exception {
    String whole = Files.readString(Path.of(BadInputs.corpus("violated/lost_update.pool")));
    int cut = whole.indexOf("var counter");
    model = dir.resolve("lost.pool");
    part = dir.resolve("part.txt");
    modelText = whole.substring(0, cut) + "include \"part.txt\";\n";
    partText = whole.substring(cut);
    Files.writeString(model, modelText);
    Files.writeString(part, partText);
  }

  private void assertInputsUnchanged() throws Exception {
    assertEquals(modelText, Files.readString(model));
    assertEquals(partText, Files.readString(part));
  }

  private void assertRefusedBeforeTheSearch(MainTest.Run r, String flag, Path file)
      throws Exception {
    assertEquals(2, r.status(), r.out() + r.err());
    assertEquals(List.of("poolcheck: " + flag + " " + file + ": is an input of this run; "
        + "refusing to overwrite it"), r.errLines());
    assertTrue(!r.out().contains("distinct states"), "the search did not start: " + r.out());
    assertInputsUnchanged();
  }

  @Test
  void refusesToWriteTheJsonResultOverTheModelOrAnIncludedFile() throws Exception {
    assertRefusedBeforeTheSearch(MainTest.run("check", "-q", "--json", model.toString(),
        model.toString()), "--json", model);
    assertRefusedBeforeTheSearch(MainTest.run("check", "-q", "--json", part.toString(),
        model.toString()), "--json", part);
    assertRefusedBeforeTheSearch(MainTest.run("simulate", "--seed", "1", "--json",
        model.toString(), model.toString()), "--json", model);
    Path link = dir.resolve("link.json");
    Files.createSymbolicLink(link, model);
    assertRefusedBeforeTheSearch(MainTest.run("check", "-q", "--json", link.toString(),
        model.toString()), "--json", link);
  }

  @Test
  void refusesToExportOverTheModel() throws Exception {
    assertRefusedBeforeTheSearch(MainTest.run("export", "--to", "promela", "-o",
        model.toString(), model.toString()), "--output", model);
    assertRefusedBeforeTheSearch(MainTest.run("export", "--to", "tla", "-o", part.toString(),
        model.toString()), "--output", part);
  }

  @Test
  void refusesATraceFileThatWouldReplaceAnIncludedFile() throws Exception {
    assertRefusedBeforeTheSearch(MainTest.run("check", "-q", "--trace-format", "text",
        "--trace-out", dir.resolve("part").toString(), model.toString()), "--trace-out", part);
  }

  @Test
  void findsAMissingOrFileParentDirectoryBeforeTheSearch() throws Exception {
    MainTest.Run r = MainTest.run("check", "-q", "--json", dir.resolve("no/out.json")
        .toString(), model.toString());
    assertEquals(2, r.status(), r.err());
    assertEquals("", r.out());
    MainTest.Run t = MainTest.run("check", "-q", "--trace-out", part + "/sub/", model.toString());
    assertEquals(List.of("poolcheck: --trace-out " + part + "/sub: " + part
        + " is not a directory"), t.errLines());
    assertEquals("", t.out());
  }

  @Test
  void replacesAnOldResultWholeAndLeavesNoTemporaryFile() throws Exception {
    Path json = dir.resolve("out/lost.json");
    Files.createDirectories(json.getParent());
    Files.writeString(json, "old");
    Files.setPosixFilePermissions(json, PosixFilePermissions.fromString("rw-rw----"));
    MainTest.Run r = MainTest.run("check", "-q", "--json", json.toString(), model.toString());
    assertEquals(1, r.status(), r.err());
    assertTrue(Files.readString(json).contains("\"no_lost_update\""));
    assertEquals("rw-rw----", PosixFilePermissions.toString(
        Files.getPosixFilePermissions(json)), "the replaced file keeps its mode");
    try (Stream<Path> s = Files.list(json.getParent())) {
      assertEquals(List.of(json), s.toList());
    }
  }

  @Test
  void writesToADeviceInPlaceInsteadOfReplacingIt() throws Exception {
    Path devNull = Path.of("/dev/null");
    assumeTrue(Files.exists(devNull));
    MainTest.Run r = MainTest.run("check", "-q", "--json", "/dev/null", model.toString());
    assertEquals(1, r.status(), r.err());
    assertTrue(!Files.isRegularFile(devNull), "/dev/null is still a device");
  }

  @Test
  void aWriteThatFailsAfterTheVerdictKeepsTheVerdictsExitStatus() throws Exception {
    // /proc passes the check before the search (it is a directory, and writable for root) but
    // refuses to create files in it: the write fails only after the verdict.
    assumeTrue(Files.isDirectory(Path.of("/proc")) && Files.isWritable(Path.of("/proc")));
    MainTest.Run r = MainTest.run("check", "-q", "--trace-out", "/proc/poolcheck-test/",
        "--json", "/proc/poolcheck-test.json", model.toString());
    assertEquals(1, r.status(), r.out() + r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("violated: no_lost_update")), r.out());
    assertEquals(2, r.errLines().size(), r.err());
    assertTrue(r.errLines().stream().allMatch(l -> l.startsWith("poolcheck: not written: /proc/")),
        r.err());
  }
}
