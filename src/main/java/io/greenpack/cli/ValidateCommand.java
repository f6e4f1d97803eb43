package io.greenpack.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a data directory and print a per-file summary.")
public final class ValidateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--data", description = "Data directory (default: the bundled sample).")
    Path data;

    @Override
    public Integer call() {
        return 0;
    }
}
