package poolcheck.selfcheck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import poolcheck.check.Type;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Models;

/**
 * The random models that declare a two-dimensional array are what the cross-checks (engines,
 * symmetry, exports) compare two-dimensional arrays on: they must load, use the table's
 * elements, and some must index it by the scalarset in the first dimension, in the second and
 * in both, or symmetry would never move its rows, its columns or both.
 */
class GeneratedTableModelsTest {
  @Test
  void tableModelsLoadAndUseTheirElements() throws Exception {
    // seeds 0..299 measured: 95 table models, 55 using elements; rows 5, columns 9, both 12
    int tableModels = 0;
    int used = 0;
    int rowsMove = 0;
    int columnsMove = 0;
    int bothMove = 0;
    for (long seed = 0; seed < 300; seed++) {
      if (!ModelGenerator.tabling(seed)) continue;
      tableModels++;
      String text = RandomModels.text(seed);
      CompiledModel m = Models.fromText("random_" + seed + ".pool", text);
      Type.Array tab = (Type.Array) m.checked().globals().get("tab").type();
      assertTrue(tab.second() != null, "seed " + seed);
      if (text.matches("(?s).*tab\\[[^\\]]+\\]\\[[^\\]]+\\].*")) used++;
      boolean rows = tab.index() instanceof Type.Symmetric;
      boolean columns = tab.second() instanceof Type.Symmetric;
      if (rows && columns) bothMove++;
      else if (rows) rowsMove++;
      else if (columns) columnsMove++;
    }
    assertTrue(tableModels >= 60, "table models among 300 seeds: " + tableModels);
    assertTrue(used >= tableModels / 3, "models using tab[i][j]: " + used);
    assertTrue(rowsMove >= 3, "tables whose rows the scalarset indexes: " + rowsMove);
    assertTrue(columnsMove >= 3, "tables whose columns the scalarset indexes: " + columnsMove);
    assertTrue(bothMove >= 2, "tables over the scalarset twice: " + bothMove);
  }
}
