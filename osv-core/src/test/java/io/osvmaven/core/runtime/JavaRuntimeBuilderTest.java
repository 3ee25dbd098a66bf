package io.osvmaven.core.runtime;

import io.osvmaven.core.RecordingListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osvmaven.core.OsvException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the machine's real jdeps and jlink (one real link for the whole class), and uses a fake jlink
 * for the cache's bookkeeping.
 */
class JavaRuntimeBuilderTest {

  @TempDir
  static Path shared;

  static Path jar;

  @TempDir
  Path tmp;

  private final RecordingListener listener = new RecordingListener();
  private final List<String> warnings = listener.warnings;

  @BeforeAll
  static void buildApp() throws IOException {
    jar = TinyApp.build(shared.resolve("app"));
  }

  /** Counts runs per tool, then delegates. */
  static final class Counting implements ToolRunner {
    final ToolRunner delegate;
    int jlink;
    int jdeps;

    Counting(ToolRunner delegate) {
      this.delegate = delegate;
    }

    @Override
    public Result run(List<String> command) throws IOException {
      if (command.get(0).endsWith("jlink")) {
        jlink++;
      } else if (command.get(0).endsWith("jdeps")) {
        jdeps++;
      }
      return delegate.run(command);
    }
  }

  /** Pretends to be jlink: writes bin/java, lib/modules and a release file listing the modules. */
  static final ToolRunner FAKE_JLINK = command -> {
    Path out = Path.of(command.get(command.indexOf("--output") + 1));
    String modules = command.get(command.indexOf("--add-modules") + 1).replace(',', ' ');
    Files.createDirectories(out.resolve("bin"));
    Files.createDirectories(out.resolve("lib"));
    Files.writeString(out.resolve("bin/java"), "fake");
    Files.writeString(out.resolve("lib/modules"), "fake " + modules);
    Files.writeString(out.resolve("release"), "JAVA_VERSION=\"17\"\nMODULES=\"" + modules + "\"\n");
    return new ToolRunner.Result(0, "", "");
  };

  @Test
  void jdepsFindsTheModulesTheJarUses() {
    JavaRuntimeBuilder builder = new JavaRuntimeBuilder(listener);
    assertThat(builder.computeModules(JavaRuntimeRequest.runningJdk(), List.of(jar)))
        .containsExactly("java.base", "java.logging");
  }

  @Test
  void linksARuntimeThatRunsTheAppAndReusesItFromTheCache() throws Exception {
    Path cache = shared.resolve("cache");
    Counting tools = new Counting(ToolRunner.PROCESS);
    JavaRuntimeRequest request = JavaRuntimeRequest.of(cache, List.of(jar));

    JavaRuntime first = new JavaRuntimeBuilder(listener, tools).build(request);

    assertThat(tools.jdeps).isEqualTo(1);
    assertThat(tools.jlink).isEqualTo(1);
    assertThat(first.reused()).isFalse();
    assertThat(first.modules()).containsExactly("java.base", "java.logging");
    assertThat(first.home()).isEqualTo(cache.toAbsolutePath().resolve(first.cacheKey()).resolve("runtime"));
    assertThat(first.home().resolve("bin/java")).isExecutable();
    assertThat(first.home().resolve("lib/modules")).isRegularFile();
    assertThat(first.home().resolve("include")).doesNotExist();
    assertThat(first.home().resolve("man")).doesNotExist();
    assertThat(JdkRelease.read(first.home()).modules()).containsExactlyInAnyOrder("java.base", "java.logging");
    assertThat(first.javaVersion()).isEqualTo(JdkRelease.read(JavaRuntimeRequest.runningJdk()).javaVersion());
    assertThat(TinyApp.run(List.of(first.home().resolve("bin/java").toString(), "-cp", jar.toString(),
        TinyApp.MAIN_CLASS, "osv"))).contains("hello from osv");
    try (Stream<Path> left = Files.list(cache)) {
      // the runtime and the remembered jdeps result; no temporary directory left behind
      assertThat(left.map(p -> p.getFileName().toString())).hasSize(2).contains(first.cacheKey())
          .anyMatch(n -> n.startsWith("jdeps-") && n.endsWith(".txt"));
    }

    // configured modules in another order: same key, no jdeps, no jlink
    JavaRuntime second = new JavaRuntimeBuilder(listener, tools)
        .build(request.withModules(List.of("java.logging", "java.base")));

    assertThat(tools.jlink).isEqualTo(1);
    assertThat(tools.jdeps).isEqualTo(1);
    assertThat(second.reused()).isTrue();
    assertThat(second.home()).isEqualTo(first.home());
    assertThat(second.cacheKey()).isEqualTo(first.cacheKey());

    // JDK 17's jlink is reproducible: a second link elsewhere has the same bytes, file by file
    JavaRuntime elsewhere = new JavaRuntimeBuilder(listener, tools)
        .build(request.withModules(first.modules()).withCacheDirectory(shared.resolve("cache2")));
    assertThat(tools.jlink).isEqualTo(2);
    assertThat(elsewhere.cacheKey()).isEqualTo(first.cacheKey());
    assertThat(Files.readString(elsewhere.home().resolveSibling("contents.txt")))
        .isEqualTo(Files.readString(first.home().resolveSibling("contents.txt")));

    // the runtime's native code needs host libraries: bin/java needs libjli.so from the runtime itself
    LibraryClosure closure = new LibraryResolver(listener).resolve(first.libraryRequest());
    assertThat(first.elfFiles()).contains(first.home().resolve("bin/java"),
        first.home().resolve("lib/server/libjvm.so"));
    assertThat(closure.libraries()).noneMatch(l -> l.name().equals("libjli.so") || l.name().equals("libjvm.so"));
    assertThat(closure.skipped()).extracting(SkippedLibrary::name).contains("libc.so.6");
  }

