package io.osvmaven.core.manifest;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.OsvException;
import io.osvmaven.core.tree.Attributes;
import io.osvmaven.core.tree.Directory;
import io.osvmaven.core.tree.FileTree;
import io.osvmaven.core.tree.Node;
import io.osvmaven.core.tree.RegularFile;
import io.osvmaven.core.tree.Symlink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Composes resolved entries from several sources (manifests, project artifacts, configured files) into
 * one guest {@link FileTree}. Sources are added in precedence order: an entry replaces an earlier file or
 * symlink at the same guest path (reported, naming both origins); a file or symlink where a directory is
 * (or the reverse) is an error naming both origins, where OSv would silently drop a sub-tree or crash.
 *
 * <p>Attributes never come from the host except the executable bit: files 0644 (0755 if any execute bit
 * is set on the host file), directories 0755, symlinks 0777, owner 0:0, and the given mtime.
 */
public final class TreeComposer {

  private final BuildListener listener;
  private final Attributes directoryAttributes;
  private final Attributes fileAttributes;
  private final Attributes executableAttributes;
  private final Attributes symlinkAttributes;
  private final FileTree tree;
  /** Where each guest path came from, for messages; implied directories name the entry that needed them. */
  private final Map<String, String> origins = new HashMap<>();
  /** The directory the last file or symlink went into, and its normalised guest path ("" for "/"). */
  private Directory lastParent;
  private String lastParentPath;

  /**
   * @param mtimeSeconds modification time of every entry (the project's output timestamp)
   */
  public TreeComposer(BuildListener listener, long mtimeSeconds) {
    this.listener = Objects.requireNonNull(listener, "listener");
    this.directoryAttributes = Attributes.DIRECTORY.withMtime(mtimeSeconds);
    this.fileAttributes = Attributes.FILE.withMtime(mtimeSeconds);
    this.executableAttributes = Attributes.EXECUTABLE.withMtime(mtimeSeconds);
    this.symlinkAttributes = Attributes.SYMLINK.withMtime(mtimeSeconds);
    this.tree = new FileTree(new Directory("", directoryAttributes));
    origins.put("/", "the root directory");
  }

  /** Adds one source; its entries override those of sources added before (and earlier ones of its own). */
  public TreeComposer add(List<? extends ResolvedEntry> source) {
    for (ResolvedEntry entry : source) {
      add(entry);
    }
    return this;
  }

  public TreeComposer add(ResolvedEntry entry) {
    if (!(entry instanceof ResolvedEntry.EmptyDirectory) && addToLastParent(entry)) {
      return this;
    }
    List<String> parts = GuestPaths.components(entry.guestPath(), entry.origin());
    boolean directory = entry instanceof ResolvedEntry.EmptyDirectory;
    if (!directory && parts.isEmpty()) {
      throw new OsvException(entry.origin() + ": cannot map a " + kind(entry)
          + " onto the root directory '" + entry.guestPath() + "'");
    }
    int dirDepth = directory ? parts.size() : parts.size() - 1;
    Directory dir = tree.root();
    StringBuilder at = new StringBuilder();
    for (int i = 0; i < dirDepth; i++) {
      at.append('/').append(parts.get(i));
      dir = descend(dir, parts.get(i), at.toString(), entry, i == parts.size() - 1);
    }
    if (!directory) {
      putLeaf(dir, parts.get(parts.size() - 1), GuestPaths.join(parts), entry);
      lastParent = dir;
      lastParentPath = at.toString();
    }
    return this;
  }

  /**
   * Adds a file or symlink whose guest path is a plain name inside the directory the previous one went
   * into, without splitting and normalising the path again: a directory walk yields its files one
   * directory after the other, so this is the common case.
   *
   * @return false if the entry goes elsewhere (or its path needs normalising): the caller adds it
   */
  private boolean addToLastParent(ResolvedEntry entry) {
    String path = entry.guestPath();
    int slash = path.lastIndexOf('/');
    if (lastParentPath == null || slash != lastParentPath.length() || !path.startsWith(lastParentPath)
        || !GuestPaths.isPlainName(path, slash + 1)) {
      return false;
    }
    putLeaf(lastParent, path.substring(slash + 1), path, entry);
    return true;
  }

