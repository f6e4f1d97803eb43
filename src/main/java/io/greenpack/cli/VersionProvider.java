package io.greenpack.cli;

import picocli.CommandLine;

/** picocli's --version: greenpack's {@link io.greenpack.util.Version} and the Java it runs on. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    public static String version() {
        return io.greenpack.util.Version.current();
    }

    @Override
    public String[] getVersion() {
        return new String[]{"greenpack " + version(), "Java " + System.getProperty("java.version")};
    }
}
