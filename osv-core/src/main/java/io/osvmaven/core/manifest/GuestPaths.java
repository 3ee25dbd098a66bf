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
    // scanned with indexOf: String.split builds an intermediate list and array on every call
    int start = 1;
    while (start <= guestPath.length()) {
      int end = guestPath.indexOf('/', start);
      if (end < 0) {
        end = guestPath.length();
      }
      String part = guestPath.substring(start, end);
      start = end + 1;
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

  /**
   * Whether {@code path} from {@code from} to its end is one component that normalising leaves as it
   * is: not empty, not "." or "..", no '/', NUL or newline.
   */
  static boolean isPlainName(String path, int from) {
    int length = path.length() - from;
    if (length == 0) {
      return false;
    }
    if (length <= 2 && path.charAt(from) == '.' && path.charAt(path.length() - 1) == '.') {
      return false; // "." or ".."
    }
    for (int i = from; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '/' || c == '\0' || c == '\n') {
        return false;
      }
    }
    return true;
  }

  static String join(List<String> parts) {
    return "/" + String.join("/", parts);
  }
}
