package dev.quiesce.engine;

import dev.quiesce.check.CheckRegistry;
import dev.quiesce.model.RulePack;
import dev.quiesce.rules.RulePackLoader;
import dev.quiesce.rules.RuleSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads the rule packs of an audit: the built-ins (unless left out) and the user's, against one registry. */
public final class RulePacks {
    private RulePacks() {}

    public static List<RulePack> load(CheckRegistry registry, boolean builtins, List<Path> extra) {
        List<RuleSource> sources = new ArrayList<>();
        if (builtins) {
            sources.addAll(RuleSource.builtins());
        }
        extra.forEach(path -> sources.addAll(RuleSource.from(path)));
        if (sources.isEmpty()) {
            throw new dev.quiesce.model.QuiesceException("no rule packs to audit with: --no-builtin-rules needs "
                    + "--rules PATH");
        }
        return new RulePackLoader(registry.signatures()).load(sources);
    }
}
