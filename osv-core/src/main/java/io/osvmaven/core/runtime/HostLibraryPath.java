package io.osvmaven.core.runtime;

import io.osvmaven.core.OsvException;
import io.osvmaven.core.elf.ElfClass;
import io.osvmaven.core.elf.ElfMachine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The host's system library directories, in the order the dynamic linker falls back to them: the
 * directories of {@code /etc/ld.so.conf} (and the files it includes, which is what ldconfig caches),
 * then the built-in directories: Debian's multiarch directories, {@code lib64}/{@code lib32}, and
 * {@code /lib}, {@code /usr/lib}. Everything is read below a sysroot, normally {@code /}.
 */
public final class HostLibraryPath {

  private final Path sysroot;
  private final List<Path> directories;

  private HostLibraryPath(Path sysroot, List<Path> directories) {
    this.sysroot = sysroot;
    this.directories = List.copyOf(directories);
  }

  /** The library path of the host, or of the system image below {@code sysroot}, for one ABI. */
  public static HostLibraryPath of(Path sysroot, ElfMachine machine, ElfClass elfClass) {
    Path root = sysroot.toAbsolutePath().normalize();
    Set<Path> dirs = new LinkedHashSet<>();
    readConf(root, inRoot(root, "/etc/ld.so.conf"), dirs, new HashSet<>());
    String triple = machine.multiarchTriple();
    if (triple != null) {
      dirs.add(inRoot(root, "/lib/" + triple));
      dirs.add(inRoot(root, "/usr/lib/" + triple));
    }
    String wordDir = elfClass == ElfClass.ELF64 ? "lib64" : "lib32";
    dirs.add(inRoot(root, "/" + wordDir));
    dirs.add(inRoot(root, "/usr/" + wordDir));
    dirs.add(inRoot(root, "/lib"));
    dirs.add(inRoot(root, "/usr/lib"));
    return new HostLibraryPath(root, new ArrayList<>(dirs));
  }

  public Path sysroot() {
    return sysroot;
  }

  /** The directories in search order, without duplicates; some may not exist. */
  public List<Path> directories() {
    return directories;
  }

  /** Maps an absolute path of the system (as written in ld.so.conf or a RUNPATH) below the sysroot. */
  Path inRoot(String absolute) {
    return inRoot(sysroot, absolute);
  }

  private static Path inRoot(Path root, String absolute) {
    String rel = absolute;
    while (rel.startsWith("/")) {
      rel = rel.substring(1);
    }
    return root.resolve(rel).normalize();
  }

  private static void readConf(Path root, Path conf, Set<Path> dirs, Set<Path> seen) {
    if (!Files.isRegularFile(conf) || !seen.add(conf)) {
      return;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(conf, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new OsvException("cannot read " + conf + ": " + e.getMessage(), "check its permissions", e);
    }
    for (String line : lines) {
      int hash = line.indexOf('#');
      String t = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (t.isEmpty()) {
        continue;
      }
      String[] words = t.split("\\s+");
      if (words[0].equals("include")) {
        for (int i = 1; i < words.length; i++) {
          for (Path included : glob(root, conf, words[i])) {
            readConf(root, included, dirs, seen);
          }
        }
      } else if (words[0].equals("hwcap")) {
        // obsolete ldconfig directive, ignored by current glibc
      } else {
        // current ldconfig takes the whole line as one directory; "dir=TYPE" is an old syntax
        String dir = t.contains("=") ? t.substring(0, t.indexOf('=')).strip() : t;
        if (dir.startsWith("/")) {
          dirs.add(inRoot(root, dir));
        }
      }
    }
  }

  /** Expands an include pattern with wildcards in its last component, sorted like glob(3). */
  private static List<Path> glob(Path root, Path conf, String pattern) {
    Path full = pattern.startsWith("/") ? inRoot(root, pattern) : conf.getParent().resolve(pattern);
    Path dir = full.getParent();
    String name = full.getFileName().toString();
    List<Path> found = new ArrayList<>();
    if (!name.contains("*") && !name.contains("?") && !name.contains("[")) {
      found.add(full);
      return found;
    }
    if (!Files.isDirectory(dir)) {
      return found;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, name)) {
      s.forEach(found::add);
    } catch (IOException e) {
      throw new OsvException("cannot list " + dir + " (included by " + conf + "): " + e.getMessage(),
          "check its permissions", e);
    }
    found.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    return found;
  }
}
