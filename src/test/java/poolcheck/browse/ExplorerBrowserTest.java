package poolcheck.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolcheck.api.StateSpace;
import poolcheck.api.StateWalk;
import poolcheck.api.TracePath;

/**
 * The explorer's page in a real browser (Debian's headless chromium, which .ci/run installs):
 * click through the v6.12 counterexample step by step, go back, load another trace through the
 * file input and jump to its end, and see a malformed trace refused in the page.
 */
@Tag("slow")
class ExplorerBrowserTest {
  private static final Path V6_12 = Path.of("models/page_pool_v6_12.pool");
  private static final Path DETACH = Path.of(
      "proofs/page_pool_v6_12/small.no_dma_after_detach.json");
  private static final Path UAF = Path.of(
      "proofs/page_pool_v6_12/small.no_pool_use_after_free.json");

  @TempDir
  Path dir;

  private static String dotted(List<Integer> path) {
    return String.join(".", path.stream().map(String::valueOf).toList());
  }

  @Test
  void clicksThroughTheV612CounterexampleStepsBackAndLoadsATrace() throws Exception {
    assumeTrue(Files.isExecutable(Chromium.BINARY), "no " + Chromium.BINARY
        + ": browser test skipped (apt-get install chromium; .ci/run does)");
    StateSpace space = StateSpace.of(V6_12).config("small");
    StateWalk walk = space.open();
    TracePath detach = walk.trace(DETACH);
    TracePath uaf = walk.trace(UAF);
    try (ExplorerServer server = ExplorerServer.start(space, walk, null, 0, line -> { });
        Chromium browser = Chromium.start(dir.resolve("profile"))) {
      browser.navigate(server.url());
      assertTrue(browser.waitFor("document.body.dataset.ready === 'true'"
          + " && document.body.dataset.path === '0'"), "the page opens at the initial state");
      assertEquals("page_pool_v6_12", browser.eval("document.title").asText()
          .replace("poolcheck explore: ", ""));

      // click the counterexample's choices one by one, as a user following it would
      for (int k = 1; k < detach.states(); k++) {
        int choice = detach.path().get(k);
        browser.eval("document.querySelector('button.choice[data-choice=\"" + choice
            + "\"]').click()");
        String want = dotted(detach.pathTo(k));
        assertTrue(browser.waitFor("document.body.dataset.path === '" + want + "'"),
            "step " + k + " reaches " + want);
      }
      assertTrue(browser.eval("document.getElementById('status').textContent").asText()
          .startsWith("\u26a0 no_dma_after_detach breaks in this step"));
      assertEquals(15, browser.eval("document.querySelectorAll('#path-rows tr').length")
          .asInt(), "the sequence diagram: the initial state and 14 steps");
      assertEquals("unmap @__page_pool_release_page_dma", browser.eval(
          "document.querySelector('#path-rows tr:last-child .action.broken').textContent")
          .asText());
      assertEquals(0, browser.eval("document.querySelectorAll('button.choice').length").asInt());

      browser.eval("document.getElementById('back').click()");
      assertTrue(browser.waitFor("document.body.dataset.path === '"
          + dotted(detach.pathTo(13)) + "'"));
      assertEquals("no_dma_after_detach", browser.eval("document.querySelector("
          + "'button.choice.violates').dataset.label === 'unmap' ? 'no_dma_after_detach' : ''")
          .asText(), "the step back offers the failing unmap again, marked");
      assertTrue(browser.eval("document.querySelectorAll('#state tr.changed').length")
          .asInt() > 0, "what the 13th step changed is highlighted");
      assertTrue(browser.eval("Array.prototype.every.call(document.querySelectorAll("
          + "'#invariants li'), function (li) { return li.className === 'holds'; })")
          .asBoolean(), "every invariant holds before the unmap");

      // load another counterexample through the file input, then jump to its last state
      browser.chooseFile("#trace-file", UAF);
      assertTrue(browser.waitFor("document.getElementById('trace-title').textContent"
          + ".indexOf('no_pool_use_after_free') >= 0 && document.body.dataset.path === '0'"),
          "the loaded trace opens at its initial state");
      assertEquals(uaf.states(), browser.eval(
          "document.querySelectorAll('#trace-steps li').length").asInt());
      browser.eval("document.querySelector('#trace-steps li:last-child').click()");
      assertTrue(browser.waitFor("document.body.dataset.path === '" + dotted(uaf.path())
          + "'"));
      assertTrue(browser.eval("document.getElementById('status').textContent").asText()
          .contains("no_pool_use_after_free"));

      // a malformed trace: said in the page, the walk stays where it was
      Path broken = dir.resolve("broken.json");
      Files.writeString(broken, "{\"trace\": {\"steps\": [");
      browser.chooseFile("#trace-file", broken);
      assertTrue(browser.waitFor("document.getElementById('error').classList"
          + ".contains('shown')"));
      String error = browser.eval("document.getElementById('error').textContent").asText();
      assertTrue(error.startsWith("trace broken.json not loaded: broken.json:1:22: error "
          + "PC301: not JSON"), error);
      assertEquals(dotted(uaf.path()), browser.eval("document.body.dataset.path").asText());
    }
  }
}
