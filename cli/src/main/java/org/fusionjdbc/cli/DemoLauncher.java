package org.fusionjdbc.cli;

import java.io.PrintStream;

/** Starts the embedded emulator for {@code --demo}. */
final class DemoLauncher {
  private DemoLauncher() {
  }

  static Target start(PrintStream err) {
    throw new LaunchOptions.UsageException("--demo needs the emulator (FusionEmulator, DemoCredentials), which this "
        + "build does not contain yet");
  }
}
