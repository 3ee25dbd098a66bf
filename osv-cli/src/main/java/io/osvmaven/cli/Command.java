package io.osvmaven.cli;

import java.io.IOException;

/** One {@code osv} sub-command. Options are jcommander-annotated fields of the implementing class. */
interface Command {

  /** Runs the command; returns the process exit code (0 ok). Engine errors propagate. */
  int run(Console console) throws IOException;
}
