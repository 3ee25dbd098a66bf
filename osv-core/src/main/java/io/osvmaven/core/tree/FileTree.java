package io.osvmaven.core.tree;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
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
    return countEntries(root);
  }

  // counted and summed by plain recursion: a walk would build every entry's guest path for nothing
  private static int countEntries(Directory dir) {
    int count = 1;
    for (Node child : dir.children()) {
      count += child instanceof Directory d ? countEntries(d) : 1;
    }
    return count;
  }

  /** Total bytes of all regular files. */
  public long totalFileBytes() {
    return totalFileBytes(root);
  }

  private static long totalFileBytes(Directory dir) {
    long total = 0;
    for (Node child : dir.children()) {
      if (child instanceof Directory d) {
        total += totalFileBytes(d);
      } else if (child instanceof RegularFile f) {
        total += f.size();
      }
    }
    return total;
  }

  /** Depth-first walk in child order: directories are pre- and post-visited around their children. */
  public void walk(TreeVisitor visitor) throws IOException {
    walk("/", root, visitor, false);
  }

  /**
   * Like {@link #walk}, but each directory's children in {@link #NAME_ORDER}, as {@link #sorted()}'s copy
   * would list them, without copying the tree.
   */
  public void walkInNameOrder(TreeVisitor visitor) throws IOException {
    walk("/", root, visitor, true);
  }

  private static void walk(String path, Directory dir, TreeVisitor visitor, boolean nameOrder)
      throws IOException {
    visitor.preVisitDirectory(path, dir);
    // one concat per entry: walks run several times per build over every entry of the tree
    String prefix = path.equals("/") ? path : path.concat("/");
    for (Node child : nameOrder ? inNameOrder(dir) : dir.childArray()) {
      String childPath = prefix.concat(child.name());
      if (child instanceof Directory d) {
        walk(childPath, d, visitor, nameOrder);
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
    Node[] children = inNameOrder(dir);
    for (int i = 0; i < children.length; i++) {
      if (children[i] instanceof Directory d) {
        children[i] = sortedCopy(d);
      }
    }
    return new Directory(dir.name(), dir.attributes(), children);
  }

  /** The children of {@code dir} in {@link #NAME_ORDER}; sorted only if they are not already. */
  private static Node[] inNameOrder(Directory dir) {
    Node[] children = dir.childArray();
    for (int i = 1; i < children.length; i++) {
      if (compareCodePoints(children[i - 1].name(), children[i].name()) > 0) {
        Arrays.sort(children, BY_NAME);
        break;
      }
    }
    return children;
  }

  private static final Comparator<Node> BY_NAME = new Comparator<>() {
    @Override
    public int compare(Node a, Node b) {
      return compareCodePoints(a.name(), b.name());
    }
  };

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
