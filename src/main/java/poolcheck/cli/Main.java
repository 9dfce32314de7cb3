package poolcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import poolcheck.language.ModelException;

/** The poolcheck command: one subcommand per job, errors as one clear line and exit status 2. */
@Command(name = "poolcheck", mixinStandardHelpOptions = true, version = "poolcheck 0.1.0",
    description = "An explicit-state model checker for the Linux kernel's page_pool lifecycle.",
    subcommands = {CheckCommand.class, ReplayCommand.class, SimulateCommand.class,
        ExportCommand.class, ProveCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a subcommand is required: check, replay, simulate, export, prove");
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams, for tests. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler((ex, a) -> {
      err.println("poolcheck: " + ex.getMessage());
      err.println("Try 'poolcheck " + (ex.getCommandLine().getCommandName().equals("poolcheck")
          ? "" : ex.getCommandLine().getCommandName() + " ") + "--help'.");
      return ExitCode.BAD_INPUT;
    });
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      if (ex instanceof ModelException me) {
        err.println(me.getMessage());
      } else if (ex instanceof NoSuchFileException nf) {
        // Said of a model or trace to read and of a --json file to write alike.
        err.println("poolcheck: " + nf.getFile() + ": no such file or directory");
      } else if (ex instanceof IOException io) {
        err.println("poolcheck: " + io.getMessage());
      } else if (ex instanceof UsageException ue) {
        err.println("poolcheck: " + ue.getMessage());
      } else {
        throw ex;
      }
      return ExitCode.BAD_INPUT;
    });
    return cl.execute(args);
  }
}
