package poolcheck.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The poolcheck command: one subcommand per job, errors as one clear line and exit status 2. */
@Command(name = "poolcheck", mixinStandardHelpOptions = true, version = "poolcheck 0.1.0",
    description = "An explicit-state model checker for the Linux kernel's page_pool lifecycle.",
    exitCodeListHeading = "%nExit status (each command's --help lists its own):%n",
    exitCodeList = {"0:verified (or the command did its job)", "1:a property is violated",
        "2:bad usage, a bad model, no command given, or an internal error",
        "3:incomplete: a limit or memory ran out", "4:interrupted (Ctrl-C, SIGTERM)",
        "5:check --strict: verified with a coverage warning"})
public final class Main implements Runnable {
  /**
   * The subcommands, in the order the usage lists them. Added when the command line is built,
   * not named in the annotation: picocli reads the options of every subcommand it is given, by
   * reflection, and a run that names one needs only that one's.
   */
  private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> all = new LinkedHashMap<>();
    for (Class<?> c : List.of(CheckCommand.class, ReplayCommand.class, ShowCommand.class,
        SimulateCommand.class, ExploreCommand.class, ExportCommand.class, ProveCommand.class,
        WorkerCommand.class, LintCommand.class, LspCommand.class, CheckpointCommand.class,
        CommandLine.HelpCommand.class)) {
      all.put(c.getAnnotation(Command.class).name(), c);
    }
    return Collections.unmodifiableMap(all);
  }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
      description = "Print the stack trace of an internal error (also: POOLCHECK_DEBUG=1).")
  boolean debug;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a subcommand is required: check, replay, show, simulate, explore, export, prove, worker, "
            + "checkpoint, lint, lsp");
  }

  public static void main(String[] args) {
    PrintWriter err = new PrintWriter(System.err, true);
    // A thread that dies outside the command's own handling says so in one line too.
    Thread.setDefaultUncaughtExceptionHandler((t, e) ->
        Failure.report(e, err, Failure.debugRequested()));
    System.exit(run(args, new PrintWriter(System.out, true), err));
  }

  /** Runs the command line with the given streams, for tests. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    Main main = new Main();
    try {
      CommandLine cl = commandLine(main, args);
      cl.setOut(out);
      cl.setErr(err);
      // picocli's own help command: its statuses listed like every other command's
      Map<String, String> helpStatuses = new LinkedHashMap<>();
      helpStatuses.put("0", "the help was shown");
      helpStatuses.put("2", "no such command");
      CommandLine help = cl.getSubcommands().get("help");
      if (help != null) {
        help.getCommandSpec().usageMessage()
            .exitCodeListHeading("%nExit status:%n").exitCodeList(helpStatuses);
      }
      // A path with a NUL byte: one line saying so, not the name of a Java exception.
      cl.registerConverter(java.nio.file.Path.class, s -> {
        try {
          return java.nio.file.Path.of(s);
        } catch (java.nio.file.InvalidPathException e) {
          throw new CommandLine.TypeConversionException("'" + Failure.printable(s)
              + "' is not a valid path (" + e.getReason() + ")");
        }
      });
      cl.setParameterExceptionHandler((ex, a) -> {
        String name = ex.getCommandLine().getCommandName();
        // One line: the mistake, then where the valid forms are.
        String message = Failure.printable(ex.getMessage().strip().replace('\n', ' '));
        err.println("poolcheck: " + message + " (see 'poolcheck "
            + (name.equals("poolcheck") ? "" : name + " ") + "--help')");
        return ExitCode.BAD_INPUT;
      });
      cl.setExecutionExceptionHandler((ex, c, parsed) ->
          Failure.report(ex, err, debug(main, args)));
      return cl.execute(args);
    } catch (Throwable t) {
      // Errors (StackOverflowError, OutOfMemoryError) pass picocli's handlers by.
      out.flush();
      return Failure.report(t, err, debug(main, args));
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** The command line for these arguments: with every subcommand, or the one they name. */
  static CommandLine commandLine(Main main, String... args) {
    CommandLine cl = new CommandLine(main);
    String named = subcommandNamed(args);
    for (Map.Entry<String, Class<?>> e : SUBCOMMANDS.entrySet()) {
      if (named == null || named.equals(e.getKey())) cl.addSubcommand(e.getKey(), e.getValue());
    }
    return cl;
  }

  /**
   * The subcommand the arguments name, when picocli needs no other: {@code null} for the help
   * command (it describes the others), for no command, and for a name that is none of them (the
   * message suggests the nearest).
   */
  private static String subcommandNamed(String[] args) {
    for (String a : args) {
      if (a.equals("--debug")) continue;
      return SUBCOMMANDS.containsKey(a) && !a.equals("help") ? a : null;
    }
    return null;
  }

  private static boolean debug(Main main, String[] args) {
    return main.debug || Failure.debugRequested() || Arrays.asList(args)
        .contains("--debug");
  }
}
