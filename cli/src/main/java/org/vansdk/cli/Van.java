package org.vansdk.cli;

import java.io.PrintWriter;
import org.vansdk.core.VanException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code van} command: validate, generate, anonymise, compute indicators, publish schemas, and
 * run the end-to-end demo. Exit codes: 0 ok, 1 the input has problems, 2 usage or internal error.
 */
@Command(
    name = "van",
    mixinStandardHelpOptions = true,
    versionProvider = Van.Version.class,
    description = "The VAN SDK from the shell: one language for victim-assistance data.",
    subcommands = {
      ValidateCommand.class,
      GenerateCommand.class,
      AnonymiseCommand.class,
      IndicatorsCommand.class,
      ImportCommand.class,
      SchemasCommand.class,
      DocsCommand.class,
      DemoCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 the input has problems, 2 usage or internal error.",
      "Examples:",
      "  van demo",
      "  van generate --country KHM --persons 1000 --seed 7 --out khm.ndjson",
      "  van validate khm.ndjson",
      "  van import --mapping cmvis.mapping.json casualties.csv --out khm.ndjson"
    })
public final class Van implements Runnable {
  /** Exit code: success. */
  public static final int OK = 0;

  /** Exit code: the input has problems. */
  public static final int INPUT_PROBLEMS = 1;

  /** Exit code: usage or internal error. */
  public static final int ERROR = 2;

  @Option(
      names = "--debug",
      description = "Print stack traces of errors.",
      scope = CommandLine.ScopeType.INHERIT)
  boolean debug;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  Van() {}

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Runs the command and exits with its code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(
        execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /**
   * Runs the command with the given output streams and returns the exit code (for tests and
   * embedding).
   *
   * @param out standard output
   * @param err standard error
   * @param args the command line
   * @return the exit code
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    Van van = new Van();
    CommandLine cl = new CommandLine(van);
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("van: " + ex.getMessage());
          err.println("Try 'van " + ex.getCommandLine().getCommandName() + " --help'.");
          return ERROR;
        });
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (van.debug) {
            ex.printStackTrace(err);
          }
          String message =
              ex instanceof VanException
                  ? ex.getMessage()
                  : ex.getClass().getSimpleName()
                      + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
          err.println("van: " + message + (van.debug ? "" : " (use --debug for details)"));
          return ERROR;
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** Prints the SDK version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Van.class.getPackage().getImplementationVersion();
      return new String[] {"van " + (v == null ? "0.1.0-SNAPSHOT" : v)};
    }
  }
}
