package io.osvmaven.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import io.osvmaven.core.profile.Arch;
import io.osvmaven.core.profile.DriverCatalog;
import java.util.List;

@Parameters(commandDescription = "List the built-in drivers profiles and drivers of each architecture")
final class ProfileListCommand implements Command {

  @Parameter(names = "--arch", description = "only this architecture")
  String arch;

  @Override
  public int run(Console console) {
    List<Arch> archs = arch == null ? List.of(Arch.values()) : List.of(Arch.of(arch));
    for (Arch a : archs) {
      DriverCatalog catalog = DriverCatalog.builtIn(a);
      console.out.println(a + " profiles: " + String.join(" ", catalog.profileNames()));
      console.out.println(a + " drivers: " + String.join(" ", catalog.drivers()));
    }
    return 0;
  }
}
