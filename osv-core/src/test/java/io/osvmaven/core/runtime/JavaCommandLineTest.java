package io.osvmaven.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osvmaven.core.OsvException;
import io.osvmaven.core.tree.Attributes;
import io.osvmaven.core.tree.FileTree;
import io.osvmaven.core.tree.RegularFile;
import io.osvmaven.core.tree.Symlink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaCommandLineTest {

  @TempDir
  Path tmp;

  private final Path app = Path.of("target", "demo-1.0.jar");
  private final Path dep1 = Path.of("repo", "zeta-2.0.jar");
  private final Path dep2 = Path.of("repo", "alpha-1.0.jar");

  @Test
  void commandLineWithOptionsClassPathInGivenOrderAndArguments() {
    JavaCommandLine cmd = JavaCommandLine.builder("com.example.Main", app)
        .jvmOptions(List.of("-Xmx256m", "-Dgreeting=hello world"))
        .dependencies(List.of(dep1, dep2))
        .args(List.of("serve", "--port=8080"))
        .build();

    assertThat(cmd.classpath()).containsExactly("/app/demo-1.0.jar", "/app/lib/zeta-2.0.jar",
        "/app/lib/alpha-1.0.jar");
    assertThat(cmd.commandLine()).isEqualTo("/usr/lib/jvm/java/bin/java -Xmx256m "
        + "\"-Dgreeting=hello world\" -cp /app/demo-1.0.jar:/app/lib/zeta-2.0.jar:/app/lib/alpha-1.0.jar "
        + "com.example.Main serve --port=8080");
  }

  @Test
  void javaHomeAndRenamedDependencyAndSpacesInJarNames() {
    JavaCommandLine cmd = JavaCommandLine.builder("Main", Path.of("my app.jar"))
        .javaHome("/opt/jre")
        .dependency(dep1, "other-zeta-2.0.jar")
        .build();
    assertThat(cmd.commandLine())
        .isEqualTo("/opt/jre/bin/java -cp \"/app/my app.jar:/app/lib/other-zeta-2.0.jar\" Main");
  }

  @Test
  void invalidInputsAreClearErrors() {
    assertThatThrownBy(() -> JavaCommandLine.builder("com.example.Outer$Inner", app))
        .isInstanceOf(OsvException.class).hasMessageContaining("'$' would be expanded");
    assertThatThrownBy(() -> JavaCommandLine.builder("com..Main", app))
        .isInstanceOf(OsvException.class).hasMessageContaining("com..Main");
    assertThatThrownBy(() -> JavaCommandLine.builder("Main", app).jvmOptions(List.of("Xmx1g")))
        .isInstanceOf(OsvException.class).hasMessageContaining("'Xmx1g' does not start with '-'");
    assertThatThrownBy(() -> JavaCommandLine.builder("Main", app).javaHome("/usr/lib/jvm/java/"))
        .isInstanceOf(OsvException.class).hasMessageContaining("Java home");
    assertThatThrownBy(() -> JavaCommandLine.builder("Main", app).dependency(Path.of("a:b.jar")))
        .isInstanceOf(OsvException.class).hasMessageContaining("a:b.jar");
    assertThatThrownBy(() -> JavaCommandLine.builder("Main", app)
        .dependencies(List.of(Path.of("g1", "core-1.0.jar"), Path.of("g2", "core-1.0.jar"))).build())
        .isInstanceOf(OsvException.class)
        .hasMessageContaining("/app/lib/core-1.0.jar")
        .hasMessageContaining(Path.of("g1", "core-1.0.jar").toString())
        .hasMessageContaining(Path.of("g2", "core-1.0.jar").toString());
  }

  /** A runtime-shaped directory: bin/java (executable), lib/modules, a legal symlink. */
  private Path fakeRuntime() throws IOException {
    Path rt = tmp.resolve("rt");
    Files.createDirectories(rt.resolve("bin"));
    Files.createDirectories(rt.resolve("lib/server"));
    Files.createDirectories(rt.resolve("legal/java.logging"));
    Files.createDirectories(rt.resolve("legal/java.base"));
    Files.writeString(rt.resolve("bin/java"), "java");
    Files.setPosixFilePermissions(rt.resolve("bin/java"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(rt.resolve("lib/modules"), "modules!");
    Files.writeString(rt.resolve("lib/server/libjvm.so"), "jvm");
    Files.setPosixFilePermissions(rt.resolve("lib/server/libjvm.so"), PosixFilePermissions.fromString("rw-r--r--"));
    Files.writeString(rt.resolve("legal/java.base/LICENSE"), "gpl");
    Files.createSymbolicLink(rt.resolve("legal/java.logging/LICENSE"), Path.of("../java.base/LICENSE"));
    return rt;
  }

  @Test
  void imageEntriesPlaceRuntimeAppAndDependencies() throws IOException {
    Path rt = fakeRuntime();
    Path appJar = Files.writeString(tmp.resolve("demo-1.0.jar"), "app");
    Path depJar = Files.writeString(tmp.resolve("lib-2.jar"), "dep");
    JavaCommandLine cmd = JavaCommandLine.builder("demo.Main", appJar).dependency(depJar).build();

    List<ImageEntry> entries = cmd.imageEntries(rt);

    assertThat(entries).extracting(ImageEntry::manifestLine).containsExactly(
        "/usr/lib/jvm/java/bin/java: " + rt.resolve("bin/java"),
        "/usr/lib/jvm/java/legal/java.base/LICENSE: " + rt.resolve("legal/java.base/LICENSE"),
        "/usr/lib/jvm/java/legal/java.logging/LICENSE: ->../java.base/LICENSE",
        "/usr/lib/jvm/java/lib/modules: " + rt.resolve("lib/modules"),
        "/usr/lib/jvm/java/lib/server/libjvm.so: " + rt.resolve("lib/server/libjvm.so"),
        "/app/demo-1.0.jar: " + appJar,
        "/app/lib/lib-2.jar: " + depJar);
    assertThat(entries.get(0).executable()).isTrue();
    assertThat(entries.get(4).executable()).isFalse();

    FileTree tree = new FileTree();
    entries.forEach(e -> e.addTo(tree, 1700000000L));
    assertThat(tree.lookup("/usr/lib/jvm/java/bin/java")).isEqualTo(
        new RegularFile("java", rt.resolve("bin/java"), 4, new Attributes(0755, 0, 0, 1700000000L)));
    assertThat(tree.lookup("/usr/lib/jvm/java/lib/modules")).isEqualTo(
        new RegularFile("modules", rt.resolve("lib/modules"), 8, new Attributes(0644, 0, 0, 1700000000L)));
    assertThat(tree.lookup("/usr/lib/jvm/java/legal/java.logging/LICENSE")).isEqualTo(
        new Symlink("LICENSE", "../java.base/LICENSE", new Attributes(0777, 0, 0, 1700000000L)));
    assertThat(tree.lookup("/usr/lib/jvm").attributes()).isEqualTo(new Attributes(0755, 0, 0, 1700000000L));
  }

  @Test
  void aDirectoryWithoutBinJavaIsNotARuntime() {
    JavaCommandLine cmd = JavaCommandLine.builder("demo.Main", app).build();
    assertThatThrownBy(() -> cmd.imageEntries(tmp)).isInstanceOf(OsvException.class)
        .hasMessageContaining("no bin/java");
  }

  @Test
  void theApplicationDirectoryCanMove() {
    JavaCommandLine cmd = JavaCommandLine.builder("com.example.Main", app).appDirectory("/srv/app")
        .dependency(Path.of("deps", "lib-1.0.jar")).build();
    assertThat(cmd.classpath()).containsExactly("/srv/app/" + app.getFileName(), "/srv/app/lib/lib-1.0.jar");
    assertThatThrownBy(() -> JavaCommandLine.builder("Main", app).appDirectory("srv"))
        .isInstanceOf(OsvException.class).hasMessageContaining("application directory 'srv'");
  }
}
