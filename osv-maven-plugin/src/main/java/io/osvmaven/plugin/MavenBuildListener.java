package io.osvmaven.plugin;

import io.osvmaven.core.BuildListener;
import org.apache.maven.plugin.logging.Log;

/** Routes the engine's reports to the Mojo's log. */
final class MavenBuildListener implements BuildListener {

  private final Log log;

  MavenBuildListener(Log log) {
    this.log = log;
  }

  @Override
  public void info(String message) {
    log.info(message);
  }

  @Override
  public void warn(String message) {
    log.warn(message);
  }

  @Override
  public void debug(String message) {
    log.debug(message);
  }

  @Override
  public boolean debugEnabled() {
    return log.isDebugEnabled();
  }
}
