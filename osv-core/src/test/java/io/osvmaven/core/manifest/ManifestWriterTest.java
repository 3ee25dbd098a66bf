package io.osvmaven.core.manifest;

import static io.osvmaven.core.manifest.Fixtures.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.OsvException;
import io.osvmaven.core.manifest.ResolvedEntry.EmptyDirectory;
import io.osvmaven.core.manifest.ResolvedEntry.HostFile;
import io.osvmaven.core.manifest.ResolvedEntry.Link;
import io.osvmaven.core.tree.Attributes;
import io.osvmaven.core.tree.Directory;
import io.osvmaven.core.tree.FileTree;
import io.osvmaven.core.tree.RegularFile;
import io.osvmaven.core.tree.Symlink;
import io.osvmaven.core.tree.TreeVisitor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestWriterTest {

  @TempDir
  Path dir;

  private FileTree sample() throws IOException {
    return new TreeComposer(BuildListener.NONE, 42).add(List.of(
        new HostFile("/usr/app/app.jar", file(dir, "in/app.jar", "jar"), "s:1"),
        new Link("/etc/mnttab", "/proc/mounts", "s:2"),
        new EmptyDirectory("/dev", "s:3"),
        new HostFile("/data/100%.txt", file(dir, "in/100%.txt", "x"), "s:4"))).compose();
  }

  @Test
  void rendersSortedLinesWithAHeader() throws IOException {
    Path in = dir.resolve("in");

    assertThat(ManifestWriter.render(sample())).isEqualTo("[manifest]\n"
        + "/data/100%.txt: " + in + "/100%%.txt\n"
        + "/dev: /\n"
        + "/etc/mnttab: ->/proc/mounts\n"
        + "/usr/app/app.jar: " + in + "/app.jar\n");
  }

  private static List<String> describe(FileTree tree) throws IOException {
    List<String> lines = new ArrayList<>();
    tree.walk(new TreeVisitor() {
      @Override
      public void preVisitDirectory(String path, Directory d) {
        lines.add(path + " dir " + d.attributes());
      }

      @Override
      public void visitFile(String path, RegularFile f) {
        lines.add(path + " " + f);
      }

      @Override
      public void visitSymlink(String path, Symlink link) {
        lines.add(path + " " + link);
      }
    });
    return lines;
  }

  @Test
  void writtenManifestReadsBackIntoTheSameTree() throws IOException {
    FileTree tree = sample();
    Path manifest = dir.resolve("target/osv/usr.manifest");
    ManifestWriter.write(tree, manifest);

    List<ManifestLine> lines = new ManifestParser().parse(manifest);
    FileTree back = new TreeComposer(BuildListener.NONE, 42)
        .add(new ManifestResolver(Files.createDirectories(dir.resolve("elsewhere"))).resolve(lines))
        .compose();

    assertThat(describe(back)).isEqualTo(describe(tree));
  }

  @Test
  void writesAtomicallyAndLeavesAnUnchangedFileAlone() throws IOException {
    Path manifest = dir.resolve("usr.manifest");

    assertThat(ManifestWriter.write(sample(), manifest)).isTrue();
    assertThat(ManifestWriter.write(sample(), manifest)).isFalse();
    assertThat(Files.readString(manifest, StandardCharsets.UTF_8))
        .isEqualTo(ManifestWriter.render(sample()));
  }

  @Test
  void namesTheManifestSyntaxCannotHoldAreErrors() {
    FileTree colon = new FileTree();
    colon.root().put(new Symlink("a: b", "x", Attributes.SYMLINK));
    FileTree newline = new FileTree();
    newline.root().put(new Symlink("l", "x\ny", Attributes.SYMLINK));
    FileTree blank = new FileTree();
    blank.root().put(new RegularFile("f", Path.of("/host/f "), 1, Attributes.FILE));

    assertThatThrownBy(() -> ManifestWriter.render(colon)).isInstanceOf(OsvException.class)
        .hasMessageStartingWith("cannot write /a: b into an OSv manifest");
    assertThatThrownBy(() -> ManifestWriter.render(newline)).isInstanceOf(OsvException.class)
        .hasMessageStartingWith("cannot write /l into an OSv manifest");
    assertThatThrownBy(() -> ManifestWriter.render(blank)).isInstanceOf(OsvException.class)
        .hasMessageStartingWith("cannot write /f into an OSv manifest");
  }
}
