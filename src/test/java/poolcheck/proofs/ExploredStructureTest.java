package poolcheck.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import poolcheck.check.Checker;
import poolcheck.language.ModelLoader;

/**
 * The structure digest leaves out what no search can see (comments, positions, kernel-function
 * names, atomic reasons, branches and steps a constant switches off) and keeps everything a
 * search can: StructureStandsForTheSearchTest holds it to the searches of a shipped design.
 */
class ExploredStructureTest {
  private static final String BASE = """
      model pool;
      const PAGES = 2;
      const FIX = false;
      config large { PAGES = 3; }
      var inflight : 0 .. 4 = 0;
      var freed : bool = false;
      process cpu[2] {
        var got : bool = false;
        alloc @page_pool_alloc_pages: when (inflight < PAGES) {
          inflight = inflight + 1;
          got = true;
        }
        put @page_pool_put_page: {
          assert no_uaf: !freed;
          if (FIX) {
            goto put_fixed;
          }
          inflight = inflight - 1;
          goto done;
        }
        put_fixed @page_pool_put_page: {
          assert no_uaf: !freed;
          inflight = inflight - 1;
        }
      }
      process unbind {
        destroy @page_pool_destroy: when (inflight == 0) { freed = true; }
      }
      invariant bounded: inflight <= PAGES;
      """;

  private static String digest(String text, Map<String, String> overrides, String config)
      throws Exception {
    return ExploredStructure.digest(Checker.check(ModelLoader.fromText("pool.pool", text),
        overrides, config));
  }

  private static String digest(String text) throws Exception {
    return digest(text, Map.of(), null);
  }

  @Test
  void commentsPositionsAndKernelFunctionNamesDoNotCount() throws Exception {
    String edited = "// a comment\n\n" + BASE.replace("@page_pool_alloc_pages",
        "@page_pool_alloc_netmem").replace("inflight = inflight + 1;",
            "inflight = inflight + 1;   // taken\n");
    assertEquals(digest(BASE), digest(edited));
  }

  @Test
  void aBranchAndAStepOnlyASwitchedOffFeatureReachesDoNotCount() throws Exception {
    String without = BASE.replace("    if (FIX) {\n      goto put_fixed;\n    }\n", "")
        .replace("  put_fixed @page_pool_put_page: {\n    assert no_uaf: !freed;\n"
            + "    inflight = inflight - 1;\n  }\n", "")
        .replace("const FIX = false;\n", "");
    assertTrue(without.length() < BASE.length() - 100, "the edit applies");
    assertEquals(digest(BASE), digest(without));
  }

  @Test
  void aVariableOnlyASwitchedOffFeatureSetsReadsAsItsInitialValue() throws Exception {
    String staged = """
        model pool;
        const BULK = false;
        var stage : 0 .. 1 = 0;
        var done_pages : 0 .. 3 = 0;
        process cpu {
          put @page_pool_put_page: {
            if (BULK) {
              stage = 1;
            }
            done_pages = done_pages + 1;
          }
          next_page @page_pool_put_netmem_bulk: {
            if (stage == 1) {
              goto bulk_round;
            }
            goto done;
          }
          bulk_round @page_pool_recycle_ring_bulk: {
            stage = 0;
            done_pages = 3;
          }
        }
        """;
    String plain = """
        model pool;
        var stage : 0 .. 1 = 0;
        var done_pages : 0 .. 3 = 0;
        process cpu {
          put @page_pool_put_page: {
            done_pages = done_pages + 1;
          }
          next_page @page_pool_put_netmem_bulk: {
            goto done;
          }
        }
        """;
    assertEquals(digest(plain), digest(staged));
    // the feature on: the round is reached, and stage is a variable again
    assertNotEquals(digest(plain), digest(staged, Map.of("BULK", "true"), null));
    // a reached step that sets it, even to 0 first: not fixed either
    assertNotEquals(digest(plain), digest(staged.replace("done_pages = done_pages + 1;",
        "done_pages = done_pages + 1;\n      stage = 1 - stage;")));
  }

  @Test
  void turningTheFeatureOnCounts() throws Exception {
    assertNotEquals(digest(BASE), digest(BASE, Map.of("FIX", "true"), null));
  }

  @Test
  void everyEditASearchCanSeeCounts() throws Exception {
    String base = digest(BASE);
    String[][] edits = {
        {"inflight = inflight + 1;", "inflight = inflight + 2;"},
        {"when (inflight < PAGES)", "when (inflight <= PAGES)"},
        {"process cpu[2]", "process cpu[3]"},
        {"var inflight : 0 .. 4 = 0;", "var inflight : 0 .. 5 = 0;"},
        {"var freed : bool = false;", "var freed : bool = true;"},
        {"var got : bool = false;", "var got : bool = true;"},
        {"invariant bounded: inflight <= PAGES;", "invariant bounded: inflight < PAGES;"},
        {"goto done;", "goto alloc;"},
        {"got = true;", "got = false;"},
        {"when (inflight == 0) { freed = true; }", "{ freed = true; }"},
    };
    for (String[] e : edits) {
      assertTrue(BASE.contains(e[0]), e[0]);
      assertNotEquals(base, digest(BASE.replace(e[0], e[1])), e[0] + " -> " + e[1]);
    }
    assertNotEquals(base, digest(BASE, Map.of(), "large"), "a constant read by a guard");
    assertNotEquals(base, digest(BASE, Map.of("PAGES", "3"), null));
  }
}
