package io.osvmaven.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osvmaven.core.OsvException;
import org.junit.jupiter.api.Test;

class ProvidedLibrariesTest {

  private final ProvidedLibraries builtIn = ProvidedLibraries.builtIn();

  @Test
  void theLibrariesOfManifestFromHost() {
    // osv-formats.md 2.7: gcc_s, resolv, c, m, pthread, dl, rt, aio, xenstore, crypt, selinux
    for (String name : new String[] {"libgcc_s.so.1", "libresolv.so.2", "libc.so.6", "libm.so.6",
        "libpthread.so.0", "libdl.so.2", "librt.so.1", "libaio.so.1", "libxenstore.so.3.0",
        "libcrypt.so.1", "libselinux.so.1", "libc.so", "ld-linux-x86-64.so.2",
        "ld-linux-aarch64.so.1"}) {
      assertThat(builtIn.isProvided(name, false)).as(name).isTrue();
      assertThat(builtIn.isProvided(name, true)).as(name).isTrue();
    }
  }

  @Test
  void libstdcxxOnlyWhenSymbolsAreVisible() {
    assertThat(builtIn.isProvided("libstdc++.so.6", false)).isTrue();
    assertThat(builtIn.isProvided("libstdc++.so.6", true)).isFalse();
  }

  @Test
  void similarNamesAreNotProvided() {
    for (String name : new String[] {"libcrypto.so.3", "libz.so.1", "libmagic.so.1", "libcurl.so.4",
        "libc.so.6x", "libxc.so.6", "libjvm.so", "libdl"}) {
      assertThat(builtIn.isProvided(name, false)).as(name).isFalse();
    }
  }

  @Test
  void badRuleNamesItsLine() {
    assertThatThrownBy(() -> ProvidedLibraries.parse("t.txt", "lib c\n# x\nlibrary m\n"))
        .isInstanceOf(OsvException.class).hasMessageContaining("t.txt:3");
  }
}
