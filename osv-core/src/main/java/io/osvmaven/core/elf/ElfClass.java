package io.osvmaven.core.elf;

/** The word size of an ELF file (EI_CLASS). */
public enum ElfClass {
  ELF32,
  ELF64
}
