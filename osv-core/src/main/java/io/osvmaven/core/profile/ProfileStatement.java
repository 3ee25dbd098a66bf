package io.osvmaven.core.profile;

/** One meaningful line of a profile file. */
public sealed interface ProfileStatement permits Assignment, Include {

  Origin origin();
}