  @Test
  void jlinkErrorsCarryItsOutputAndLeaveNoCacheEntry() {
    Path cache = tmp.resolve("cache");
    JavaRuntimeRequest request = JavaRuntimeRequest.of(cache, List.of())
        .withModules(List.of("java.base")).withExtraJlinkOptions(List.of("--no-such-option"));

    assertThatThrownBy(() -> new JavaRuntimeBuilder(listener).build(request))
        .isInstanceOf(OsvException.class)
        .hasMessageContaining("jlink failed")
        .hasMessageContaining("--no-such-option");
    assertThat(cache.toFile().list()).isEmpty();
  }

  @Test
  void jdepsErrorsCarryItsMessageWithoutStackFrames() throws IOException {
    Path notAJar = Files.writeString(tmp.resolve("broken.jar"), "not a zip");
    assertThatThrownBy(() -> new JavaRuntimeBuilder(listener)
        .computeModules(JavaRuntimeRequest.runningJdk(), List.of(notAJar)))
        .isInstanceOf(OsvException.class)
        .hasMessageStartingWith("jdeps failed (exit code 1)")
        .hasMessageContaining("ZipException")
        .hasMessageNotContaining("\tat ");
  }

  @Test
  void unknownModuleIsRejectedWithASuggestion() {
    JavaRuntimeRequest request = JavaRuntimeRequest.of(tmp, List.of()).withModules(List.of("java.loging"));
    assertThatThrownBy(() -> new JavaRuntimeBuilder(listener, FAKE_JLINK).build(request))
        .isInstanceOf(OsvException.class)
        .hasMessageContaining("java.loging")
        .satisfies(e -> assertThat(((OsvException) e).hint()).contains("did you mean java.logging?"));
  }

  @Test
  void noModulesAndNoJarsIsAnError() {
    assertThatThrownBy(() -> new JavaRuntimeBuilder(listener, FAKE_JLINK)
        .build(JavaRuntimeRequest.of(tmp, List.of())))
        .isInstanceOf(OsvException.class).hasMessageContaining("no Java modules configured");
  }

  @Test
  void cacheKeyDependsOnModulesAndOptionsAndDamagedEntriesAreRelinked() throws IOException {
    Counting tools = new Counting(FAKE_JLINK);
    JavaRuntimeBuilder builder = new JavaRuntimeBuilder(listener, tools);
    JavaRuntimeRequest base = JavaRuntimeRequest.of(tmp, List.of()).withModules(List.of("java.base"));

    JavaRuntime a = builder.build(base);
    JavaRuntime b = builder.build(base.withModules(List.of("java.base", "java.sql")));
    JavaRuntime c = builder.build(base.withExtraJlinkOptions(List.of("--bind-services")));
    assertThat(tools.jlink).isEqualTo(3);
    assertThat(List.of(a.cacheKey(), b.cacheKey(), c.cacheKey())).doesNotHaveDuplicates();

    assertThat(builder.build(base).reused()).isTrue();
    assertThat(tools.jlink).isEqualTo(3);

    Files.writeString(a.home().resolve("lib/modules"), "damaged");
    JavaRuntime again = builder.build(base);
    assertThat(again.reused()).isFalse();
    assertThat(tools.jlink).isEqualTo(4);
    assertThat(Files.readString(again.home().resolve("lib/modules"))).isEqualTo("fake java.base");
    assertThat(warnings).anyMatch(w -> w.contains("modified"));

    Files.delete(a.home().resolve("bin/java"));
    assertThat(builder.build(base).reused()).isFalse();
    assertThat(tools.jlink).isEqualTo(5);
  }

  @Test
  void jdkWithoutJlinkIsAClearError() throws IOException {
    Path fakeJdk = tmp.resolve("jre");
    Files.createDirectories(fakeJdk.resolve("bin"));
    Files.writeString(fakeJdk.resolve("release"), "JAVA_VERSION=\"17.0.1\"\n");
    assertThatThrownBy(() -> new JavaRuntimeBuilder(listener, FAKE_JLINK)
        .build(JavaRuntimeRequest.of(tmp.resolve("c"), List.of(jar)).withJdkHome(fakeJdk)))
        .isInstanceOf(OsvException.class).hasMessageContaining("no bin/jlink");
  }

  @Test
  void jdepsRunsAgainOnlyWhenAJarChanges() throws IOException {
    // a fake jdeps (the real one is exercised above): prints a module list and is counted
    ToolRunner fakeJdeps = command -> command.get(0).endsWith("jdeps")
        ? new ToolRunner.Result(0, "java.base,java.logging\n", "")
        : FAKE_JLINK.run(command);
    Counting tools = new Counting(fakeJdeps);
    JavaRuntimeBuilder builder = new JavaRuntimeBuilder(listener, tools);
    Path app = Files.copy(jar, tmp.resolve("app.jar"));
    JavaRuntimeRequest request = JavaRuntimeRequest.of(tmp.resolve("cache"), List.of(app));

    assertThat(builder.build(request).modules()).containsExactly("java.base", "java.logging");
    assertThat(builder.build(request).modules()).containsExactly("java.base", "java.logging");
    assertThat(tools.jdeps).isEqualTo(1);

    Files.setLastModifiedTime(app, java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L));
    builder.build(request);
    assertThat(tools.jdeps).isEqualTo(2);
  }
}
