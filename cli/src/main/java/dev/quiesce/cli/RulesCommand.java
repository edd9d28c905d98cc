package dev.quiesce.cli;

import dev.quiesce.check.CheckRegistry;
import dev.quiesce.model.Rule;
import dev.quiesce.model.RulePack;
import java.io.PrintWriter;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code quiesce rules}: what the loaded rule packs hold. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Show the rule packs.",
        subcommands = {RulesCommand.ListRules.class})
final class RulesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the rules of the loaded packs.")
    static final class ListRules implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        RuleOptions rules;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<RulePack> packs = rules.load(CheckRegistry.standard());
            for (RulePack pack : packs) {
                out.printf("%s %s  %s  (%s, sha256 %s)%n", pack.id(), pack.version(), pack.title(), pack.source(),
                        pack.sha256().substring(0, 12));
                for (Rule rule : pack.rules()) {
                    out.printf("  %-10s %-8s %-18s %-10s %s%n", rule.id(), rule.severity().label(), rule.check().type(),
                            rule.roles().isEmpty() ? "all" : String.join(",", new TreeSet<>(rule.roles())), rule.title());
                }
            }
            return ExitCode.OK.code;
        }
    }
}
