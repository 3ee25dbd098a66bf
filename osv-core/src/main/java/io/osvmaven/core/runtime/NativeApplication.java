package io.osvmaven.core.runtime;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.OsvException;
import io.osvmaven.core.elf.ElfFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The image contents for {@code runtime=native}: host binaries and the closure of their shared
 * libraries, placed as {@code scripts/manifest_from_host.sh} places them (osv-formats.md section 2.7):
 * a shared library as {@code /usr/lib/<name>}, an executable (PIE or not) as {@code /<name>}, each
 * from its resolved host path, then the libraries they need as {@code /usr/lib/<name>}.
 *
 * @param entries the image entries: the given files in order, then the libraries sorted by path
 * @param closure the library resolution, for reports
 * @param defaultCommandLine {@code /<name>} of the first executable, if any was given
 */
public record NativeApplication(List<ImageEntry> entries, LibraryClosure closure,
    Optional<String> defaultCommandLine) {

  public NativeApplication {
    entries = List.copyOf(entries);
  }

  /** Plans the image for the roots of {@code request} (the binaries to include). */
  public static NativeApplication plan(LibraryRequest request, BuildListener listener) {
    Map<String, ImageEntry> entries = new LinkedHashMap<>();
    String command = null;
    for (Path file : request.roots()) {
      ElfFile elf = ElfFile.read(file);
      String name = file.getFileName().toString();
      String guest = elf.isSharedLibrary() ? "/usr/lib/" + name : "/" + name;
      if (command == null && !elf.isSharedLibrary()) {
        command = OsvCommandLine.quote(guest);
      }
      // an executable is started by the image, whatever its mode on the host
      put(entries, elf.isSharedLibrary() ? ImageEntry.file(guest, realPath(file))
          : new ImageEntry(guest, realPath(file), null, true));
    }
    LibraryClosure closure = new LibraryResolver(listener).resolve(request);
    for (ResolvedLibrary lib : closure.libraries()) {
      put(entries, ImageEntry.file(lib.guestPath(), lib.hostPath()));
    }
    return new NativeApplication(new ArrayList<>(entries.values()), closure, Optional.ofNullable(command));
  }

  private static void put(Map<String, ImageEntry> entries, ImageEntry entry) {
    ImageEntry previous = entries.putIfAbsent(entry.guestPath(), entry);
    if (previous != null && !previous.hostPath().equals(entry.hostPath())) {
      throw new OsvException("two files would both be " + entry.guestPath() + " in the image: "
          + previous.hostPath() + " and " + entry.hostPath(),
          "include only one of them, or rename one");
    }
  }

  private static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      throw new OsvException("cannot resolve " + p + ": " + e.getMessage(), "check that it exists", e);
    }
  }
}
