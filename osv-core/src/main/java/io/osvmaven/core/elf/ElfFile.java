package io.osvmaven.core.elf;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the dynamic linker needs to know about an ELF file: its kind, its interpreter and its dynamic
 * section. Read with {@link #read(Path)}, which only reads the headers and the few bytes they point to.
 *
 * @param path the file that was read, as given
 * @param elfClass 32 or 64 bit
 * @param byteOrder little or big endian
 * @param type object type (EXEC, DYN, ...)
 * @param machineCode raw e_machine, see {@link #machine()}
 * @param interpreter the PT_INTERP path (e.g. {@code /lib64/ld-linux-x86-64.so.2}), if any
 * @param needed the DT_NEEDED names, in the file's order
 * @param soname DT_SONAME, if any
 * @param rpath DT_RPATH as written (colon-separated, may contain {@code $ORIGIN}), if any
 * @param runpath DT_RUNPATH as written, if any
 * @param dynamic whether the file has a PT_DYNAMIC segment (statically linked files have none)
 */
public record ElfFile(
    Path path,
    ElfClass elfClass,
    ByteOrder byteOrder,
    ElfType type,
    int machineCode,
    Optional<String> interpreter,
    List<String> needed,
    Optional<String> soname,
    Optional<String> rpath,
    Optional<String> runpath,
    boolean dynamic) {

  public ElfFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(elfClass, "elfClass");
    Objects.requireNonNull(byteOrder, "byteOrder");
    Objects.requireNonNull(type, "type");
    needed = List.copyOf(needed);
  }

  /**
   * Reads the ELF headers and dynamic section of {@code file}.
   *
   * @throws io.osvmaven.core.OsvException if the file cannot be read, is not ELF, or is truncated or
   *     corrupt (the message names the file and what is wrong)
   */
  public static ElfFile read(Path file) {
    return ElfReader.read(file);
  }

  /** Whether {@code file} is a regular file starting with the ELF magic; reads 4 bytes. */
  public static boolean isElf(Path file) {
    return ElfReader.hasMagic(file);
  }

  public ElfMachine machine() {
    return ElfMachine.of(machineCode);
  }

  /** A shared library proper: a DYN object without an interpreter (PIE executables have one). */
  public boolean isSharedLibrary() {
    return type == ElfType.DYN && interpreter.isEmpty();
  }

  /** An executable, position-dependent (EXEC) or position-independent (DYN with an interpreter). */
  public boolean isExecutable() {
    return type == ElfType.EXEC || type == ElfType.DYN && interpreter.isPresent();
  }

  /** The DT_RPATH directories, unexpanded; empty when there is no DT_RPATH. */
  public List<String> rpathDirectories() {
    return split(rpath);
  }

  /** The DT_RUNPATH directories, unexpanded; empty when there is no DT_RUNPATH. */
  public List<String> runpathDirectories() {
    return split(runpath);
  }

  /** Whether another object could be loaded next to this one: same class, byte order and machine. */
  public boolean isCompatibleWith(ElfFile other) {
    return elfClass == other.elfClass && byteOrder.equals(other.byteOrder)
        && machineCode == other.machineCode;
  }

  private static List<String> split(Optional<String> path) {
    // ld.so ignores empty elements of a search path
    return path.map(p -> Arrays.stream(p.split(":")).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
  }
}
