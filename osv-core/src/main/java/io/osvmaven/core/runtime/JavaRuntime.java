package io.osvmaven.core.runtime;

import io.osvmaven.core.OsvException;
import io.osvmaven.core.elf.ElfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A linked Java runtime in the cache.
 *
 * @param home the runtime directory (holds bin/java, lib/modules, release); do not modify it
 * @param modules the root modules it was linked with, sorted
 * @param javaVersion JAVA_VERSION of the JDK it was linked from
 * @param cacheKey the SHA-256 (hex) naming its cache entry
 * @param reused whether the cache already held it (jlink did not run)
 */
public record JavaRuntime(Path home, List<String> modules, String javaVersion, String cacheKey,
    boolean reused) {

  public JavaRuntime {
    modules = List.copyOf(modules);
  }

  /** Every ELF file of the runtime (bin/java, lib/*.so, lib/server/libjvm.so, ...), sorted by path. */
  public List<Path> elfFiles() {
    try (Stream<Path> files = Files.walk(home)) {
      return files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
          .filter(ElfFile::isElf)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new OsvException("cannot list " + home + ": " + e.getMessage(), null, e);
    }
  }

  /**
   * The request for the host libraries this runtime's native code needs (e.g. libz.so.1 for
   * bin/java): all its ELF files as roots, the runtime itself counted as part of the image.
   */
  public LibraryRequest libraryRequest() {
    return LibraryRequest.of(elfFiles()).withImageDirectories(List.of(home));
  }
}
