package poolcheck.selfcheck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Models;

/**
 * The random models that declare records are what the cross-checks compare records on: they
 * must load (the generator writes records only as the language allows), write fields of both a
 * record and an array of records, and some must index the array by the scalarset, or symmetry
 * would never meet a record.
 */
class GeneratedRecordModelsTest {
  @Test
  void recordModelsLoadAndUseFieldsOfRecordsAndOfArraysOfThem() throws Exception {
    int recordModels = 0;
    int symmetric = 0;
    int scalarFields = 0;
    int elementFields = 0;
    for (long seed = 0; seed < 200; seed++) {
      if (!ModelGenerator.recording(seed)) continue;
      recordModels++;
      String text = RandomModels.text(seed);
      CompiledModel m = Models.fromText("random_" + seed + ".pool", text);
      if (text.contains("var recs : Rec[Id]")) symmetric++;
      if (text.contains("rec.rf")) scalarFields++;
      if (text.contains("].rf")) elementFields++;
      // each field is a state variable of its own
      assertTrue(m.checked().globals().containsKey("rec.rf0"), "seed " + seed);
      assertTrue(m.checked().globals().containsKey("recs[].rf0"), "seed " + seed);
    }
    assertTrue(recordModels >= 40, "record models among 200 seeds: " + recordModels);
    assertTrue(symmetric >= 5, "arrays of records indexed by the scalarset: " + symmetric);
    assertTrue(scalarFields >= 20, "models using a field of rec: " + scalarFields);
    assertTrue(elementFields >= 20, "models using a field of recs[i]: " + elementFields);
  }
}
