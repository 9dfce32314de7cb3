package poolcheck.api;

import java.util.function.UnaryOperator;
import poolcheck.explore.InvalidSearchOption;

/**
 * An option out of its range or in a combination that cannot work, found before any work
 * starts. The message names options by their API names ({@code maxStates}); a front end with
 * names of its own (the command line's {@code --max-states}) renders it with {@link #render}.
 * The engine's refusal ({@link InvalidSearchOption}, whose ranges these are) is the cause.
 */
public final class InvalidOptionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final transient InvalidSearchOption refusal;

  InvalidOptionException(String option, InvalidSearchOption.Message message) {
    this(new InvalidSearchOption(option, message));
  }

  InvalidOptionException(InvalidSearchOption refusal) {
    super(refusal.getMessage(), refusal);
    this.refusal = refusal;
  }

  /** The API name of the option at fault (the first, for a combination). */
  public String option() {
    return refusal.option();
  }

  /** The message with each option name spelt by {@code name}. */
  public String render(UnaryOperator<String> name) {
    return refusal.render(name);
  }
}
