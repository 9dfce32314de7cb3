package poolcheck.api;

import java.util.function.UnaryOperator;

/**
 * An option out of its range or in a combination that cannot work, found before any work
 * starts. The message names options by their API names ({@code maxStates}); a front end with
 * names of its own (the command line's {@code --max-states}) renders it with {@link #render}.
 */
public final class InvalidOptionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String option;
  private final transient Message message;

  /** The text, given how to spell each option name. */
  @FunctionalInterface
  interface Message {
    String render(UnaryOperator<String> name);
  }

  InvalidOptionException(String option, Message message) {
    super(message.render(UnaryOperator.identity()));
    this.option = option;
    this.message = message;
  }

  /** The API name of the option at fault (the first, for a combination). */
  public String option() {
    return option;
  }

  /** The message with each option name spelt by {@code name}. */
  public String render(UnaryOperator<String> name) {
    return message.render(name);
  }
}
