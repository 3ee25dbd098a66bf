package io.osvmaven.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import io.osvmaven.core.header.DriversMakeFragment;
import io.osvmaven.core.header.KconfigFragment;
import io.osvmaven.core.profile.Resolution;
import io.osvmaven.core.profile.ResolutionReport;

@Parameters(commandDescription = "Resolve a profile plus includes/excludes and explain every driver")
final class ProfileResolveCommand implements Command {

  @ParametersDelegate
  DriverOptions drivers = new DriverOptions();

  @Parameter(names = "--format", description = "text, json, mk (make assignments) or kconfig")
  String format = "text";

  @Override
  public int run(Console console) {
    Resolution r = drivers.resolve(console);
    String output = switch (format) {
      case "text" -> ResolutionReport.text(r);
      case "json" -> ResolutionReport.json(r);
      case "mk" -> DriversMakeFragment.render(r);
      case "kconfig" -> KconfigFragment.render(r);
      default -> throw new UsageException("--format must be text, json, mk or kconfig, got '" + format + "'");
    };
    console.out.print(output);
    return 0;
  }
}
