package io.osvmaven.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.elf.TestElf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaApplicationTest {

  @TempDir
  Path sys;

  @Test
  void runtimeAppAndTheHostLibrariesOfTheRuntime() throws IOException {
    Path rt = sys.resolve("cache/k/runtime");
    TestElf.executable().needs("libjli.so", "libz.so.1", "libc.so.6").rpath("$ORIGIN/../lib")
        .writeTo(rt.resolve("bin/java"));
    TestElf.library("libjli.so").needs("libz.so.1").rpath("$ORIGIN").writeTo(rt.resolve("lib/libjli.so"));
    TestElf.library("libjvm.so").needs("libstdc++.so.6", "libm.so.6")
        .writeTo(rt.resolve("lib/server/libjvm.so"));
    Files.writeString(rt.resolve("lib/modules"), "jimage");
    TestElf.library("libz.so.1").writeTo(sys.resolve("usr/lib/x86_64-linux-gnu/libz.so.1"));
    Path app = Files.writeString(sys.resolve("app.jar"), "jar");
    JavaRuntime runtime = new JavaRuntime(rt, List.of("java.base"), "17.0.15", "k", true);
    JavaCommandLine command = JavaCommandLine.builder("demo.Main", app).build();

    JavaApplication plan = JavaApplication.plan(command, runtime,
        runtime.libraryRequest().withSysroot(sys), BuildListener.NONE);

    assertThat(runtime.elfFiles()).containsExactly(rt.resolve("bin/java"), rt.resolve("lib/libjli.so"),
        rt.resolve("lib/server/libjvm.so"));
    assertThat(plan.commandLine()).isEqualTo("/usr/lib/jvm/java/bin/java -cp /app/app.jar demo.Main");
    assertThat(plan.entries()).extracting(ImageEntry::guestPath).containsExactly(
        "/usr/lib/jvm/java/bin/java", "/usr/lib/jvm/java/lib/libjli.so", "/usr/lib/jvm/java/lib/modules",
        "/usr/lib/jvm/java/lib/server/libjvm.so", "/app/app.jar", "/usr/lib/libz.so.1");
    assertThat(plan.libraries().libraries()).singleElement().satisfies(l -> assertThat(l.neededBy())
        .containsExactly(rt.resolve("bin/java"), rt.resolve("lib/libjli.so")));
    assertThat(plan.libraries().skipped()).extracting(SkippedLibrary::name)
        .containsExactly("libc.so.6", "libm.so.6", "libstdc++.so.6");
  }
}
