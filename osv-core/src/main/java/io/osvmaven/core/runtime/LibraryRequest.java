package io.osvmaven.core.runtime;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@link LibraryResolver} should resolve.
 *
 * @param roots the executables and libraries whose dependencies are wanted, in load order
 * @param extraSearchDirectories searched like {@code LD_LIBRARY_PATH}: after DT_RPATH, before DT_RUNPATH
 * @param sysroot the system whose {@code /etc/ld.so.conf} and library directories are searched
 * @param hideSymbols whether the OSv kernel is built with conf_hide_symbols=1 (then libstdc++ must be
 *     copied into the image)
 * @param excluded DT_NEEDED names never to copy (the user knows the guest does not need them)
 * @param imageDirectories host directories that go into the image as a whole (e.g. a Java runtime);
 *     libraries found below them are already in the image and get no {@code /usr/lib} entry
 */
public record LibraryRequest(
    List<Path> roots,
    List<Path> extraSearchDirectories,
    Path sysroot,
    boolean hideSymbols,
    Set<String> excluded,
    List<Path> imageDirectories) {

  public LibraryRequest {
    roots = List.copyOf(roots);
    extraSearchDirectories = List.copyOf(extraSearchDirectories);
    Objects.requireNonNull(sysroot, "sysroot");
    excluded = Set.copyOf(excluded);
    imageDirectories = List.copyOf(imageDirectories);
  }

  /** Resolves {@code roots} against the running host, with OSv's default kernel (symbols visible). */
  public static LibraryRequest of(List<Path> roots) {
    return new LibraryRequest(roots, List.of(), Path.of("/"), false, Set.of(), List.of());
  }

  public LibraryRequest withExtraSearchDirectories(List<Path> dirs) {
    return new LibraryRequest(roots, dirs, sysroot, hideSymbols, excluded, imageDirectories);
  }

  public LibraryRequest withSysroot(Path root) {
    return new LibraryRequest(roots, extraSearchDirectories, root, hideSymbols, excluded,
        imageDirectories);
  }

  public LibraryRequest withHideSymbols(boolean hide) {
    return new LibraryRequest(roots, extraSearchDirectories, sysroot, hide, excluded,
        imageDirectories);
  }

  public LibraryRequest withExcluded(Collection<String> names) {
    return new LibraryRequest(roots, extraSearchDirectories, sysroot, hideSymbols,
        new TreeSet<>(names), imageDirectories);
  }

  public LibraryRequest withImageDirectories(List<Path> dirs) {
    return new LibraryRequest(roots, extraSearchDirectories, sysroot, hideSymbols, excluded, dirs);
  }
}
