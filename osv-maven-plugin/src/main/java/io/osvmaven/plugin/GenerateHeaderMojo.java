package io.osvmaven.plugin;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.header.DriversConfigHeader;
import io.osvmaven.core.profile.Resolution;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes {@code osv/drivers_config.h} for the resolved drivers selection, byte for byte as OSv's
 * {@code scripts/gen-drivers-config-header} would, under {@code headerDirectory}. The file is rewritten
 * only when its content changes, so an unchanged selection keeps its mtime and triggers no kernel
 * recompilation. The directory is published as the project property {@code osv.headerDirectory} for
 * later build steps (e.g. {@code -I${osv.headerDirectory}}).
 *
 * @since 0.1.0
 */
@Mojo(name = GenerateHeaderMojo.GOAL, defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateHeaderMojo extends AbstractDriversMojo {

  public static final String GOAL = "generate-header";

  /**
   * The include directory the header goes into, as {@code $(OUT)/gen/include} in OSv's build: the
   * header is {@code <headerDirectory>/osv/drivers_config.h}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.headerDirectory", defaultValue = "${project.build.directory}/osv/gen/include",
      required = true)
  protected File headerDirectory;

  /**
   * Skips this goal only.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.header.skip", defaultValue = "false")
  protected boolean skipHeader;

  @Override
  protected String goal() {
    return "osv:" + GOAL;
  }

  @Override
  protected boolean goalSkipped() {
    if (skipHeader) {
      getLog().info("Skipping " + goal() + ": osv.header.skip is true");
    }
    return skipHeader;
  }

  @Override
  protected void run(BuildListener listener) throws IOException {
    Resolution resolution = resolveDrivers(listener);
    Path header = headerDirectory.toPath().resolve(DriversConfigHeader.RELATIVE_PATH);
    if (DriversConfigHeader.write(resolution, header)) {
      getLog().info("Wrote " + header);
    } else {
      getLog().info("Unchanged, kept " + header);
    }
    project.getProperties().setProperty("osv.headerDirectory", headerDirectory.getAbsolutePath());
  }
}
