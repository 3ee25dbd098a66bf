package io.osvmaven.core.manifest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing to put into the guest tree, with the origin that messages name ("src/main/osv/usr.manifest:12",
 * "project artifact", "&lt;files&gt; entry 3"). Guest paths are absolute but not yet normalised;
 * {@link TreeComposer} normalises them.
 */
public sealed interface ResolvedEntry {

  String guestPath();

  String origin();

  /**
   * A regular file whose content is the host file (already resolved through host symlinks). A directory
   * walk that has just read the file's attributes passes its size, execute bit and modification time
   * along ({@code size} and {@code modifiedMillis} -1 when unknown), so neither composing the tree nor
   * the up-to-date check has to stat the file again.
   *
   * @param modifiedMillis the host file's modification time in milliseconds since the epoch, as read
   *     when its size was; only for up-to-date checks, never written into an image
   */
  record HostFile(String guestPath, Path host, String origin, long size, boolean executable,
      long modifiedMillis) implements ResolvedEntry {
    public HostFile {
      Objects.requireNonNull(guestPath, "guestPath");
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(origin, "origin");
    }

    public HostFile(String guestPath, Path host, String origin, long size, boolean executable) {
      this(guestPath, host, origin, size, executable, -1);
    }

    public HostFile(String guestPath, Path host, String origin) {
      this(guestPath, host, origin, -1, false, -1);
    }
  }

  /** A directory, created empty if nothing else lands in it (OSv's "host path is a directory"). */
  record EmptyDirectory(String guestPath, String origin) implements ResolvedEntry {
    public EmptyDirectory {
      Objects.requireNonNull(guestPath, "guestPath");
      Objects.requireNonNull(origin, "origin");
    }
  }

  /** A symbolic link in the guest whose content is {@code target}, verbatim. */
  record Link(String guestPath, String target, String origin) implements ResolvedEntry {
    public Link {
      Objects.requireNonNull(guestPath, "guestPath");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(origin, "origin");
    }
  }
}
