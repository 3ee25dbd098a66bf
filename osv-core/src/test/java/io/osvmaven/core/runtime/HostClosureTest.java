package io.osvmaven.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.elf.ElfFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The closure of real host binaries, checked against glibc's own {@code ldd}. */
class HostClosureTest {

  private static final Pattern LDD_LINE = Pattern.compile("^\\s*(\\S+) => (/\\S+) \\(");

  /** name -> resolved path, for the lines of {@code ldd file} that found something. */
  private static Map<String, Path> ldd(Path file) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("ldd", file.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    Map<String, Path> found = new HashMap<>();
    for (String line : out.split("\n")) {
      Matcher m = LDD_LINE.matcher(line);
      if (m.find()) {
        found.put(m.group(1), Path.of(m.group(2)).toRealPath());
      }
    }
    return found;
  }

  @Test
  void jdkClosureAgreesWithLdd() throws Exception {
    Path javaHome = Path.of(System.getProperty("java.home")).toRealPath();
    List<Path> roots;
    try (Stream<Path> files = Files.walk(javaHome.resolve("lib"))) {
      roots = Stream.concat(Stream.of(javaHome.resolve("bin/java")),
          files.filter(f -> f.toString().endsWith(".so") && Files.isRegularFile(f)).sorted())
          .toList();
    }
    ProvidedLibraries provided = ProvidedLibraries.builtIn();

    LibraryClosure closure = new LibraryResolver(BuildListener.NONE)
        .resolve(LibraryRequest.of(roots).withImageDirectories(List.of(javaHome)));

    for (ResolvedLibrary lib : closure.libraries()) {
      assertThat(lib.hostPath().startsWith(javaHome)).as("%s inside the JDK", lib).isFalse();
      assertThat(provided.isProvided(lib.name(), false)).isFalse();
      for (Path needer : lib.neededBy()) {
        assertThat(ldd(needer)).as("ldd %s", needer).containsEntry(lib.name(), lib.hostPath());
      }
    }
    // every direct dependency ldd finds outside the JDK, and that OSv lacks, is in the closure
    for (Path root : List.of(javaHome.resolve("bin/java"), javaHome.resolve("lib/libzip.so"),
        javaHome.resolve("lib/server/libjvm.so"))) {
      Map<String, Path> found = ldd(root);
      for (String name : ElfFile.read(root).needed()) {
        Path host = found.get(name);
        if (host != null && !host.startsWith(javaHome) && !provided.isProvided(name, false)) {
          assertThat(closure.libraries()).as("%s of %s", name, root)
              .anyMatch(l -> l.name().equals(name) && l.hostPath().equals(host));
        }
      }
    }
    assertThat(closure.skipped()).extracting(SkippedLibrary::name).contains("libc.so.6");
  }

  @Test
  void lsNeedsNothingOsvLacks() throws Exception {
    Path ls = Path.of("/bin/ls");
    LibraryClosure closure = new LibraryResolver(BuildListener.NONE).resolve(LibraryRequest.of(List.of(ls)));
    Map<String, Path> found = ldd(ls);
    ProvidedLibraries provided = ProvidedLibraries.builtIn();
    for (String name : ElfFile.read(ls).needed()) {
      if (provided.isProvided(name, false)) {
        assertThat(closure.skipped()).extracting(SkippedLibrary::name).contains(name);
      } else {
        assertThat(closure.libraries()).anyMatch(l -> l.name().equals(name)
            && l.hostPath().equals(found.get(name)));
      }
    }
  }
}
