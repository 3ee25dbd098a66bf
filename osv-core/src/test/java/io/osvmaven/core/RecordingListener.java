package io.osvmaven.core;

import java.util.ArrayList;
import java.util.List;

/** A listener for tests: keeps every message, by level. */
public final class RecordingListener implements BuildListener {

  public final List<String> infos = new ArrayList<>();
  public final List<String> warnings = new ArrayList<>();
  public final List<String> debugs = new ArrayList<>();

  @Override
  public void info(String message) {
    infos.add(message);
  }

  @Override
  public void warn(String message) {
    warnings.add(message);
  }

  @Override
  public void debug(String message) {
    debugs.add(message);
  }
}
