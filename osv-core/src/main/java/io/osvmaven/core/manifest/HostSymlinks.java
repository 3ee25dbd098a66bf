package io.osvmaven.core.manifest;

import io.osvmaven.core.OsvException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * OSv's {@code unsymlink} (scripts/manifest_common.py): follows a host symlink chain to the file it
 * names. A relative target is taken relative to the link's directory; an absolute target is looked for
 * below each ancestor of the link, nearest first, and last below the host root, so links inside a
 * copied sysroot resolve inside it. If no candidate exists the link itself is returned, and becomes a
 * symlink in the guest. Unlike OSv (which recurses until Python's stack overflows and then returns
 * whatever path it had reached), a loop is an error.
 */
final class HostSymlinks {

  /** Linux gives up after 40 links too (MAXSYMLINKS). */
  static final int MAX_LINKS = 40;

  private HostSymlinks() {}

  static Path unsymlink(Path path, String where) {
    Set<String> seen = new LinkedHashSet<>();
    Path current = path;
    while (Files.isSymbolicLink(current)) {
      if (!seen.add(current.toString()) || seen.size() > MAX_LINKS) {
        List<String> chain = new ArrayList<>(seen);
        chain.add(current.toString());
        throw new OsvException(where + ": host symlink loop: " + String.join(" -> ", chain),
            "fix the symbolic links on the host, or write '!" + path + "' to keep the link itself");
      }
      String target = readLink(current, where);
      Path dir = current.getParent();
      if (target.startsWith("/")) {
        Path found = searchUpwards(dir, target);
        if (found == null) {
          return current;
        }
        current = found;
      } else {
        current = dir == null ? Path.of(target) : dir.resolve(target);
      }
    }
    return current;
  }

  /** The first existing {@code ancestor + target}, from the link's directory up to the root. */
  private static Path searchUpwards(Path dir, String target) {
    for (Path base = dir; base != null; base = base.getParent()) {
      Path candidate = Path.of(base + target);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  static String readLink(Path link, String where) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      throw new OsvException(where + ": cannot read host symlink " + link + ": " + e.getMessage(),
          null, e);
    }
  }
}
