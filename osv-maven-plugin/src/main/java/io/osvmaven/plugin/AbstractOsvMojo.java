package io.osvmaven.plugin;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.OsvException;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: the skip switches, the target architecture, the output directory, and the
 * translation of engine errors into build failures that name the POM element to fix.
 */
public abstract class AbstractOsvMojo extends AbstractMojo {

  /**
   * Skips every goal of this plugin.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.skip", defaultValue = "false")
  protected boolean skip;

  /**
   * Target architecture: {@code x64} or {@code aarch64} (the aliases {@code x86_64}, {@code amd64} and
   * {@code arm64} are accepted). Defaults to the architecture of the JVM running the build.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.arch")
  protected String arch;

  /**
   * Where the plugin writes what it produces besides the image itself: reports, headers, fragments.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.outputDirectory", defaultValue = "${project.build.directory}/osv", required = true)
  protected File outputDirectory;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping " + goal() + ": osv.skip is true");
      return;
    }
    if (goalSkipped()) {
      return;
    }
    if ("pom".equals(project.getPackaging()) && !runsOnPomPackaging()) {
      getLog().info("Skipping " + goal() + ": packaging is pom");
      return;
    }
    try {
      run(new MavenBuildListener(getLog()));
    } catch (OsvException e) {
      throw new MojoFailureException(failureMessage(e));
    } catch (IOException e) {
      throw new MojoExecutionException(goal() + " failed: " + e.getMessage(), e);
    }
  }

  /** The goal's work, once skipping has been decided. */
  protected abstract void run(BuildListener listener) throws IOException;

  /** The goal's name for log messages, e.g. "osv:resolve-profile". */
  protected abstract String goal();

  /** A goal-specific skip switch; logs why when it skips. */
  protected boolean goalSkipped() {
    return false;
  }

  /** Goals that are meaningful in an aggregator (pom) project override this. */
  protected boolean runsOnPomPackaging() {
    return false;
  }

  /** The engine's message, prefixed with the POM element it is about, followed by the hint. */
  protected String failureMessage(OsvException e) {
    String element = e instanceof PomElementException pe ? pe.element() : pomElement(e);
    String message = element == null ? e.getMessage() : element + ": " + e.getMessage();
    return e.hint().map(h -> message + "\n  hint: " + h).orElse(message);
  }

  /** The POM element an engine error is about, e.g. {@code <driversProfile>}; null if unknown. */
  protected String pomElement(OsvException e) {
    return null;
  }

  /** Runs an engine call whose errors are about one POM element, and labels them with it. */
  protected static <T> T element(String element, java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (PomElementException e) {
      throw e;
    } catch (OsvException e) {
      throw new PomElementException(element, e);
    }
  }
}
