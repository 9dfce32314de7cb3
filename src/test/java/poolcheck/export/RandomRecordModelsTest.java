package poolcheck.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import poolcheck.compile.Models;
import poolcheck.explore.Explorer;
import poolcheck.result.CheckResult;

/**
 * The random models the export cross-checks give records to are the same models with two
 * variables moved into record fields: poolcheck must count them exactly as before, so a
 * disagreement with SPIN or TLC on them is the export's, not the rewriting's.
 */
class RandomRecordModelsTest {
  @Test
  void movingVariablesIntoRecordFieldsChangesNoVerdictAndNoCount() throws Exception {
    int withRecords = 0;
    int bothUsed = 0;
    for (long seed = 1; seed <= 60; seed++) {
      String plain = RandomModels.generate(seed);
      if (!plain.contains("var cells : Cell[0 .. 1]")) continue;
      withRecords++;
      if (plain.contains("cells[") && plain.contains("flags.b")) bothUsed++;
      String original = plain.replace("cells[", "arr[").replace("].v", "]")
          .replace("flags.b", "b");
      original = original.replaceFirst("type Cell = record \\{ v : 0 \\.\\. 2, hit : bool \\};\n"
          + "var cells : Cell\\[0 \\.\\. 1\\] = \\{v: 0\\};\n"
          + "var flags : record \\{ b : bool, n : 0 \\.\\. 1 \\} = \\{b: (true|false)\\};\n",
          "var b : bool = $1;\nvar arr : 0 .. 2[0 .. 1] = 0;\n");
      CheckResult r = new Explorer(Models.fromText("r.pool", plain).withSymmetry(false)).run();
      CheckResult o = new Explorer(Models.fromText("o.pool", original).withSymmetry(false)).run();
      assertEquals(o.verdict(), r.verdict(), "seed " + seed);
      assertEquals(o.statistics().distinct(), r.statistics().distinct(), "seed " + seed);
    }
    assertTrue(withRecords >= 12, "random models with records among 60: " + withRecords);
    assertTrue(bothUsed >= 6, "using a field of each record: " + bothUsed);
  }
}
