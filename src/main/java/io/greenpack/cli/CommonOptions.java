package io.greenpack.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine.Option;

/** Options every command takes. */
public final class CommonOptions {
    public boolean verbose;

    @Option(names = "--verbose", description = "Print stack traces and Spark's warnings and errors.")
    void setVerbose(boolean verbose) {
        this.verbose = verbose;
        if (verbose) {
            Configurator.setRootLevel(Level.WARN);
        }
    }
}
