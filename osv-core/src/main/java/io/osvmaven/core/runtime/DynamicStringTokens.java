package io.osvmaven.core.runtime;

import io.osvmaven.core.elf.ElfClass;
import io.osvmaven.core.elf.ElfMachine;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Expands the dynamic string tokens ld.so allows in DT_RPATH and DT_RUNPATH. */
final class DynamicStringTokens {

  private static final Pattern TOKEN = Pattern.compile("\\$(\\{(\\w+)\\}|(\\w+))");

  private DynamicStringTokens() {}

  static boolean usesOrigin(String entry) {
    Matcher m = TOKEN.matcher(entry);
    while (m.find()) {
      if ("ORIGIN".equals(name(m))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The entry with {@code $ORIGIN} replaced by {@code origin} and {@code $LIB} by the library
   * directory Debian's glibc uses for the architecture ({@code lib/x86_64-linux-gnu}); null if it holds
   * another token ({@code $PLATFORM} depends on the CPU that runs the program, unknown here).
   */
  static String expand(String entry, Path origin, ElfMachine machine, ElfClass elfClass) {
    Matcher m = TOKEN.matcher(entry);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = switch (name(m)) {
        case "ORIGIN" -> origin.toString();
        case "LIB" -> machine.multiarchTriple() != null ? "lib/" + machine.multiarchTriple()
            : elfClass == ElfClass.ELF64 ? "lib64" : "lib";
        default -> null;
      };
      if (value == null) {
        return null;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String name(Matcher m) {
    return m.group(2) != null ? m.group(2) : m.group(3);
  }
}
