package io.osvmaven.plugin;

import java.io.File;

/**
 * A host directory copied recursively into the image:
 * {@code <extraDirectory><path>src/main/osv/root</path><into>/</into></extraDirectory>}.
 */
public class ExtraDirectory {

  /** The host directory. */
  File path;

  /** The guest directory it is copied into. */
  String into = "/";

  public File getPath() {
    return path;
  }

  public String getInto() {
    return into;
  }
}
