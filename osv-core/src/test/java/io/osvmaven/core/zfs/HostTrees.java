package io.osvmaven.core.zfs;

import io.osvmaven.core.tree.Attributes;
import io.osvmaven.core.tree.Directory;
import io.osvmaven.core.tree.FileTree;
import io.osvmaven.core.tree.RegularFile;
import io.osvmaven.core.tree.Symlink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Builds a {@link FileTree} mirroring a host directory (sorted; modes and owners from the host, fixed mtime). */
final class HostTrees {

  static final long MTIME = 1_700_000_000L;

  private HostTrees() {}

  static FileTree of(Path root) throws IOException {
    FileTree tree = new FileTree(new Directory("", attrs(root)));
    fill(tree.root(), root);
    return tree.sorted();
  }

  private static void fill(Directory dir, Path host) throws IOException {
    List<Path> children;
    try (Stream<Path> s = Files.list(host)) {
      children = s.sorted().toList();
    }
    for (Path child : children) {
      String name = child.getFileName().toString();
      if (Files.isSymbolicLink(child)) {
        dir.put(new Symlink(name, Files.readSymbolicLink(child).toString(),
            new Attributes(0777, owner(child, "uid"), owner(child, "gid"), MTIME)));
      } else if (Files.isDirectory(child)) {
        Directory d = new Directory(name, attrs(child));
        dir.put(d);
        fill(d, child);
      } else {
        dir.put(new RegularFile(name, child, Files.size(child), attrs(child)));
      }
    }
  }

  private static Attributes attrs(Path p) throws IOException {
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
    int mode = 0;
    for (PosixFilePermission perm : perms) {
      mode |= 1 << (8 - perm.ordinal());
    }
    return new Attributes(mode, owner(p, "uid"), owner(p, "gid"), MTIME);
  }

  private static int owner(Path p, String which) throws IOException {
    return (Integer) Files.getAttribute(p, "unix:" + which, LinkOption.NOFOLLOW_LINKS);
  }
}
