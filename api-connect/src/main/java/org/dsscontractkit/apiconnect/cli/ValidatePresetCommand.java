package org.dsscontractkit.apiconnect.cli;

import org.dsscontractkit.apiconnect.ApiConnect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "validate-preset", mixinStandardHelpOptions = true,
        description = "Check presets against the JSON Schema and compile everything (templates, paths, auth) without calling the API.")
public final class ValidatePresetCommand implements Callable<Integer> {
    @Mixin CallOptions call;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--columns", split = ",", paramLabel = "NAME", description = "Variables a recipe input will provide.")
    List<String> columns = List.of();

    @Override
    public Integer call() {
        ApiConnect api = call.build(new LinkedHashSet<>(columns));
        spec.commandLine().getOut().println("OK: " + (call.presets.isEmpty() ? "(no preset)" : call.presets) + " -> "
                + api.request().method() + " " + api.request().url().source()
                + ", pagination " + api.pagination().mode().name().toLowerCase());
        return 0;
    }
}
