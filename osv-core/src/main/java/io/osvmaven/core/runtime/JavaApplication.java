package io.osvmaven.core.runtime;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.OsvException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code runtime=java} puts into an image: the linked runtime, the application jars, the
 * host libraries the runtime's native code needs, and the command line.
 *
 * @param commandLine the OSv command line, quoted
 * @param entries runtime files (sorted), application jar and dependencies (class path order), then
 *     host libraries (sorted by guest path)
 * @param libraries the library resolution, for reports
 */
public record JavaApplication(String commandLine, List<ImageEntry> entries, LibraryClosure libraries) {

  public JavaApplication {
    entries = List.copyOf(entries);
  }

  /**
   * Plans the image contents.
   *
   * @param libraries normally {@code runtime.libraryRequest()}, with the caller's hide-symbols,
   *     exclusions and extra library directories
   */
  public static JavaApplication plan(JavaCommandLine command, JavaRuntime runtime,
      LibraryRequest libraries, BuildListener listener) {
    LibraryClosure closure = new LibraryResolver(listener).resolve(libraries);
    List<ImageEntry> entries = new ArrayList<>(command.imageEntries(runtime.home()));
    Map<String, ImageEntry> byGuest = new HashMap<>();
    entries.forEach(e -> byGuest.put(e.guestPath(), e));
    for (ResolvedLibrary lib : closure.libraries()) {
      ImageEntry entry = ImageEntry.file(lib.guestPath(), lib.hostPath());
      ImageEntry previous = byGuest.putIfAbsent(entry.guestPath(), entry);
      if (previous != null) {
        throw new OsvException("host library " + lib.hostPath() + " and " + previous.manifestLine()
            + " would both be " + lib.guestPath(), "move the Java home elsewhere in the image");
      }
      entries.add(entry);
    }
    return new JavaApplication(command.commandLine(), entries, closure);
  }
}
