package poolcheck.explore;

import java.util.function.UnaryOperator;

/**
 * A search option out of its range, or in a combination the engine cannot run. The message names
 * options by their API names ({@code maxStates}); {@link #render} spells them as a front end
 * does (the command line's {@code --max-states}).
 */
public final class InvalidSearchOption extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String option;
  private final transient Message message;

  /** The text, given how to spell each option name. */
  @FunctionalInterface
  public interface Message {
    String render(UnaryOperator<String> name);
  }

  public InvalidSearchOption(String option, Message message) {
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
