package io.osvmaven.core.profile;

import io.osvmaven.core.OsvException;

/**
 * A drivers-profile error. {@link #subject()} tells which input was wrong, so that the Maven plugin can
 * name the POM element and the CLI the option.
 */
public class ProfileException extends OsvException {

  private static final long serialVersionUID = 1L;

  /** The input an error is about. */
  public enum Subject {
    ARCH,
    PROFILE,
    PROFILE_FILE,
    INCLUDES,
    EXCLUDES
  }

  private final Subject subject;

  public ProfileException(Subject subject, String message, String hint) {
    super(message, hint);
    this.subject = subject;
  }

  public Subject subject() {
    return subject;
  }
}
