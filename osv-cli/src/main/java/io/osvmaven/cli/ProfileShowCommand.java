package io.osvmaven.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import io.osvmaven.core.Suggestions;
import io.osvmaven.core.profile.Arch;
import io.osvmaven.core.profile.Assignment;
import io.osvmaven.core.profile.DriverCatalog;
import io.osvmaven.core.profile.ImplicationRule;
import io.osvmaven.core.profile.Include;
import io.osvmaven.core.OsvException;
import io.osvmaven.core.profile.ProfileSource;
import io.osvmaven.core.profile.ProfileStatement;
import java.util.ArrayList;
import java.util.List;

@Parameters(commandDescription = "Show what a built-in profile sets and the rules that complete it")
final class ProfileShowCommand implements Command {

  @Parameter(names = "--arch", description = "x64 or aarch64 (default: this machine's)")
  String arch;

  @Parameter(description = "PROFILE", required = true)
  List<String> names = new ArrayList<>();

  @Override
  public int run(Console console) {
    Arch a = arch == null ? Arch.host() : Arch.of(arch);
    DriverCatalog catalog = DriverCatalog.builtIn(a);
    for (String name : names) {
      ProfileSource p = catalog.profile(name).orElseThrow(() -> new OsvException(
          "unknown drivers profile '" + name + "' for " + a, Suggestions.hint(name, catalog.profileNames())));
      console.out.println("profile " + p.name() + " (" + p.location() + ")");
      for (ProfileStatement s : p.statements()) {
        if (s instanceof Include i) {
          console.out.println("  include " + i.profile() + "    # " + i.origin());
        } else if (s instanceof Assignment as) {
          console.out.println("  " + as.driver() + "=" + (as.enabled() ? 1 : 0) + "    # " + as.origin());
        }
      }
    }
    console.out.println("rules (" + a + "):");
    for (ImplicationRule r : catalog.rules()) {
      console.out.println("  " + r.ifDriver() + " => " + r.thenDriver() + "    # " + r.origin());
    }
    return 0;
  }
}
