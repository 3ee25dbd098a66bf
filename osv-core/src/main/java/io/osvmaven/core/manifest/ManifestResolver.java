package io.osvmaven.core.manifest;

import io.osvmaven.core.OsvException;
import io.osvmaven.core.tree.FileTree;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Turns manifest lines into guest entries the way OSv's image tools do (§2.2): {@code /**} and
 * {@code /&/} expansion, then {@code unsymlink}, then "symlink, directory or file". Relative host paths
 * are resolved against a base directory (OSv uses the tool's working directory, {@code $OUT}).
 *
 * <p>Differences from OSv, for reproducibility and clear errors: {@code /**} walks are sorted by name
 * bytes instead of readdir order; a missing host path, a missing {@code /**} directory, a host symlink
 * loop, and half-written forms ({@code /**} or {@code /&} on one side only) are errors. {@code .so}
 * stripping is not done (OSv runs the host's {@code strip}); {@code -stripped.so} host files are not
 * skipped.
 */
public final class ManifestResolver {

  private static final String WALK = "/**";
  private static final String BASENAME = "/&/";

  private final Path baseDir;

  public ManifestResolver(Path baseDir) {
    this.baseDir = Objects.requireNonNull(baseDir, "baseDir").toAbsolutePath();
  }

  /** Resolves every line, in order; a {@code /**} line yields its walk in sorted order. */
  public List<ResolvedEntry> resolve(List<ManifestLine> lines) {
    List<ResolvedEntry> result = new ArrayList<>();
    for (ManifestLine line : lines) {
      result.addAll(resolve(line));
    }
    return result;
  }

  public List<ResolvedEntry> resolve(ManifestLine line) {
    String guest = line.guest();
    String host = line.host();
    boolean walk = guest.endsWith(WALK) || host.endsWith(WALK);
    if (walk && !(guest.endsWith(WALK) && host.endsWith(WALK))) {
      throw error(line, "'/**' must end both the guest and the host path",
          "write '/guest/dir/**: host/dir/**'");
    }
    if (host.startsWith("->")) {
      if (walk || guest.contains(BASENAME)) {
        throw error(line, "a symlink ('->') cannot be combined with '/**' or '/&/'", null);
      }
      return List.of(new ResolvedEntry.Link(guest, host.substring(2), line.where()));
    }
    boolean keepLink = host.startsWith("!");
    if (keepLink) {
      host = host.substring(1);
    }
    if (walk) {
      if (keepLink) {
        throw error(line, "'!' cannot be combined with '/**'", "list the links to keep one by one");
      }
      return walk(line, guest.substring(0, guest.length() - 2),
          host.substring(0, host.length() - 2));
    }
    boolean basename = guest.contains(BASENAME) || host.endsWith("/&");
    if (basename) {
      if (!(guest.contains(BASENAME) && host.endsWith("/&"))) {
        throw error(line, "'/&/' in the guest path needs a host path ending in '/&' and vice versa",
            "write '/prefix/&/sub/file: hostdir/&' for /prefix/sub/file from hostdir/sub/file");
      }
      int at = guest.indexOf(BASENAME);
      String suffix = guest.substring(at + BASENAME.length());
      guest = guest.substring(0, at) + "/" + suffix;
      host = host.substring(0, host.length() - 1) + suffix;
    }
    Path hostPath = baseDir.resolve(host);
    Path resolved = keepLink ? hostPath : HostSymlinks.unsymlink(hostPath, line.where());
    return List.of(classify(line, guest, hostPath, resolved));
  }

  private ResolvedEntry classify(ManifestLine line, String guest, Path given, Path resolved) {
    String where = line.where();
    if (Files.isSymbolicLink(resolved)) {
      return new ResolvedEntry.Link(guest, HostSymlinks.readLink(resolved, where), where);
    }
    if (Files.isDirectory(resolved)) {
      return new ResolvedEntry.EmptyDirectory(guest, where);
    }
    if (Files.isRegularFile(resolved)) {
      return new ResolvedEntry.HostFile(guest, resolved, where);
    }
    String via = resolved.equals(given) ? "" : " (reached through the host symlink " + given + ")";
    if (Files.exists(resolved, LinkOption.NOFOLLOW_LINKS)) {
      throw error(line, "host path " + resolved + via + " is neither a regular file nor a directory",
          null);
    }
    throw error(line, "host path " + resolved + via + " does not exist",
        "relative host paths are resolved against " + baseDir);
  }

  /**
   * OSv's os.walk mapping: every non-directory below {@code hostDir} (files, symlinks to files, dangling
   * symlinks) lands at the same relative path below {@code guestDir}; symlinks to directories are
   * neither descended nor mapped; empty directories produce nothing.
   */
  private List<ResolvedEntry> walk(ManifestLine line, String guestDir, String hostDir) {
    Path root = baseDir.resolve(hostDir.isEmpty() ? "/" : hostDir);
    if (!Files.isDirectory(root)) {
      throw error(line, "host directory " + root + " of a '/**' mapping does not exist",
          "relative host paths are resolved against " + baseDir);
    }
    List<ResolvedEntry> result = new ArrayList<>();
    walk(line, line.where(), root, guestDir, result);
    return result;
  }

  /**
   * The entries below {@code dir}: its files in name order, then each sub-directory's entries, in name
   * order. Guest paths are built by appending names to the directory's guest prefix: a tree of many small
   * files is dominated by per-entry work, so each entry costs one lstat and no path arithmetic.
   */
  private void walk(ManifestLine line, String where, Path dir, String guestPrefix,
      List<ResolvedEntry> result) {
    List<Child> children = list(where, dir);
    List<Child> subdirs = new ArrayList<>();
    for (Child child : children) {
      BasicFileAttributes a = attributes(where, child.path);
      if (a.isDirectory()) {
        subdirs.add(child);
        continue;
      }
      String guest = guestPrefix.concat(child.name);
      if (a.isRegularFile() && a instanceof PosixFileAttributes posix) {
        result.add(new ResolvedEntry.HostFile(guest, child.path, where, a.size(),
            TreeComposer.executable(posix.permissions()), a.lastModifiedTime().toMillis()));
      } else if (a.isRegularFile()) {
        result.add(new ResolvedEntry.HostFile(guest, child.path, where));
      } else if (!Files.isDirectory(child.path)) {
        Path resolved = HostSymlinks.unsymlink(child.path, where);
        result.add(classify(line, guest, child.path, resolved));
      }
    }
    for (Child subdir : subdirs) {
      walk(line, where, subdir.path, guestPrefix + subdir.name + "/", result);
    }
  }

  /** A directory entry with its name, which the walk sorts by and appends to guest paths. */
  private static final class Child {
    final String name;
    final Path path;

    Child(String name, Path path) {
      this.name = name;
      this.path = path;
    }
  }

  private static final Comparator<Child> BY_NAME = new Comparator<>() {
    @Override
    public int compare(Child a, Child b) {
      return FileTree.NAME_ORDER.compare(a.name, b.name);
    }
  };

  /** The entries of {@code dir}, sorted by name bytes. */
  private static List<Child> list(String where, Path dir) {
    List<Child> children = new ArrayList<>();
    String separator = dir.getFileSystem().getSeparator();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path child : entries) {
        // the name is the text after the last separator: cheaper than getFileName(), and the path's
        // string stays cached for its later users (messages, the written manifest)
        String path = child.toString();
        children.add(new Child(path.substring(path.lastIndexOf(separator) + 1), child));
      }
    } catch (IOException e) {
      throw cannotList(where, dir, e);
    } catch (DirectoryIteratorException e) {
      throw cannotList(where, dir, e.getCause());
    }
    children.sort(BY_NAME);
    return children;
  }

  private static OsvException cannotList(String where, Path dir, IOException e) {
    return new OsvException(where + ": cannot list host directory " + dir + ": " + e, null, e);
  }

  private static BasicFileAttributes attributes(String where, Path child) {
    try {
      try {
        return Files.readAttributes(child, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (UnsupportedOperationException e) {
        return Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      }
    } catch (IOException e) {
      throw new OsvException(where + ": cannot read host file " + child + ": " + e, null, e);
    }
  }

  private static OsvException error(ManifestLine line, String problem, String hint) {
    return new OsvException(line.where() + ": " + problem + " in '" + line.text() + "'", hint);
  }
}
