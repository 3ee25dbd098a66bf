package io.osvmaven.core.manifest;

import static io.osvmaven.core.manifest.Fixtures.dir;
import static io.osvmaven.core.manifest.Fixtures.file;
import static io.osvmaven.core.manifest.Fixtures.link;
import static io.osvmaven.core.manifest.Fixtures.touch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osvmaven.core.OsvException;
import io.osvmaven.core.manifest.ResolvedEntry.EmptyDirectory;
import io.osvmaven.core.manifest.ResolvedEntry.HostFile;
import io.osvmaven.core.manifest.ResolvedEntry.Link;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestResolverTest {

  @TempDir
  Path base;

  private List<ResolvedEntry> resolve(String... lines) {
    List<ManifestLine> parsed = new ManifestParser().parse("m", List.of(lines));
    return new ManifestResolver(base).resolve(parsed);
  }

  @Test
  void plainHostPathsResolveAgainstTheBaseDirectory() throws IOException {
    Path hosts = file(base, "static/etc/hosts", "127.0.0.1 localhost\n");
    Path abs = file(base, "abs/libz.so", "z");

    assertThat(resolve("/etc/hosts: static/etc/hosts", "/lib/libz.so: " + abs)).containsExactly(
        new HostFile("/etc/hosts", base.resolve("static/etc/hosts"), "m:1"),
        new HostFile("/lib/libz.so", abs, "m:2"));
    assertThat(hosts).exists();
  }

  @Test
  void hostDirectoryBecomesAnEmptyDirectoryAndArrowASymlink() throws IOException {
    file(base, "static/ignored-content", "x");

    assertThat(resolve("/dev: static", "/etc/mnttab: ->/proc/mounts")).containsExactly(
        new EmptyDirectory("/dev", "m:1"),
        new Link("/etc/mnttab", "/proc/mounts", "m:2"));
  }

  @Test
  void hostSymlinksAreFollowedThroughRelativeChains() throws IOException {
    Path real = file(base, "lib/libfoo.so.1.2.3", "foo");
    link(base, "lib/libfoo.so.1", "libfoo.so.1.2.3");
    link(base, "other/libfoo.so", "../lib/libfoo.so.1");

    assertThat(resolve("/usr/lib/libfoo.so: other/libfoo.so")).singleElement()
        .isInstanceOfSatisfying(HostFile.class, f -> {
          assertThat(f.host()).endsWith(Path.of("lib", "libfoo.so.1.2.3"));
          assertThat(f.host().normalize()).isEqualTo(real.normalize());
        });
  }

  @Test
  void bangKeepsTheHostSymlink() throws IOException {
    file(base, "lib/libfoo.so.1", "foo");
    link(base, "lib/libfoo.so", "libfoo.so.1");

    assertThat(resolve("/lib/libfoo.so: !lib/libfoo.so"))
        .containsExactly(new Link("/lib/libfoo.so", "libfoo.so.1", "m:1"));
  }

  @Test
  void absoluteTargetsAreSearchedBelowEachAncestorFirst() throws IOException {
    Path inSysroot = file(base, "sysroot/lib/libc.so.6", "libc");
    link(base, "sysroot/usr/lib/libc.so", "/lib/libc.so.6");

    assertThat(resolve("/lib/libc.so: sysroot/usr/lib/libc.so"))
        .containsExactly(new HostFile("/lib/libc.so", inSysroot, "m:1"));
  }

  @Test
  void unresolvableAbsoluteTargetStaysASymlink() throws IOException {
    String target = "/osv-maven-test-" + UUID.randomUUID() + "/nowhere";
    link(base, "sysroot/lib/dangling.so", target);

    assertThat(resolve("/lib/dangling.so: sysroot/lib/dangling.so"))
        .containsExactly(new Link("/lib/dangling.so", target, "m:1"));
  }

  @Test
  void danglingRelativeSymlinkIsAMissingFile() throws IOException {
    link(base, "lib/broken.so", "gone.so");

    assertThatThrownBy(() -> resolve("# x", "/lib/broken.so: lib/broken.so"))
        .isInstanceOf(OsvException.class)
        .hasMessageStartingWith("m:2: host path " + base.resolve("lib").resolve("gone.so"))
        .hasMessageContaining("reached through the host symlink " + base.resolve("lib/broken.so"))
        .hasMessageContaining("does not exist")
        .hasMessageEndingWith("in '/lib/broken.so: lib/broken.so'");
  }

  @Test
  void symlinkLoopIsAnErrorNotAHang() throws IOException {
    link(base, "a", "b");
    link(base, "b", "a");
    link(base, "self", "self");

    assertThatThrownBy(() -> resolve("/x: a")).isInstanceOf(OsvException.class)
        .hasMessage("m:1: host symlink loop: " + base.resolve("a") + " -> " + base.resolve("b")
            + " -> " + base.resolve("a"));
    assertThatThrownBy(() -> resolve("/x: self")).isInstanceOf(OsvException.class)
        .hasMessageContaining("loop");
  }

  @Test
  void specialHostFileIsAnError() throws IOException, InterruptedException {
    Path fifo = base.resolve("pipe");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

    assertThatThrownBy(() -> resolve("/pipe: pipe")).isInstanceOf(OsvException.class)
        .hasMessage("m:1: host path " + fifo + " is neither a regular file nor a directory in "
            + "'/pipe: pipe'");
  }

  @Test
  void recursiveGlobKeepsDanglingAbsoluteLinksAsSymlinks() throws IOException {
    String target = "/osv-maven-test-" + UUID.randomUUID();
    link(base, "tree/sub/gone", target);

    assertThat(resolve("/opt/**: tree/**")).containsExactly(new Link("/opt/sub/gone", target, "m:1"));
  }

  @Test
  void missingHostFileNamesTheLine() {
    assertThatThrownBy(() -> resolve("", "", "/etc/fstab: static/fstab"))
        .isInstanceOf(OsvException.class)
        .hasMessage("m:3: host path " + base.resolve("static/fstab") + " does not exist in "
            + "'/etc/fstab: static/fstab'")
        .satisfies(e -> assertThat(((OsvException) e).hint()).contains(
            "relative host paths are resolved against " + base));
  }

  @Test
  void recursiveGlobWalksSortedByNameBytesFilesBeforeSubdirectories() throws IOException {
    touch(file(base, "tree/b", "b"), 1_700_000_000_001L);
    touch(file(base, "tree/B", "B"), 1_700_000_000_002L);
    touch(file(base, "tree/_", "_"), 1_700_000_000_003L);
    touch(file(base, "tree/z/deep/f", "f"), 1_700_000_000_004L);
    touch(file(base, "tree/a/x", "x"), 1_700_000_000_005L);
    dir(base, "tree/empty");
    Path target = file(base, "elsewhere/target", "t");
    link(base, "tree/to-file", "../elsewhere/target");
    link(base, "tree/to-dir", "a");

    List<ResolvedEntry> entries = resolve("/usr/**: tree/**");

    Path tree = base.resolve("tree");
    assertThat(entries).containsExactly(
        // regular files carry the size (1 byte each) and mtime the walk read; a link is resolved later
        new HostFile("/usr/B", tree.resolve("B"), "m:1", 1, false, 1_700_000_000_002L),
        new HostFile("/usr/_", tree.resolve("_"), "m:1", 1, false, 1_700_000_000_003L),
        new HostFile("/usr/b", tree.resolve("b"), "m:1", 1, false, 1_700_000_000_001L),
        new HostFile("/usr/to-file", tree.resolve("../elsewhere/target"), "m:1"),
        new HostFile("/usr/a/x", tree.resolve("a/x"), "m:1", 1, false, 1_700_000_000_005L),
        new HostFile("/usr/z/deep/f", tree.resolve("z/deep/f"), "m:1", 1, false, 1_700_000_000_004L));
    assertThat(target).exists();
  }

  @Test
  void recursiveGlobErrors() throws IOException {
    dir(base, "tree");
    assertThatThrownBy(() -> resolve("/usr/**: tree")).isInstanceOf(OsvException.class)
        .hasMessageContaining("m:1: '/**' must end both the guest and the host path");
    assertThatThrownBy(() -> resolve("/usr: tree/**")).isInstanceOf(OsvException.class)
        .hasMessageContaining("must end both");
    assertThatThrownBy(() -> resolve("/usr/**: !tree/**")).isInstanceOf(OsvException.class)
        .hasMessageContaining("'!' cannot be combined with '/**'");
    assertThatThrownBy(() -> resolve("/usr/**: missing/**")).isInstanceOf(OsvException.class)
        .hasMessageContaining("host directory " + base.resolve("missing/"))
        .hasMessageContaining("does not exist");
  }

  @Test
  void ampersandSubstitutesTheBasename() throws IOException {
    Path bin = file(base, "host/sub/b.bin", "b");
    Path hosts = file(base, "static/etc/hosts", "h");

    assertThat(resolve("/x/&/sub/b.bin: host/&", "/&/etc/hosts: static/&")).containsExactly(
        new HostFile("/x/sub/b.bin", bin, "m:1"),
        new HostFile("/etc/hosts", hosts, "m:2"));
  }

  @Test
  void ampersandOnOneSideOnlyIsAnError() {
    assertThatThrownBy(() -> resolve("/x/&/b: host")).isInstanceOf(OsvException.class)
        .hasMessageContaining("'/&/' in the guest path needs a host path ending in '/&'");
    assertThatThrownBy(() -> resolve("/x/b: host/&")).isInstanceOf(OsvException.class)
        .hasMessageContaining("m:1:");
    assertThatThrownBy(() -> resolve("/x/&/b: ->host/&")).isInstanceOf(OsvException.class)
        .hasMessageContaining("cannot be combined");
  }
}