  private void putLeaf(Directory dir, String name, String path, ResolvedEntry entry) {
    Node replacement = leaf(entry, name);
    Node existing = dir.child(name);
    if (existing instanceof Directory) {
      throw new OsvException(path + " is a directory (" + origins.get(path) + ") but "
          + entry.origin() + " maps a " + kind(entry) + " onto it",
          "remove one of the two entries, or map the " + kind(entry) + " to another guest path");
    }
    if (existing != null) {
      if (existing.equals(replacement)) {
        listener.debug(path + ": " + entry.origin() + " repeats " + origins.get(path));
      } else {
        listener.info(path + ": " + entry.origin() + " overrides " + origins.get(path));
      }
    }
    dir.put(replacement);
    origins.put(path, entry.origin());
  }

  private Directory descend(Directory dir, String name, String path, ResolvedEntry entry,
      boolean isTarget) {
    Node child = dir.child(name);
    if (child == null) {
      Directory created = new Directory(name, directoryAttributes);
      dir.put(created);
      origins.put(path, isTarget ? entry.origin() : "implied by " + entry.origin());
      return created;
    }
    if (child instanceof Directory existing) {
      return existing;
    }
    throw new OsvException(path + " is a " + (child instanceof Symlink ? "symlink" : "file") + " ("
        + origins.get(path) + ") but " + entry.origin() + " needs it to be a directory for "
        + entry.guestPath(), "remove one of the two entries");
  }

  private Node leaf(ResolvedEntry entry, String name) {
    if (entry instanceof ResolvedEntry.Link link) {
      return new Symlink(name, link.target(), symlinkAttributes);
    }
    ResolvedEntry.HostFile file = (ResolvedEntry.HostFile) entry;
    Path host = file.host();
    if (file.size() >= 0) {
      return new RegularFile(name, host, file.size(),
          file.executable() ? executableAttributes : fileAttributes, file.modifiedMillis());
    }
    // one stat for type, size, mode and mtime in the common case; the checks below give the error messages
    try {
      PosixFileAttributes a = Files.readAttributes(host, PosixFileAttributes.class);
      if (a.isRegularFile()) {
        return new RegularFile(name, host, a.size(),
            executable(a.permissions()) ? executableAttributes : fileAttributes,
            a.lastModifiedTime().toMillis());
      }
    } catch (IOException | UnsupportedOperationException e) {
      // not there, or not a POSIX filesystem: fall through
    }
    if (!Files.isRegularFile(host)) {
      throw new OsvException(entry.origin() + ": host file " + host
          + (Files.isDirectory(host) ? " is a directory" : " does not exist") + " (for "
          + entry.guestPath() + ")");
    }
    try {
      return new RegularFile(name, host, Files.size(host),
          isExecutable(host) ? executableAttributes : fileAttributes,
          Files.getLastModifiedTime(host).toMillis());
    } catch (IOException e) {
      throw new OsvException(entry.origin() + ": cannot read host file " + host + ": " + e, null, e);
    }
  }

  private static boolean isExecutable(Path host) throws IOException {
    try {
      return executable(Files.getPosixFilePermissions(host));
    } catch (UnsupportedOperationException e) {
      return Files.isExecutable(host);
    }
  }

  static boolean executable(Set<PosixFilePermission> permissions) {
    return permissions.contains(PosixFilePermission.OWNER_EXECUTE)
        || permissions.contains(PosixFilePermission.GROUP_EXECUTE)
        || permissions.contains(PosixFilePermission.OTHERS_EXECUTE);
  }

  private static String kind(ResolvedEntry entry) {
    return entry instanceof ResolvedEntry.Link ? "symlink" : "file";
  }

  /** The composed tree with every directory sorted by name bytes: independent of input order. */
  public FileTree compose() {
    return tree.sorted();
  }

  /**
   * The composed tree in first-insertion order, as gen-rofs-img.py's dictionaries keep it (a replaced
   * entry keeps its position). Only for byte-comparisons with OSv's own tools; images should use
   * {@link #compose()}.
   */
  public FileTree composeInManifestOrder() {
    return new FileTree(copy(tree.root()));
  }

  private static Directory copy(Directory dir) {
    Directory copy = new Directory(dir.name(), dir.attributes());
    for (Node child : dir.children()) {
      copy.put(child instanceof Directory d ? copy(d) : child);
    }
    return copy;
  }
}
