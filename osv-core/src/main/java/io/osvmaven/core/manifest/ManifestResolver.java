package io.osvmaven.core.manifest;

import io.osvmaven.core.OsvException;
import io.osvmaven.core.tree.FileTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

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
    if (Files.isSymbolicLink(resolved)) {
      return new ResolvedEntry.Link(guest, HostSymlinks.readLink(resolved, line.where()),
          line.where());
    }
    if (Files.isDirectory(resolved)) {
      return new ResolvedEntry.EmptyDirectory(guest, line.where());
    }
    if (Files.isRegularFile(resolved)) {
      return new ResolvedEntry.HostFile(guest, resolved, line.where());
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
    return walk(line, root, guestDir, root);
  }

  /**
   * The entries below {@code dir}: its files in name order, then each sub-directory's entries. Sibling
   * sub-directories are walked in parallel (the walk is bound by stat calls), and their results joined in
   * name order, so the output does not depend on scheduling.
   */
  private List<ResolvedEntry> walk(ManifestLine line, Path root, String guestDir, Path dir) {
    List<Path> children;
    try (Stream<Path> list = Files.list(dir)) {
      children = new ArrayList<>(list.toList());
    } catch (IOException e) {
      throw new OsvException(line.where() + ": cannot list host directory " + dir + ": " + e,
          null, e);
    }
    children.sort(Comparator.comparing(p -> p.getFileName().toString(), FileTree.NAME_ORDER));
    List<ResolvedEntry> result = new ArrayList<>();
    List<Path> subdirs = new ArrayList<>();
    for (Path child : children) {
      // one lstat per entry: a tree of small files is dominated by stat calls
      BasicFileAttributes a = attributes(line, child);
      if (a.isDirectory()) {
        subdirs.add(child);
        continue;
      }
      String relative = root.relativize(child).toString().replace(child.getFileSystem()
          .getSeparator(), "/");
      if (a.isRegularFile() && a instanceof PosixFileAttributes posix) {
        result.add(new ResolvedEntry.HostFile(guestDir + relative, child, line.where(), a.size(),
            TreeComposer.executable(posix.permissions())));
      } else if (a.isRegularFile()) {
        result.add(new ResolvedEntry.HostFile(guestDir + relative, child, line.where()));
      } else if (!Files.isDirectory(child)) {
        Path resolved = HostSymlinks.unsymlink(child, line.where());
        result.add(classify(line, guestDir + relative, child, resolved));
      }
    }
    List<List<ResolvedEntry>> below = (subdirs.size() > 1 ? subdirs.parallelStream() : subdirs.stream())
        .map(subdir -> walk(line, root, guestDir, subdir))
        .toList();
    below.forEach(result::addAll);
    return result;
  }

  private static BasicFileAttributes attributes(ManifestLine line, Path child) {
    try {
      try {
        return Files.readAttributes(child, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (UnsupportedOperationException e) {
        return Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      }
    } catch (IOException e) {
      throw new OsvException(line.where() + ": cannot read host file " + child + ": " + e, null, e);
    }
  }

  private static OsvException error(ManifestLine line, String problem, String hint) {
    return new OsvException(line.where() + ": " + problem + " in '" + line.text() + "'", hint);
  }
}
