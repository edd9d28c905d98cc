package dev.quiesce.cli;

import dev.quiesce.check.CheckRegistry;
import dev.quiesce.engine.RulePacks;
import dev.quiesce.model.RulePack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which rule packs a command uses: the built-ins plus --rules, or only --rules. */
final class RuleOptions {
    @Option(names = "--rules", paramLabel = "PATH", arity = "1..*",
            description = "Rule pack file or directory of packs, added to the built-ins (repeatable).")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--no-builtin-rules", description = "Use only the packs given with --rules.")
    boolean noBuiltins;

    List<RulePack> load(CheckRegistry registry) {
        return RulePacks.load(registry, !noBuiltins, rules);
    }
}
