package io.osvmaven.core.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileTreeTest {

  private static RegularFile file(String name, long size) {
    return new RegularFile(name, Path.of("host", name), size, Attributes.FILE);
  }

  private static List<String> walkOrder(FileTree tree) throws IOException {
    List<String> events = new ArrayList<>();
    tree.walk(new TreeVisitor() {
      @Override
      public void preVisitDirectory(String path, Directory dir) {
        events.add("pre " + path);
      }

      @Override
      public void postVisitDirectory(String path, Directory dir) {
        events.add("post " + path);
      }

      @Override
      public void visitFile(String path, RegularFile f) {
        events.add("file " + path);
      }

      @Override
      public void visitSymlink(String path, Symlink link) {
        events.add("link " + path + " -> " + link.target());
      }
    });
    return events;
  }

  @Test
  void walksDepthFirstInInsertionOrder() throws IOException {
    FileTree tree = new FileTree();
    tree.mkdirs("/etc", Attributes.DIRECTORY).put(file("hosts", 6));
    tree.mkdirs("/data", Attributes.DIRECTORY).put(file("b.bin", 600));
    tree.mkdirs("/etc", Attributes.DIRECTORY).put(new Symlink("mnttab", "/proc/mounts", Attributes.SYMLINK));

    assertThat(walkOrder(tree)).containsExactly(
        "pre /", "pre /etc", "file /etc/hosts", "link /etc/mnttab -> /proc/mounts", "post /etc",
        "pre /data", "file /data/b.bin", "post /data", "post /");
    assertThat(tree.countEntries()).isEqualTo(6);
    assertThat(tree.totalFileBytes()).isEqualTo(606);
  }

  @Test
  void sortedCopyOrdersByUtf8BytesNotLocale() throws IOException {
    FileTree tree = new FileTree();
    Directory root = tree.root();
    root.put(file("b", 1));
    root.put(file("\u00e9", 1)); // é: 0xC3 0xA9, after every ASCII name
    root.put(file("B", 1));
    root.put(file("a", 1));

    assertThat(walkOrder(tree.sorted())).containsExactly(
        "pre /", "file /B", "file /a", "file /b", "file /\u00e9", "post /");
    // the original keeps its order
    assertThat(root.children()).extracting(Node::name).containsExactly("b", "\u00e9", "B", "a");
  }

  @Test
  void walkInNameOrderVisitsAsTheSortedCopyWithoutChangingTheTree() throws IOException {
    FileTree tree = new FileTree();
    Directory usr = tree.mkdirs("/usr", Attributes.DIRECTORY);
    usr.put(file("z", 1));
    usr.put(file("\u00e9", 1));
    usr.put(file("a", 1));
    tree.root().put(file("B", 1));
    tree.mkdirs("/etc", Attributes.DIRECTORY).put(new Symlink("l", "x", Attributes.SYMLINK));

    List<String> events = new ArrayList<>();
    tree.walkInNameOrder(new TreeVisitor() {
      @Override
      public void preVisitDirectory(String path, Directory dir) {
        events.add("pre " + path);
      }

      @Override
      public void visitFile(String path, RegularFile f) {
        events.add("file " + path);
      }

      @Override
      public void visitSymlink(String path, Symlink link) {
        events.add("link " + path + " -> " + link.target());
      }
    });

    assertThat(events).containsExactly("pre /", "file /B", "pre /etc", "link /etc/l -> x", "pre /usr",
        "file /usr/a", "file /usr/z", "file /usr/\u00e9");
    assertThat(walkOrder(tree.sorted())).filteredOn(e -> !e.startsWith("post"))
        .containsExactlyElementsOf(events);
    assertThat(usr.children()).extracting(Node::name).containsExactly("z", "\u00e9", "a");
    assertThat(tree.root().children()).extracting(Node::name).containsExactly("usr", "B", "etc");
  }

  @Test
  void replacingAChildKeepsItsPosition() {
    Directory root = new FileTree().root();
    root.put(file("x", 1));
    root.put(file("y", 1));
    Node old = root.put(file("x", 2));
    assertThat(old).isInstanceOf(RegularFile.class);
    assertThat(root.children()).extracting(Node::name).containsExactly("x", "y");
    assertThat(((RegularFile) root.child("x")).size()).isEqualTo(2);
  }

  @Test
  void mkdirsRefusesToGoThroughAFile() {
    FileTree tree = new FileTree();
    tree.root().put(file("etc", 1));
    assertThatThrownBy(() -> tree.mkdirs("/etc/x", Attributes.DIRECTORY))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/etc is not a directory");
  }

  @Test
  void lookupFindsEntriesAndMissesCleanly() {
    FileTree tree = new FileTree();
    tree.mkdirs("/a/b", Attributes.DIRECTORY).put(file("c", 3));
    assertThat(tree.lookup("/")).isSameAs(tree.root());
    assertThat(tree.lookup("/a/b/c")).isInstanceOf(RegularFile.class);
    assertThat(tree.lookup("/a/b/c/d")).isNull();
    assertThat(tree.lookup("/nope")).isNull();
  }

  @Test
  void nameOrderIsUtf8ByteOrderForEveryKindOfCharacter() {
    java.util.Random random = new java.util.Random(11);
    String[] alphabet = {"a", "B", "_", "-", "\u00e9", "\u4e2d", "\uff21", "\ud83d\ude00", "\ud800\udc00", "z"};
    for (int i = 0; i < 20_000; i++) {
      String x = word(random, alphabet);
      String y = word(random, alphabet);
      int expected = Integer.signum(java.util.Arrays.compareUnsigned(
          x.getBytes(java.nio.charset.StandardCharsets.UTF_8), y.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      assertThat(Integer.signum(FileTree.NAME_ORDER.compare(x, y))).as(x + " vs " + y).isEqualTo(expected);
    }
  }

  private static String word(java.util.Random random, String[] alphabet) {
    StringBuilder s = new StringBuilder();
    for (int n = random.nextInt(4); n >= 0; n--) {
      s.append(alphabet[random.nextInt(alphabet.length)]);
    }
    return s.toString();
  }
}
