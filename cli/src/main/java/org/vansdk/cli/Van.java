package org.vansdk.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code van} command: validate, generate, anonymise, compute indicators, publish schemas, and
 * run the end-to-end demo. Exit codes: 0 ok, 1 the input has problems, 2 usage or internal error.
 *
 * @since 1.0
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
      ExportCommand.class,
      ImportCommand.class,
      NodeCommand.class,
      HubCommand.class,
      SchemasCommand.class,
      TrustListCommand.class,
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

  private final InputStream stdin;

  Van(InputStream stdin) {
    this.stdin = stdin;
  }

  /** Returns the standard input of this run (read by commands given {@code -}). */
  InputStream stdin() {
    return stdin;
  }

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
        execute(
            System.in, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /**
   * Runs the command with the given output streams and returns the exit code (for tests and
   * embedding); standard input is the process's.
   *
   * @param out standard output
   * @param err standard error
   * @param args the command line
   * @return the exit code
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    return execute(System.in, out, err, args);
  }

  /**
   * Runs the command with the given streams and returns the exit code (for tests and embedding).
   * Errors are one line on {@code err}: the input's problems (malformed JSON, a refused policy, a
   * document that cannot be read as the command needs) exit 1; usage errors, unreadable files and
   * internal errors exit 2. Messages never carry a library's raw text, which may quote the input.
   *
   * @param in standard input, read by commands given {@code -} as a file
   * @param out standard output
   * @param err standard error
   * @param args the command line
   * @return the exit code
   */
  public static int execute(InputStream in, PrintWriter out, PrintWriter err, String... args) {
    Van van = new Van(in);
    CommandLine cl = new CommandLine(van);
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("van: " + ex.getMessage());
          err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return ERROR;
        });
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (van.debug) {
            ex.printStackTrace(err);
          }
          Failure failure = Failure.of(ex);
          err.println(
              "van: " + failure.message() + (van.debug ? "" : " (use --debug for details)"));
          return failure.exitCode();
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
