package io.osvmaven.core.runtime;

import io.osvmaven.core.OsvException;
import io.osvmaven.core.tree.Attributes;
import io.osvmaven.core.tree.Directory;
import io.osvmaven.core.tree.FileTree;
import io.osvmaven.core.tree.RegularFile;
import io.osvmaven.core.tree.Symlink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Objects;
import java.util.Set;

/**
 * One file or symlink the image gets. Modes are 0755 for host files with an execute bit, else 0644;
 * owners and times come from the build ({@link #addTo}), never from the host.
 *
 * @param guestPath absolute path in the image
 * @param hostPath the host file to copy (null for symlinks)
 * @param linkTarget the symlink's content (null for files)
 * @param executable whether the file gets mode 0755
 */
public record ImageEntry(String guestPath, Path hostPath, String linkTarget, boolean executable) {

  public ImageEntry {
    Objects.requireNonNull(guestPath, "guestPath");
    if (!guestPath.startsWith("/") || (hostPath == null) == (linkTarget == null)) {
      throw new IllegalArgumentException("bad image entry " + guestPath);
    }
  }

  /** A file, executable in the image if any execute bit is set on the host (not "can I run it"). */
  public static ImageEntry file(String guestPath, Path hostPath) {
    return new ImageEntry(guestPath, hostPath, null, hasExecuteBit(hostPath));
  }

  private static boolean hasExecuteBit(Path file) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      return perms.contains(PosixFilePermission.OWNER_EXECUTE)
          || perms.contains(PosixFilePermission.GROUP_EXECUTE)
          || perms.contains(PosixFilePermission.OTHERS_EXECUTE);
    } catch (UnsupportedOperationException e) {
      return false;
    } catch (IOException e) {
      throw new OsvException("cannot read " + file + ": " + e.getMessage(), "check that it exists", e);
    }
  }

  public static ImageEntry symlink(String guestPath, String target) {
    return new ImageEntry(guestPath, null, target, false);
  }

  public boolean isSymlink() {
    return linkTarget != null;
  }

  /** The OSv manifest line: {@code guest: host}, or {@code guest: ->target} for a symlink. */
  public String manifestLine() {
    return guestPath + ": " + (isSymlink() ? "->" + linkTarget : hostPath.toString());
  }

  /**
   * Adds the entry to an image tree, creating missing parent directories, all with the given time.
   *
   * @throws OsvException if the host file is unreadable or the path is taken by a directory
   */
  public void addTo(FileTree tree, long mtimeSeconds) {
    int slash = guestPath.lastIndexOf('/');
    String name = guestPath.substring(slash + 1);
    Directory parent;
    try {
      parent = tree.mkdirs(guestPath.substring(0, slash), Attributes.DIRECTORY.withMtime(mtimeSeconds));
    } catch (IllegalStateException e) {
      throw new OsvException("cannot place " + guestPath + " in the image: " + e.getMessage(), null, e);
    }
    if (parent.child(name) instanceof Directory) {
      throw new OsvException("cannot place " + guestPath + " in the image: it is a directory there", null);
    }
    if (isSymlink()) {
      parent.put(new Symlink(name, linkTarget, Attributes.SYMLINK.withMtime(mtimeSeconds)));
      return;
    }
    long size;
    try {
      size = Files.size(hostPath);
    } catch (IOException e) {
      throw new OsvException("cannot read " + hostPath + " (for " + guestPath + "): " + e.getMessage(),
          null, e);
    }
    Attributes attributes = (executable ? Attributes.EXECUTABLE : Attributes.FILE).withMtime(mtimeSeconds);
    parent.put(new RegularFile(name, hostPath, size, attributes));
  }
}
