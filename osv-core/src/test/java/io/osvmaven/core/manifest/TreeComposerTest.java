package io.osvmaven.core.manifest;

import io.osvmaven.core.RecordingListener;
import static io.osvmaven.core.manifest.Fixtures.dir;
import static io.osvmaven.core.manifest.Fixtures.file;
import static io.osvmaven.core.manifest.Fixtures.touch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osvmaven.core.OsvException;
import io.osvmaven.core.manifest.ResolvedEntry.EmptyDirectory;
import io.osvmaven.core.manifest.ResolvedEntry.HostFile;
import io.osvmaven.core.manifest.ResolvedEntry.Link;
import io.osvmaven.core.tree.Attributes;
import io.osvmaven.core.tree.Directory;
import io.osvmaven.core.tree.FileTree;
import io.osvmaven.core.tree.Node;
import io.osvmaven.core.tree.RegularFile;
import io.osvmaven.core.tree.Symlink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeComposerTest {

  private static final long MTIME = 1_767_225_600L; // 2026-01-01T00:00:00Z

  @TempDir
  Path host;

  private final RecordingListener listener = new RecordingListener();

  private TreeComposer composer() {
    return new TreeComposer(listener, MTIME);
  }

  private static List<String> names(Node dir) {
    return ((Directory) dir).children().stream().map(Node::name).toList();
  }

  @Test
  void composesASortedTreeWithFixedAttributes() throws IOException {
    Path app = touch(file(host, "app.jar", "jar"), 1_700_000_000_123L);
    Path run = touch(file(host, "run.sh", "#!/bin/sh\n"), 1_600_000_000_000L);
    Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("r-xr-----"));

    FileTree tree = composer().add(List.of(
        new HostFile("/usr/app/run.sh", run, "s:1"),
        new Link("/etc/mnttab", "/proc/mounts", "s:2"),
        new HostFile("/usr/app/app.jar", app, "s:3"),
        new EmptyDirectory("/dev", "s:4"))).compose();

    assertThat(names(tree.root())).containsExactly("dev", "etc", "usr");
    assertThat(names(tree.lookup("/usr/app"))).containsExactly("app.jar", "run.sh");
    assertThat(tree.root().attributes()).isEqualTo(new Attributes(0755, 0, 0, MTIME));
    assertThat(tree.lookup("/dev").attributes()).isEqualTo(new Attributes(0755, 0, 0, MTIME));
    assertThat(tree.lookup("/usr/app").attributes()).isEqualTo(new Attributes(0755, 0, 0, MTIME));
    assertThat(tree.lookup("/usr/app/app.jar"))
        .isEqualTo(new RegularFile("app.jar", app, 3, new Attributes(0644, 0, 0, MTIME), 1_700_000_000_123L));
    assertThat(tree.lookup("/usr/app/run.sh"))
        .isEqualTo(new RegularFile("run.sh", run, 10, new Attributes(0755, 0, 0, MTIME), 1_600_000_000_000L));
    assertThat(tree.lookup("/etc/mnttab"))
        .isEqualTo(new Symlink("mnttab", "/proc/mounts", new Attributes(0777, 0, 0, MTIME)));
    assertThat(listener.infos).isEmpty();
  }

  @Test
  void laterSourcesOverrideEarlierOnesAndSayWhich() throws IOException {
    Path fromManifest = file(host, "a/hosts", "manifest");
    Path fromFiles = file(host, "b/hosts", "files entry");

    FileTree tree = composer()
        .add(List.of(new HostFile("/etc/hosts", fromManifest, "src/main/osv/usr.manifest:12")))
        .add(List.of(new HostFile("/etc/hosts", fromFiles, "<files> entry 3")))
        .compose();

    assertThat(((RegularFile) tree.lookup("/etc/hosts")).source()).isEqualTo(fromFiles);
    assertThat(listener.infos).containsExactly(
        "/etc/hosts: <files> entry 3 overrides src/main/osv/usr.manifest:12");
  }

  @Test
  void aSymlinkMayReplaceAFileAndRepeatingTheSameEntryIsQuiet() throws IOException {
    Path lib = file(host, "libfoo.so", "foo");

    FileTree tree = composer()
        .add(new HostFile("/lib/libfoo.so", lib, "m:1"))
        .add(new HostFile("/lib/libfoo.so", lib, "m:2"))
        .add(new Link("/lib/libfoo.so", "libfoo.so.1", "project artifact"))
        .compose();

    assertThat(tree.lookup("/lib/libfoo.so")).isInstanceOf(Symlink.class);
    assertThat(listener.debugs).containsExactly("/lib/libfoo.so: m:2 repeats m:1");
    assertThat(listener.infos).containsExactly("/lib/libfoo.so: project artifact overrides m:2");
  }

  @Test
  void fileOnADirectoryIsAnErrorNamingBothOrigins() throws IOException {
    Path jar = file(host, "app.jar", "jar");
    TreeComposer composer = composer().add(new HostFile("/app/lib/a.jar", jar, "m:1"));

    assertThatThrownBy(() -> composer.add(new HostFile("/app/lib", jar, "<files> entry 2")))
        .isInstanceOf(OsvException.class)
        .hasMessage("/app/lib is a directory (implied by m:1) but <files> entry 2 maps a file onto it");
    composer.add(new EmptyDirectory("/data", "m:2"));
    assertThatThrownBy(() -> composer.add(new Link("/data", "/tmp", "m:3")))
        .isInstanceOf(OsvException.class)
        .hasMessage("/data is a directory (m:2) but m:3 maps a symlink onto it");
  }

  @Test
  void directoryThroughAFileIsAnErrorNamingBothOrigins() throws IOException {
    Path jar = file(host, "app.jar", "jar");
    TreeComposer composer = composer().add(new HostFile("/app", jar, "m:1"));

    assertThatThrownBy(() -> composer.add(new HostFile("/app/x/y", jar, "m:2")))
        .isInstanceOf(OsvException.class)
        .hasMessage("/app is a file (m:1) but m:2 needs it to be a directory for /app/x/y");
    assertThatThrownBy(() -> composer.add(new EmptyDirectory("/app", "m:3")))
        .isInstanceOf(OsvException.class)
        .hasMessageStartingWith("/app is a file (m:1) but m:3 needs it to be a directory");
  }

  @Test
  void entriesNextToThePreviousOneAreNormalisedToo() throws IOException {
    Path f = file(host, "f", "f");
    TreeComposer composer = composer()
        .add(new HostFile("/usr/lib/a", f, "m:1"))
        .add(new HostFile("/usr/lib/./b", f, "m:2"))
        .add(new HostFile("/usr/lib/c/../d", f, "m:3"));

    assertThatThrownBy(() -> composer.add(new HostFile("/usr/lib/..", f, "m:4")))
        .isInstanceOf(OsvException.class)
        .hasMessage("/usr is a directory (implied by m:1) but m:4 maps a file onto it");
    assertThatThrownBy(() -> composer.add(new HostFile("/usr/lib/.", f, "m:5")))
        .isInstanceOf(OsvException.class)
        .hasMessage("/usr/lib is a directory (implied by m:1) but m:5 maps a file onto it");
    assertThatThrownBy(() -> composer.add(new HostFile("/usr/lib/x\0", f, "m:6")))
        .isInstanceOf(OsvException.class)
        .hasMessage("m:6: guest path '/usr/lib/x\\0' contains a NUL or newline character");
    FileTree tree = composer.add(new HostFile("/usr/lib/a", f, "m:7")).compose();
    assertThat(names(tree.lookup("/usr/lib"))).containsExactly("a", "b", "d");
    assertThat(listener.debugs).containsExactly("/usr/lib/a: m:7 repeats m:1");
  }

  @Test
  void guestPathsAreNormalised() throws IOException {
    Path f = file(host, "f", "f");

    FileTree tree = composer()
        .add(new HostFile("//usr/./lib/../share//f", f, "m:1"))
        .add(new EmptyDirectory("/tmp/", "m:2"))
        .add(new EmptyDirectory("/", "m:3"))
        .compose();

    assertThat(names(tree.root())).containsExactly("tmp", "usr");
    assertThat(names(tree.lookup("/usr"))).containsExactly("share");
    assertThat(tree.lookup("/usr/share/f")).isInstanceOf(RegularFile.class);
  }

  @Test
  void badGuestPathsAreErrors() throws IOException {
    Path f = file(host, "f", "f");
    TreeComposer composer = composer();

    assertThatThrownBy(() -> composer.add(new HostFile("/a/../../etc/passwd", f, "<files> entry 1")))
        .isInstanceOf(OsvException.class)
        .hasMessage("<files> entry 1: guest path '/a/../../etc/passwd' leads out of the root directory "
            + "with '..'");
    assertThatThrownBy(() -> composer.add(new HostFile("etc/passwd", f, "<files> entry 2")))
        .isInstanceOf(OsvException.class)
        .hasMessage("<files> entry 2: guest path 'etc/passwd' is not absolute");
    assertThatThrownBy(() -> composer.add(new HostFile("/./", f, "<files> entry 3")))
        .isInstanceOf(OsvException.class)
        .hasMessage("<files> entry 3: cannot map a file onto the root directory '/./'");
  }

  @Test
  void missingOrNonRegularHostFileNamesTheOrigin() throws IOException {
    Path d = dir(host, "somedir");
    TreeComposer composer = composer();

    assertThatThrownBy(() -> composer.add(new HostFile("/x", host.resolve("nope"), "usr.manifest:4")))
        .isInstanceOf(OsvException.class)
        .hasMessage("usr.manifest:4: host file " + host.resolve("nope") + " does not exist (for /x)");
    assertThatThrownBy(() -> composer.add(new HostFile("/x", d, "project artifact")))
        .isInstanceOf(OsvException.class)
        .hasMessage("project artifact: host file " + d + " is a directory (for /x)");
  }

  @Test
  void manifestOrderKeepsFirstInsertionPositions() throws IOException {
    Path f = file(host, "f", "f");
    Path g = file(host, "g", "gg");

    FileTree tree = composer()
        .add(new HostFile("/z/b", f, "m:1"))
        .add(new HostFile("/a", f, "m:2"))
        .add(new HostFile("/z/a", f, "m:3"))
        .add(new HostFile("/z/b", g, "m:4"))
        .composeInManifestOrder();

    assertThat(names(tree.root())).containsExactly("z", "a");
    assertThat(names(tree.lookup("/z"))).containsExactly("b", "a");
    assertThat(((RegularFile) tree.lookup("/z/b")).size()).isEqualTo(2);
  }
}
