package poolcheck.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import poolcheck.language.ModelException;
import poolcheck.proofs.Ledger;

/**
 * The proofs ledger of a project directory (models/ and proofs/): exhaustive runs of every model
 * at each of its configurations, recorded under proofs/.
 */
public final class Proofs {
  private final Path root;

  private Proofs(Path root) {
    this.root = root;
  }

  public static Proofs at(Path root) {
    return new Proofs(root);
  }

  /** Runs every model and rewrites the records that changed; returns them (under proofs/). */
  public List<String> write() {
    try {
      return new Ledger(root).write();
    } catch (ModelException e) {
      throw new InvalidInputException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs every model and lists the records (under proofs/) that differ from a fresh run. */
  public List<String> mismatches() {
    try {
      return new Ledger(root).mismatches();
    } catch (ModelException e) {
      throw new InvalidInputException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
