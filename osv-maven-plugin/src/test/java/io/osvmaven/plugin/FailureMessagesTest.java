package io.osvmaven.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osvmaven.core.OsvException;
import io.osvmaven.core.profile.ProfileException;
import java.io.File;
import org.junit.jupiter.api.Test;

/** Build failures name the POM element the user has to fix, whichever goal reports them. */
class FailureMessagesTest {

  @Test
  void profileErrorsNameTheirElement() {
    ResolveProfileMojo mojo = new ResolveProfileMojo();
    assertThat(mojo.failureMessage(new ProfileException(ProfileException.Subject.PROFILE,
        "unknown drivers profile 'virtio-pc' for x64", "did you mean virtio-pci?")))
        .isEqualTo("<driversProfile>: unknown drivers profile 'virtio-pc' for x64\n  hint: did you mean virtio-pci?");
    assertThat(mojo.failureMessage(new ProfileException(ProfileException.Subject.EXCLUDES, "x", null)))
        .isEqualTo("<excludes>: x");
    // a syntax error in a user profile names <profileFile> when one is configured, else <driversProfile>
    ProfileException inFile = new ProfileException(ProfileException.Subject.PROFILE_FILE, "a.mk:3: bad", null);
    assertThat(mojo.failureMessage(inFile)).startsWith("<driversProfile>: ");
    mojo.profileFile = new File("a.mk");
    assertThat(mojo.failureMessage(inFile)).startsWith("<profileFile>: ");
  }

  @Test
  void xenErrorsReplaceTheEngineSettingWithTheElement() {
    XenToolsMojo mojo = new XenToolsMojo();
    assertThat(mojo.failureMessage(new OsvException("preset: unknown preset 'minimum'", "did you mean 'minimal'?")))
        .isEqualTo("<xenPreset>: unknown preset 'minimum'\n  hint: did you mean 'minimal'?");
    assertThat(mojo.failureMessage(new OsvException("arch: unknown architecture 'riscv'")))
        .isEqualTo("<xenArch>: unknown architecture 'riscv'");
    assertThat(mojo.failureMessage(new PomElementException("<xenVersion>", "bad", null)))
        .isEqualTo("<xenVersion>: bad");
    assertThat(mojo.failureMessage(new OsvException("a.mk:3: something else"))).isEqualTo("a.mk:3: something else");
  }

  @Test
  void elementLabelsEngineErrorsAndKeepsLabelledOnes() {
    assertThatThrownBy(() -> AbstractOsvMojo.element("<memory>", () -> {
      throw new OsvException("memory must look like 512M or 1G, got 'lots'");
    })).isInstanceOfSatisfying(PomElementException.class, e -> assertThat(new RunMojo().failureMessage(e))
        .isEqualTo("<memory>: memory must look like 512M or 1G, got 'lots'"));
    assertThatThrownBy(() -> AbstractOsvMojo.element("<outer>", () -> {
      throw new PomElementException("<inner>", "x", null);
    })).isInstanceOfSatisfying(PomElementException.class, e -> assertThat(e.element()).isEqualTo("<inner>"));
  }
}
