package io.osvmaven.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.OsvException;
import io.osvmaven.core.elf.TestElf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryResolverTest {

  @TempDir
  Path sys;

  private final List<String> warnings = new ArrayList<>();
  private final LibraryResolver resolver = new LibraryResolver(new BuildListener() {
    @Override
    public void info(String message) {}

    @Override
    public void warn(String message) {
      warnings.add(message);
    }
  });

  private Path at(String path) {
    return sys.resolve(path);
  }

  private LibraryClosure resolve(LibraryRequest request) {
    return resolver.resolve(request.withSysroot(sys));
  }

  /** app -> libA ($ORIGIN/../lib) -> libB ($ORIGIN) -> libz (system dir, via a symlink). */
  private Path appTree() throws IOException {
    Path app = TestElf.executable().needs("libA.so.1", "libc.so.6").runpath("$ORIGIN/../lib")
        .writeTo(at("opt/app/bin/app"));
    TestElf.library("libA.so.1").needs("libB.so.2", "libm.so.6", "libstdc++.so.6")
        .runpath("$ORIGIN").writeTo(at("opt/app/lib/libA.so.1"));
    TestElf.library("libB.so.2").needs("libz.so.1", "ld-linux-x86-64.so.2").rpath("${ORIGIN}")
        .writeTo(at("opt/app/lib/libB.so.2"));
    TestElf.library("libz.so.1").needs("libc.so.6")
        .writeTo(at("usr/lib/x86_64-linux-gnu/libz.so.1.2.13"));
    Files.createSymbolicLink(at("usr/lib/x86_64-linux-gnu/libz.so.1"), Path.of("libz.so.1.2.13"));
    return app;
  }

  @Test
  void closureFollowsOriginRunpathsAndSkipsWhatOsvProvides() throws IOException {
    Path app = appTree();

    LibraryClosure closure = resolve(LibraryRequest.of(List.of(app)));

    assertThat(closure.libraries()).containsExactly(
        new ResolvedLibrary("libA.so.1", "/usr/lib/libA.so.1", at("opt/app/lib/libA.so.1").toRealPath(),
            List.of(app)),
        new ResolvedLibrary("libB.so.2", "/usr/lib/libB.so.2", at("opt/app/lib/libB.so.2").toRealPath(),
            List.of(at("opt/app/lib/libA.so.1"))),
        new ResolvedLibrary("libz.so.1", "/usr/lib/libz.so.1",
            at("usr/lib/x86_64-linux-gnu/libz.so.1.2.13").toRealPath(),
            List.of(at("opt/app/lib/libB.so.2"))));
    assertThat(closure.skipped()).extracting(SkippedLibrary::name)
        .containsExactly("ld-linux-x86-64.so.2", "libc.so.6", "libm.so.6", "libstdc++.so.6");
    assertThat(closure.skipped().get(1).neededBy())
        .containsExactly(app, at("usr/lib/x86_64-linux-gnu/libz.so.1"));
    assertThat(closure.skipped()).allMatch(s -> s.reason() == SkippedLibrary.Reason.PROVIDED_BY_OSV);
    assertThat(closure.manifestLines()).first()
        .isEqualTo("/usr/lib/libA.so.1: " + at("opt/app/lib/libA.so.1").toRealPath());
  }

  @Test
  void hiddenSymbolsMeanLibstdcxxMustComeFromTheHost() throws IOException {
    Path app = appTree();
    assertThatThrownBy(() -> resolve(LibraryRequest.of(List.of(app)).withHideSymbols(true)))
        .isInstanceOf(OsvException.class).hasMessageContaining("libstdc++.so.6 needed by "
            + at("opt/app/lib/libA.so.1"));

    TestElf.library("libstdc++.so.6").writeTo(at("usr/lib/libstdc++.so.6"));
    LibraryClosure closure = resolve(LibraryRequest.of(List.of(app)).withHideSymbols(true));
    assertThat(closure.libraries()).extracting(ResolvedLibrary::guestPath).containsExactly(
        "/usr/lib/libA.so.1", "/usr/lib/libB.so.2", "/usr/lib/libstdc++.so.6", "/usr/lib/libz.so.1");
  }

  @Test
  void missingLibrariesAreListedWithWhoNeedsThem() throws IOException {
    Path app = TestElf.executable().needs("libgone.so.1", "libA.so.1").runpath("$ORIGIN")
        .writeTo(at("opt/x/app"));
    Path tool = TestElf.executable().needs("libgone.so.1").writeTo(at("opt/x/tool"));
    TestElf.library("libA.so.1").needs("libmissing.so.3").writeTo(at("opt/x/libA.so.1"));

    assertThatThrownBy(() -> resolve(LibraryRequest.of(List.of(app, tool))))
        .isInstanceOf(OsvException.class)
        .hasMessageContaining("\n  libgone.so.1 needed by " + app + ", " + tool + "\n"
            + "  libmissing.so.3 needed by " + at("opt/x/libA.so.1"))
        .satisfies(e -> assertThat(((OsvException) e).hint()).isPresent());
  }

  @Test
  void excludedLibrariesAreNotSearched() throws IOException {
    Path app = TestElf.executable().needs("libgone.so.1").writeTo(at("opt/x/app"));
    LibraryClosure closure = resolve(LibraryRequest.of(List.of(app)).withExcluded(List.of("libgone.so.1")));
    assertThat(closure.libraries()).isEmpty();
    assertThat(closure.skipped()).containsExactly(
        new SkippedLibrary("libgone.so.1", SkippedLibrary.Reason.EXCLUDED, List.of(app)));
  }

  /** Two copies of libX.so.1, told apart by their SONAME-independent location. */
  private void twoCopies() throws IOException {
    TestElf.library("libX.so.1").writeTo(at("opt/r/libX.so.1"));
    TestElf.library("libX.so.1").writeTo(at("opt/run/libX.so.1"));
    TestElf.library("libX.so.1").writeTo(at("opt/extra/libX.so.1"));
    TestElf.library("libX.so.1").writeTo(at("usr/lib/libX.so.1"));
  }

  private Path hostOf(LibraryClosure c) {
    return c.libraries().get(0).hostPath();
  }

  @Test
  void searchOrderRpathExtraRunpathSystem() throws IOException {
    twoCopies();
    Path extra = at("opt/extra").toRealPath();
    Path rpathOnly = TestElf.executable().needs("libX.so.1").rpath("/opt/r").writeTo(at("a1"));
    Path both = TestElf.executable().needs("libX.so.1").rpath("/opt/r").runpath("/opt/run")
        .writeTo(at("a2"));
    Path runpathOnly = TestElf.executable().needs("libX.so.1").runpath("/opt/run").writeTo(at("a3"));
    Path none = TestElf.executable().needs("libX.so.1").writeTo(at("a4"));

    assertThat(hostOf(resolve(LibraryRequest.of(List.of(rpathOnly)).withExtraSearchDirectories(List.of(extra)))))
        .isEqualTo(at("opt/r/libX.so.1").toRealPath());
    assertThat(hostOf(resolve(LibraryRequest.of(List.of(both)).withExtraSearchDirectories(List.of(extra)))))
        .isEqualTo(extra.resolve("libX.so.1"));
    assertThat(hostOf(resolve(LibraryRequest.of(List.of(both)))))
        .isEqualTo(at("opt/run/libX.so.1").toRealPath());
    assertThat(hostOf(resolve(LibraryRequest.of(List.of(runpathOnly)))))
        .isEqualTo(at("opt/run/libX.so.1").toRealPath());
    assertThat(hostOf(resolve(LibraryRequest.of(List.of(none)))))
        .isEqualTo(at("usr/lib/libX.so.1").toRealPath());
  }

  @Test
  void rpathIsInheritedByDependenciesWithoutRunpath() throws IOException {
    TestElf.library("libY.so.1").writeTo(at("opt/r/libY.so.1"));
    TestElf.library("libP.so.1").needs("libY.so.1").writeTo(at("usr/lib/libP.so.1"));
    TestElf.library("libQ.so.1").needs("libY.so.1").runpath("/nowhere").writeTo(at("usr/lib/libQ.so.1"));
    Path viaP = TestElf.executable().needs("libP.so.1").rpath("/opt/r").writeTo(at("b1"));
    Path viaQ = TestElf.executable().needs("libQ.so.1").rpath("/opt/r").writeTo(at("b2"));

    assertThat(resolve(LibraryRequest.of(List.of(viaP))).libraries())
        .extracting(ResolvedLibrary::name).containsExactly("libP.so.1", "libY.so.1");
    assertThatThrownBy(() -> resolve(LibraryRequest.of(List.of(viaQ))))
        .isInstanceOf(OsvException.class).hasMessageContaining("libY.so.1 needed by "
            + at("usr/lib/libQ.so.1"));
  }

  @Test
  void candidatesOfAnotherMachineOrNotElfArePassedOver() throws IOException {
    TestElf.library("libW.so").machine(TestElf.EM_AARCH64).writeTo(at("opt/1/libW.so"));
    Files.createDirectories(at("opt/2"));
    Files.writeString(at("opt/2/libW.so"), "/* GNU ld script */ INPUT(libW.so.1)\n");
    TestElf.library("libW.so").writeTo(at("opt/3/libW.so"));
    Path app = TestElf.executable().needs("libW.so").runpath("/opt/1:/opt/2:/opt/3").writeTo(at("c"));

    assertThat(hostOf(resolve(LibraryRequest.of(List.of(app))))).isEqualTo(at("opt/3/libW.so").toRealPath());
  }

  @Test
  void librariesInsideTheImageAreFollowedButNotCopied() throws IOException {
    Path rt = at("rt");
    Path java = TestElf.executable().needs("libjli.so", "libz.so.1").rpath("$ORIGIN/../lib")
        .writeTo(rt.resolve("bin/java"));
    Path jli = TestElf.library("libjli.so").needs("libc.so.6").rpath("$ORIGIN")
        .writeTo(rt.resolve("lib/libjli.so"));
    // libjvm.so is in lib/server, not on libjava's RPATH: only its SONAME (as a root) finds it
    Path libjava = TestElf.library("libjava.so").needs("libjvm.so").rpath("$ORIGIN")
        .writeTo(rt.resolve("lib/libjava.so"));
    Path jvm = TestElf.library("libjvm.so").needs("libstdc++.so.6", "libz.so.1")
        .writeTo(rt.resolve("lib/server/libjvm.so"));
    TestElf.library("libz.so.1").writeTo(at("lib/x86_64-linux-gnu/libz.so.1"));

    LibraryClosure closure = resolve(LibraryRequest.of(List.of(java, libjava, jli, jvm))
        .withImageDirectories(List.of(rt)));

    assertThat(closure.libraries()).containsExactly(new ResolvedLibrary("libz.so.1",
        "/usr/lib/libz.so.1", at("lib/x86_64-linux-gnu/libz.so.1").toRealPath(), List.of(java, jvm)));
  }

  @Test
  void unsupportedTokensAndRelativeEntriesAreWarnedAbout() throws IOException {
    TestElf.library("libV.so.1").writeTo(at("usr/lib/libV.so.1"));
    Path app = TestElf.executable().needs("libV.so.1").runpath("$PLATFORM/x:rel/dir")
        .writeTo(at("d"));
    assertThat(resolve(LibraryRequest.of(List.of(app))).libraries()).hasSize(1);
    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(0)).contains("$PLATFORM/x");
    assertThat(warnings.get(1)).contains("rel/dir");
  }

  @Test
  void rootThatIsNotElfIsAnError() throws IOException {
    Path script = Files.writeString(at("run.sh"), "#!/bin/sh\n");
    assertThatThrownBy(() -> resolve(LibraryRequest.of(List.of(script))))
        .isInstanceOf(OsvException.class).hasMessageContaining("run.sh");
  }
}
