package io.osvmaven.core.manifest;

import io.osvmaven.core.OsvException;
import java.util.ArrayList;
import java.util.List;

/** Normalises guest paths: "//" and "." vanish, ".." goes up but never above the root. */
final class GuestPaths {

  private GuestPaths() {}

  /** The components of an absolute guest path; empty for "/". */
  static List<String> components(String guestPath, String origin) {
    if (!guestPath.startsWith("/")) {
      throw new OsvException(origin + ": guest path '" + guestPath + "' is not absolute",
          "guest paths start with '/'");
    }
    if (guestPath.indexOf('\0') >= 0 || guestPath.indexOf('\n') >= 0) {
      throw new OsvException(origin + ": guest path '" + guestPath.replace("\0", "\\0")
          .replace("\n", "\\n") + "' contains a NUL or newline character");
    }
    List<String> parts = new ArrayList<>();
    for (String part : guestPath.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          throw new OsvException(origin + ": guest path '" + guestPath
              + "' leads out of the root directory with '..'");
        }
        parts.remove(parts.size() - 1);
      } else {
        parts.add(part);
      }
    }
    return parts;
  }

  static String join(List<String> parts) {
    return "/" + String.join("/", parts);
  }
}
