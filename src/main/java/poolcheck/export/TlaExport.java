package poolcheck.export;

import poolcheck.compile.ModelShape;
import poolcheck.language.ModelException;

public final class TlaExport {
  public record Files(String module, String config) {}

  public static String moduleName(String model) {
    return model;
  }

  public static Files render(ModelShape shape, String module) throws ModelException {
    throw new UnsupportedOperationException();
  }
}
