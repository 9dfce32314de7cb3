package poolcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML trace in a real headless browser (Debian's chromium, which .ci/run installs)
 * and reads the DOM after the page's script ran: the lifelines and the violation exist only if
 * it did, since the page's markup itself is empty. Skipped where no chromium is installed.
 */
class HtmlTraceBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir
  Path dir;

  private String dumpDom(String url) throws Exception {
    Path out = dir.resolve("dom.html");
    Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox",
        "--window-size=1400,900",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + dir.resolve("profile"), "--dump-dom", url)
        .redirectOutput(out.toFile()).redirectError(dir.resolve("chromium.log").toFile())
        .start();
    // A guard against a hung browser, not a performance bound: a page this small renders in
    // well under a second.
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish");
    }
    assertEquals(0, p.exitValue(), Files.readString(dir.resolve("chromium.log")));
    return Files.readString(out);
  }

  @Test
  void drawsOneLifelinePerInstanceAndTheViolationAtTheEnd() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + ": browser test skipped");
    ShippedTraces.Shipped tiny = ShippedTraces.all().stream()
        .filter(s -> s.file(TraceFormat.HTML).equals("tiny_pool-no_unmap_after_detach.html"))
        .findFirst().orElseThrow();
    Path page = dir.resolve("trace.html");
    Files.writeString(page, HtmlTrace.render(tiny.result()));

    String dom = dumpDom(page.toUri().toString());

    Matcher heads = Pattern.compile("<th class=\"lifeline\" data-instance=\"([^\"]+)\">")
        .matcher(dom);
    List<String> lifelines = heads.results().map(m -> m.group(1)).toList();
    assertEquals(List.of("napi", "stack", "driver"), lifelines);
    assertEquals(6, Pattern.compile("<span class=\"action\">").matcher(dom).results().count());
    assertTrue(dom.contains("id=\"violation\""), dom);
    assertTrue(dom.contains("assertion no_unmap_after_detach fails in the last step"), dom);
    int lastStep = dom.indexOf("data-step=\"6\"");
    assertTrue(lastStep > 0 && dom.indexOf("id=\"violation\"") > lastStep,
        "the violation comes after the last step");
    assertTrue(dom.contains("step 0 of 6"), "the step counter starts at the initial state");
  }

  @Test
  void opensAtTheStepInTheLinkWithItsChangesHighlighted() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + ": browser test skipped");
    ShippedTraces.Shipped tiny = ShippedTraces.all().stream()
        .filter(s -> s.file(TraceFormat.HTML).equals("tiny_pool-no_unmap_after_detach.html"))
        .findFirst().orElseThrow();
    Path page = dir.resolve("trace.html");
    Files.writeString(page, HtmlTrace.render(tiny.result()));

    String dom = dumpDom(page.toUri() + "#step=5");

    assertTrue(dom.contains("step 5 of 6"), dom);
    assertTrue(Pattern.compile("<tr class=\"step[a-z ]* current\" data-step=\"5\">").matcher(dom)
        .find(), dom);
    List<String> changed = Pattern.compile("<tr class=\"changed\"><td>([^<]+)</td>")
        .matcher(dom).results().map(m -> m.group(1)).toList();
    assertEquals(List.of("dev_bound", "driver.pc"), changed);
    assertTrue(dom.contains("<td>dev_bound</td><td>false</td><td class=\"was\">true</td>"), dom);
  }

  @Test
  void aLassoSaysWhereItLoopsBackAndTheLastLifelineFitsA1400PixelWindow() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + ": browser test skipped");
    ShippedTraces.Shipped mutex = ShippedTraces.all().stream()
        .filter(s -> s.name().equals("starving_mutex")).findFirst().orElseThrow();
    Path page = dir.resolve("trace.html");
    // measured by the browser after the page drew itself, written where --dump-dom shows it
    Files.writeString(page, HtmlTrace.render(mutex.result()).replace("</body>", "<script>"
        + "var h = document.querySelectorAll('th.lifeline'); document.body.setAttribute("
        + "'data-right', Math.ceil(h[h.length - 1].getBoundingClientRect().right));"
        + "document.body.setAttribute('data-window', window.innerWidth);</script></body>"));

    String dom = dumpDom(page.toUri().toString());

    assertTrue(dom.contains("liveness w0_enters fails: the run loops for ever without it: the "
        + "run goes back to state 1 and repeats for ever"), dom);
    assertTrue(dom.contains("<tr class=\"closing cycle\" data-back-to=\"1\">"), dom);
    assertTrue(!dom.contains("\u26a0 runtime error"), "a lasso is no runtime error");
    Matcher right = Pattern.compile("data-right=\"(\\d+)\" data-window=\"(\\d+)\"")
        .matcher(dom);
    assertTrue(right.find(), dom);
    assertTrue(Integer.parseInt(right.group(1)) <= Integer.parseInt(right.group(2)),
        right.group());
  }
}
