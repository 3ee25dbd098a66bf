package io.osvmaven.plugin;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.header.DriversMakeFragment;
import io.osvmaven.core.header.KconfigFragment;
import io.osvmaven.core.io.AtomicFiles;
import io.osvmaven.core.profile.Resolution;
import io.osvmaven.core.profile.ResolutionReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Resolves the drivers profile plus includes and excludes into the closed set of drivers, explains
 * every driver, and writes the selection in the forms an OSv kernel build takes:
 * {@code drivers-profile.txt} and {@code .json} (the explained resolution), {@code drivers.mk}
 * ({@code conf_drivers_*} make assignments) and {@code drivers.kconfig} (the kconfig profile choice).
 * Files whose content did not change are not rewritten.
 *
 * @since 0.1.0
 */
@Mojo(name = ResolveProfileMojo.GOAL, defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class ResolveProfileMojo extends AbstractDriversMojo {

  public static final String GOAL = "resolve-profile";

  @Override
  protected String goal() {
    return "osv:" + GOAL;
  }

  @Override
  protected void run(BuildListener listener) throws IOException {
    Resolution resolution = resolveDrivers(listener);
    Path dir = outputDirectory.toPath();
    write(dir.resolve("drivers-profile.txt"), ResolutionReport.text(resolution));
    write(dir.resolve("drivers-profile.json"), ResolutionReport.json(resolution));
    write(dir.resolve("drivers.mk"), DriversMakeFragment.render(resolution));
    write(dir.resolve("drivers.kconfig"), KconfigFragment.render(resolution));
    getLog().info("Drivers selection explained in " + dir.resolve("drivers-profile.txt"));
  }

  private static void write(Path file, String content) throws IOException {
    AtomicFiles.writeIfChanged(file, content.getBytes(StandardCharsets.UTF_8));
  }
}
