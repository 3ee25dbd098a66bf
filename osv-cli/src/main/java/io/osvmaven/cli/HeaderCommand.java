package io.osvmaven.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import io.osvmaven.core.header.DriversConfigHeader;
import java.io.IOException;
import java.nio.file.Path;

@Parameters(commandDescription = "Write drivers_config.h for a drivers selection (only if its content changes)")
final class HeaderCommand implements Command {

  @ParametersDelegate
  DriverOptions drivers = new DriverOptions();

  @Parameter(names = "--output", description = "the header file to write", required = true)
  Path output;

  @Override
  public int run(Console console) throws IOException {
    boolean written = DriversConfigHeader.write(drivers.resolve(console), output);
    console.info((written ? "Wrote " : "Unchanged, kept ") + output);
    return 0;
  }
}
