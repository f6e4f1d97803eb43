package io.greenpack.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public final class CommonOptions {
    @Option(names = "--verbose", description = "Print stack traces and Spark warnings.")
    public boolean verbose;
}
