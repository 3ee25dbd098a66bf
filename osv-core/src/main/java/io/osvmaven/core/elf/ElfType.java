package io.osvmaven.core.elf;

/** The object file type (e_type). PIE executables are {@link #DYN} with an interpreter. */
public enum ElfType {
  NONE,
  REL,
  EXEC,
  DYN,
  CORE,
  OTHER;

  static ElfType of(int code) {
    return switch (code) {
      case 0 -> NONE;
      case 1 -> REL;
      case 2 -> EXEC;
      case 3 -> DYN;
      case 4 -> CORE;
      default -> OTHER;
    };
  }
}
