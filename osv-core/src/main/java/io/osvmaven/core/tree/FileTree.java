package io.osvmaven.core.tree;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The file tree of an image, built once (from manifests, project artifacts, ...) and then handed to
 * each filesystem writer. Guest paths are absolute, '/'-separated and already normalised.
 */
public final class FileTree {

  /**
   * Orders names by their UTF-8 bytes, as C's strcmp would, independent of the JVM's locale. UTF-8 byte
   * order is code point order, which differs from UTF-16 unit order only where a surrogate (a code point
   * above U+FFFF) meets a unit in U+E000..U+FFFF: compared without encoding, as trees sort every name.
   */
  public static final Comparator<String> NAME_ORDER = FileTree::compareCodePoints;

  private static int compareCodePoints(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        boolean sx = Character.isSurrogate(x);
        boolean sy = Character.isSurrogate(y);
        if (sx != sy) {
          return sx ? 1 : -1;
        }
        return Character.compare(x, y);
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  private final Directory root;

  public FileTree() {
    this(new Directory("", Attributes.DIRECTORY));
  }

  public FileTree(Directory root) {
    this.root = root;
  }

  public Directory root() {
    return root;
  }

  /** The entry at an absolute guest path, or null. */
  public Node lookup(String path) {
    Node node = root;
    for (String part : split(path)) {
      if (!(node instanceof Directory dir)) {
        return null;
      }
      node = dir.child(part);
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  /**
   * The directory at {@code path}, created with {@code attributes} (and its missing parents) if needed.
   *
   * @throws IllegalStateException if a component of the path is a file or symlink
   */
  public Directory mkdirs(String path, Attributes attributes) {
    Directory dir = root;
    StringBuilder at = new StringBuilder();
    for (String part : split(path)) {
      at.append('/').append(part);
      Node child = dir.child(part);
      if (child == null) {
        Directory created = new Directory(part, attributes);
        dir.put(created);
        dir = created;
      } else if (child instanceof Directory d) {
        dir = d;
      } else {
        throw new IllegalStateException(at + " is not a directory");
      }
    }
    return dir;
  }

  /** Number of entries, the root included. */
  public int countEntries() {
    int[] count = {0};
    try {
      walk(new TreeVisitor() {
        @Override
        public void preVisitDirectory(String path, Directory dir) {
          count[0]++;
        }

        @Override
        public void visitFile(String path, RegularFile file) {
          count[0]++;
        }

        @Override
        public void visitSymlink(String path, Symlink link) {
          count[0]++;
        }
      });
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return count[0];
  }

  /** Total bytes of all regular files. */
  public long totalFileBytes() {
    long[] total = {0};
    try {
      walk(new TreeVisitor() {
        @Override
        public void visitFile(String path, RegularFile file) {
          total[0] += file.size();
        }
      });
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return total[0];
  }

  /** Depth-first walk in child order: directories are pre- and post-visited around their children. */
  public void walk(TreeVisitor visitor) throws IOException {
    walk("/", root, visitor);
  }

  private static void walk(String path, Directory dir, TreeVisitor visitor) throws IOException {
    visitor.preVisitDirectory(path, dir);
    for (Node child : dir.children()) {
      String childPath = path.equals("/") ? "/" + child.name() : path + "/" + child.name();
      if (child instanceof Directory d) {
        walk(childPath, d, visitor);
      } else if (child instanceof RegularFile f) {
        visitor.visitFile(childPath, f);
      } else if (child instanceof Symlink s) {
        visitor.visitSymlink(childPath, s);
      }
    }
    visitor.postVisitDirectory(path, dir);
  }

  /** A copy whose every directory lists its children in {@link #NAME_ORDER}. */
  public FileTree sorted() {
    return new FileTree(sortedCopy(root));
  }

  private static Directory sortedCopy(Directory dir) {
    Directory copy = new Directory(dir.name(), dir.attributes());
    List<Node> children = new ArrayList<>(dir.children());
    children.sort(Comparator.comparing(Node::name, NAME_ORDER));
    for (Node child : children) {
      copy.put(child instanceof Directory d ? sortedCopy(d) : child);
    }
    return copy;
  }

  /** The components of an absolute guest path; "/" has none. */
  public static List<String> split(String path) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("guest path must be absolute: " + path);
    }
    List<String> parts = new ArrayList<>();
    for (String part : path.substring(1).split("/")) {
      if (!part.isEmpty()) {
        parts.add(part);
      }
    }
    return parts;
  }
}
