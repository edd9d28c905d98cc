package dev.quiesce.engine;

import dev.quiesce.check.BoundCheck;
import dev.quiesce.model.Rule;

/** A loaded rule with its check bound to the rule's parameters. */
record PlannedRule(Rule rule, BoundCheck<?> check) {}
