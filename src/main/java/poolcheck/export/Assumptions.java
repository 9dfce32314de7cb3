package poolcheck.export;

import static poolcheck.language.ErrorCode.NOT_EXPORTABLE;

import poolcheck.compile.ModelShape;
import poolcheck.language.Diagnostic;
import poolcheck.language.ModelException;

/**
 * {@code assume} is not exported yet. TLC's CONSTRAINT would drop the states poolcheck still
 * counts (it stores a state outside the constraint and only does not expand it), and SPIN has no
 * state constraint at all: an export that silently left it out would describe a larger model.
 */
final class Assumptions {
  private Assumptions() {}

  static void refuse(ModelShape shape, String target) throws ModelException {
    if (shape.checked().assumptions().isEmpty()) return;
    throw new ModelException(new Diagnostic(NOT_EXPORTABLE,
        shape.checked().assumptions().get(0).pos(), "export: 'assume' (a state constraint) "
        + "cannot be exported to " + target + " yet: without it the export would explore states "
        + "the model does not; remove the assume to export the unconstrained model"));
  }
}
