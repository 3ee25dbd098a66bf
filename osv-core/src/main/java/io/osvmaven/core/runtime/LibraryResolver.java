package io.osvmaven.core.runtime;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.OsvException;
import io.osvmaven.core.elf.ElfFile;
import io.osvmaven.core.tree.FileTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Computes the shared libraries a set of executables and libraries needs, found the way glibc's dynamic
 * linker would find them on the host, minus what the OSv kernel provides.
 *
 * <p>Search order for a DT_NEEDED name without a slash, needed by object O: if O has no DT_RUNPATH,
 * the DT_RPATH of O, then of the object that loaded O, and so on up to the root (skipping loaders that
 * have a DT_RUNPATH); then the caller's extra directories (the {@code LD_LIBRARY_PATH} slot); then O's
 * DT_RUNPATH; then the host's ld.so.conf and default directories. {@code $ORIGIN} is the directory of
 * the object holding the path (the resolved directory for roots, as the kernel reports the executable
 * by its real path). A name already loaded (by SONAME or by the name that found it) is not searched
 * again. Candidates of another class or machine are passed over, like ld.so does. Libraries OSv
 * provides are skipped and their own dependencies are not followed (OSv's copy has none to copy);
 * unlike {@code manifest_from_host.sh}, which lists lddtree's whole tree, this does not copy e.g. the
 * dependencies of libselinux.
 */
public final class LibraryResolver {

  private final BuildListener listener;
  private final ProvidedLibraries provided;

  public LibraryResolver(BuildListener listener) {
    this(listener, ProvidedLibraries.builtIn());
  }

  LibraryResolver(BuildListener listener, ProvidedLibraries provided) {
    this.listener = listener;
    this.provided = provided;
  }

  /** One loaded object: the path it was found at, its ELF data and who loaded it (null for roots). */
  private record Loaded(Path path, Path realPath, ElfFile elf, Loaded loader) {
    Path origin() {
      return loader == null ? realPath.getParent() : path.toAbsolutePath().normalize().getParent();
    }
  }

  /**
   * Resolves the closure of {@code request.roots()}.
   *
   * @throws OsvException if a root is not ELF or unreadable, or if libraries cannot be found (the
   *     message lists every missing library and the files that need it)
   */
  public LibraryClosure resolve(LibraryRequest request) {
    Map<String, Loaded> byName = new HashMap<>();
    Map<Path, Loaded> byRealPath = new HashMap<>();
    Deque<Loaded> queue = new ArrayDeque<>();
    HostLibraryPath hostPath = null;
    for (Path root : request.roots()) {
      ElfFile elf = ElfFile.read(root);
      Loaded l = new Loaded(root, realPath(root), elf, null);
      if (byRealPath.putIfAbsent(l.realPath, l) == null) {
        elf.soname().ifPresent(s -> byName.putIfAbsent(s, l));
        queue.add(l);
        if (hostPath == null) {
          hostPath = HostLibraryPath.of(request.sysroot(), elf.machine(), elf.elfClass());
        }
      }
    }
    List<Path> imageDirs = request.imageDirectories().stream().map(LibraryResolver::realPath).toList();

    Map<String, Path> entries = new TreeMap<>(FileTree.NAME_ORDER);
    Map<String, Set<Path>> neededBy = new HashMap<>();
    Map<String, SkippedLibrary.Reason> skipped = new TreeMap<>();
    Map<String, Set<Path>> missing = new TreeMap<>();

    while (!queue.isEmpty()) {
      Loaded object = queue.removeFirst();
      for (String name : object.elf.needed()) {
        neededBy.computeIfAbsent(name, k -> new TreeSet<>()).add(object.path);
        if (provided.isProvided(name, request.hideSymbols())) {
          skipped.put(name, SkippedLibrary.Reason.PROVIDED_BY_OSV);
          continue;
        }
        if (request.excluded().contains(name)) {
          skipped.put(name, SkippedLibrary.Reason.EXCLUDED);
          continue;
        }
        if (missing.containsKey(name)) {
          missing.get(name).add(object.path);
          continue;
        }
        if (byName.containsKey(name)) {
          continue;
        }
        Loaded found = find(name, object, request, hostPath);
        if (found == null) {
          missing.computeIfAbsent(name, k -> new TreeSet<>()).add(object.path);
          continue;
        }
        Loaded same = byRealPath.get(found.realPath);
        if (same != null) {
          // another name for an object already loaded (e.g. libfoo.so and libfoo.so.1)
          found = same;
        } else {
          byRealPath.put(found.realPath, found);
          queue.add(found);
        }
        byName.put(name, found);
        Loaded f = found;
        found.elf.soname().ifPresent(s -> byName.putIfAbsent(s, f));
        if (!isBelowAny(found.realPath, imageDirs)) {
          entries.put(name, found.realPath);
        }
        listener.debug(name + " needed by " + object.path + " found at " + found.path);
      }
    }
    if (!missing.isEmpty()) {
      throw missingError(missing, request);
    }
    List<ResolvedLibrary> libraries = new ArrayList<>();
    entries.forEach((name, host) -> libraries.add(
        new ResolvedLibrary(name, "/usr/lib/" + name, host, sorted(neededBy.get(name)))));
    List<SkippedLibrary> skippedList = new ArrayList<>();
    skipped.forEach((name, reason) -> skippedList.add(
        new SkippedLibrary(name, reason, sorted(neededBy.get(name)))));
    return new LibraryClosure(libraries, skippedList);
  }

  private Loaded find(String name, Loaded object, LibraryRequest request, HostLibraryPath hostPath) {
    if (name.contains("/")) {
      // ld.so opens such a name as a path, relative to the process's working directory
      Path p = Path.of(name);
      return p.isAbsolute() ? candidate(hostPath.inRoot(name), object) : null;
    }
    for (Path dir : searchPath(object, request, hostPath)) {
      Loaded l = candidate(dir.resolve(name), object);
      if (l != null) {
        return l;
      }
    }
    return null;
  }

  private Loaded candidate(Path file, Loaded requester) {
    if (!Files.isRegularFile(file) || !ElfFile.isElf(file)) {
      return null;
    }
    ElfFile elf = ElfFile.read(file);
    if (!elf.isCompatibleWith(requester.elf)) {
      listener.debug("skipping " + file + ": " + elf.machine().displayName() + " " + elf.elfClass()
          + ", needed " + requester.elf.machine().displayName() + " " + requester.elf.elfClass());
      return null;
    }
    return new Loaded(file, realPath(file), elf, requester);
  }

  private List<Path> searchPath(Loaded object, LibraryRequest request, HostLibraryPath hostPath) {
    Set<Path> dirs = new LinkedHashSet<>();
    if (object.elf.runpath().isEmpty()) {
      for (Loaded l = object; l != null; l = l.loader) {
        if (l.elf.runpath().isEmpty()) {
          expand(l.elf.rpathDirectories(), l, hostPath, dirs);
        }
      }
    }
    dirs.addAll(request.extraSearchDirectories());
    expand(object.elf.runpathDirectories(), object, hostPath, dirs);
    dirs.addAll(hostPath.directories());
    return new ArrayList<>(dirs);
  }

  private void expand(List<String> entries, Loaded owner, HostLibraryPath hostPath, Set<Path> out) {
    for (String entry : entries) {
      String dir = DynamicStringTokens.expand(entry, owner.origin(), owner.elf.machine(),
          owner.elf.elfClass());
      if (dir == null) {
        listener.warn("ignoring search path entry '" + entry + "' of " + owner.path
            + ": only $ORIGIN and $LIB are supported");
      } else if (DynamicStringTokens.usesOrigin(entry)) {
        out.add(Path.of(dir).normalize());
      } else if (dir.startsWith("/")) {
        out.add(hostPath.inRoot(dir));
      } else {
        listener.warn("ignoring relative search path entry '" + entry + "' of " + owner.path
            + ": it would depend on the working directory");
      }
    }
  }

  private static boolean isBelowAny(Path p, List<Path> dirs) {
    return dirs.stream().anyMatch(p::startsWith);
  }

  private static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      throw new OsvException("cannot resolve " + p + ": " + e.getMessage(), "check that it exists", e);
    }
  }

  private static List<Path> sorted(Set<Path> paths) {
    return paths.stream().sorted(Comparator.comparing(Path::toString)).toList();
  }

  private static OsvException missingError(Map<String, Set<Path>> missing, LibraryRequest request) {
    String list = missing.entrySet().stream()
        .map(e -> "  " + e.getKey() + " needed by " + sorted(e.getValue()).stream()
            .map(Path::toString).collect(Collectors.joining(", ")))
        .collect(Collectors.joining("\n"));
    return new OsvException("shared libraries not found on the host (searched DT_RPATH/DT_RUNPATH, "
        + "the extra library directories and the system directories below " + request.sysroot()
        + "):\n" + list,
        "install the packages that provide them, add their directories to the extra library "
            + "directories, or exclude them if the guest never loads them");
  }
}
