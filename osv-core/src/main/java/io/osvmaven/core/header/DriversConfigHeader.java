package io.osvmaven.core.header;

import io.osvmaven.core.io.AtomicFiles;
import io.osvmaven.core.profile.DriverDecision;
import io.osvmaven.core.profile.Resolution;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code drivers_config.h}, byte for byte as OSv's {@code scripts/gen-drivers-config-header} writes it:
 * one {@code #define CONF_drivers_<name> 0|1} per driver of the architecture, in {@code sort} order.
 */
public final class DriversConfigHeader {

  /** Where OSv's build puts it, relative to {@code $(OUT)/gen/include}. */
  public static final String RELATIVE_PATH = "osv/drivers_config.h";

  private DriversConfigHeader() {}

  public static String render(Resolution resolution) {
    StringBuilder out = new StringBuilder();
    out.append("/* This file is generated automatically. */\n");
    out.append("#ifndef OSV_DRIVERS_CONFIG_H\n");
    out.append("#define OSV_DRIVERS_CONFIG_H\n");
    out.append('\n');
    for (DriverDecision d : resolution.drivers()) {
      out.append("#define CONF_drivers_").append(d.driver()).append(' ').append(d.enabled() ? '1' : '0')
          .append('\n');
    }
    out.append('\n');
    out.append("#endif\n");
    return out.toString();
  }

  /**
   * Writes the header unless the file already has exactly this content, so that an unchanged
   * selection does not touch the file's mtime and recompile the kernel.
   *
   * @return true if the file was (re)written
   */
  public static boolean write(Resolution resolution, Path file) throws IOException {
    return AtomicFiles.writeIfChanged(file, render(resolution).getBytes(StandardCharsets.US_ASCII));
  }
}
