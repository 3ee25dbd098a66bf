package io.osvmaven.core.elf;

/**
 * The target architecture (e_machine). Only the architectures OSv runs on, and their 32-bit siblings
 * found next to them on multiarch hosts, are named; the rest are {@link #OTHER}.
 */
public enum ElfMachine {
  X86_64(62, "x86-64", "x86_64-linux-gnu"),
  AARCH64(183, "aarch64", "aarch64-linux-gnu"),
  I386(3, "i386", "i386-linux-gnu"),
  ARM(40, "arm", "arm-linux-gnueabihf"),
  OTHER(-1, "other", null);

  private final int code;
  private final String displayName;
  private final String multiarchTriple;

  ElfMachine(int code, String displayName, String multiarchTriple) {
    this.code = code;
    this.displayName = displayName;
    this.multiarchTriple = multiarchTriple;
  }

  /** The e_machine value, -1 for {@link #OTHER}. */
  public int code() {
    return code;
  }

  /** The name {@code file(1)} and OSv's scripts use ("x86-64", "aarch64"). */
  public String displayName() {
    return displayName;
  }

  /** Debian's multiarch directory name for this architecture, or null if it has none we know. */
  public String multiarchTriple() {
    return multiarchTriple;
  }

  static ElfMachine of(int code) {
    for (ElfMachine m : values()) {
      if (m.code == code) {
        return m;
      }
    }
    return OTHER;
  }
}
