package dev.quiesce.rules;

import dev.quiesce.config.Location;
import dev.quiesce.config.MappingReader;
import dev.quiesce.config.Problems;
import dev.quiesce.config.YamlNode;
import dev.quiesce.config.YamlReader;
import dev.quiesce.model.CheckSignature;
import dev.quiesce.model.CheckSpec;
import dev.quiesce.model.EditDistance;
import dev.quiesce.model.ParameterSpec;
import dev.quiesce.model.QuiesceException;
import dev.quiesce.model.Sha256;
import dev.quiesce.model.Remediation;
import dev.quiesce.model.Rule;
import dev.quiesce.model.RulePack;
import dev.quiesce.model.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Loads rule packs strictly: unknown keys, wrong types, bad enum values, unknown check types, parameters
 * a check does not accept and rule ids used twice across the loaded packs are all errors with
 * file:line:column, and every problem of every file is reported together in one
 * {@link QuiesceException}.
 */
public final class RulePackLoader {
    public static final String API_VERSION = "quiesce/v1";
    private static final Set<String> PACK_KEYS = Set.of("apiVersion", "kind", "id", "version", "title",
            "description", "rules");
    private static final Set<String> RULE_KEYS = Set.of("id", "title", "severity", "roles", "tags", "description",
            "rationale", "remediation", "references", "check");
    private static final Set<String> REMEDIATION_KEYS = Set.of("text", "commands");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Map<String, Severity> SEVERITIES = new LinkedHashMap<>();

    static {
        for (Severity s : Severity.values()) {
            SEVERITIES.put(s.label(), s);
        }
    }

    private final Map<String, CheckSignature> signatures;

    public RulePackLoader(Collection<CheckSignature> signatures) {
        this.signatures = new TreeMap<>();
        signatures.forEach(s -> this.signatures.put(s.type(), s));
    }

    /** Loads every source; throws once with all problems of all files if any is wrong. */
    public List<RulePack> load(List<RuleSource> sources) {
        Problems problems = new Problems();
        List<RulePack> packs = new ArrayList<>();
        Map<String, Location> ruleIds = new HashMap<>();
        Map<String, Location> packIds = new HashMap<>();
        for (RuleSource source : sources) {
            YamlNode root;
            try {
                root = YamlReader.read(source.name(), source.text(), problems);
            } catch (QuiesceException e) {
                if (e.problems().isEmpty()) {
                    throw e;
                }
                e.problems().forEach(p -> problems.add(new Location(p.file(), p.line(), p.column()), p.message()));
                continue;
            }
            pack(source, root, ruleIds, packIds, problems).ifPresent(packs::add);
        }
        problems.throwIfAny();
        return packs;
    }

    private Optional<RulePack> pack(RuleSource source, YamlNode root, Map<String, Location> ruleIds,
                                    Map<String, Location> packIds, Problems problems) {
        return MappingReader.of(root, "a rule pack", PACK_KEYS, problems).flatMap(top -> {
            top.requiredString("apiVersion").filter(v -> !v.equals(API_VERSION)).ifPresent(v -> problems.add(
                    top.node("apiVersion").orElseThrow().location(), "apiVersion is '" + v + "'; this quiesce reads "
                            + API_VERSION));
            top.requiredString("kind").filter(k -> !k.equals("RulePack")).ifPresent(k -> problems.add(
                    top.node("kind").orElseThrow().location(), "kind is '" + k + "'; a rule pack has kind: RulePack"));
            Optional<String> id = top.requiredString("id").filter(i -> validId(i, top.node("id").orElseThrow(),
                    problems));
            id.ifPresent(i -> {
                Location at = top.node("id").orElseThrow().location();
                Location previous = packIds.putIfAbsent(i, at);
                if (previous != null) {
                    problems.add(at, "rule pack id '" + i + "' is also the id of the pack at " + previous
                            + "; give each pack its own id");
                }
            });
            Optional<String> version = top.requiredVersion("version");
            Optional<String> title = top.requiredString("title");
            top.optionalString("description");
            List<Rule> rules = new ArrayList<>();
            for (YamlNode item : top.requiredItems("rules", "the pack", "rule")) {
                rule(item, id.orElse("?"), ruleIds, problems).ifPresent(rules::add);
            }
            if (id.isEmpty() || version.isEmpty() || title.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new RulePack(id.get(), version.get(), title.get(), source.name(),
                    Sha256.hex(source.bytes()), source.text(), rules));
        });
    }

    private Optional<Rule> rule(YamlNode node, String packId, Map<String, Location> ruleIds, Problems problems) {
        return MappingReader.of(node, "a rule", RULE_KEYS, problems).flatMap(r -> {
            Optional<String> id = r.requiredString("id").filter(i -> validId(i, r.node("id").orElseThrow(), problems));
            id.ifPresent(i -> {
                Location at = r.node("id").orElseThrow().location();
                Location previous = ruleIds.putIfAbsent(i, at);
                if (previous != null) {
                    problems.add(at, "rule id '" + i + "' is already used at " + previous + "; rule ids must be "
                            + "unique across all loaded packs");
                }
            });
            Optional<String> title = r.requiredString("title");
            Optional<Severity> severity = r.requiredChoice("severity", SEVERITIES);
            List<String> roles = r.stringList("roles");
            List<String> tags = r.stringList("tags");
            String description = r.optionalString("description").orElse("");
            String rationale = r.optionalString("rationale").orElse("");
            Remediation remediation = remediation(r, problems);
            List<String> references = r.stringList("references");
            if (!r.has("references")) {
                problems.add(r.location(), "the rule has no 'references'; name the source of what it checks "
                        + "(a URL or a document), e.g. references: [\"VMware KB 1006671\"]");
            } else if (r.node("references").get() instanceof YamlNode.Sequence s && s.items().isEmpty()) {
                problems.add(s.location(), "'references' is an empty list; name at least one source of what the "
                        + "rule checks (a URL or a document)");
            }
            Optional<CheckSpec> check = r.node("check").isEmpty() ? missingCheck(r, problems)
                    : check(r.node("check").get(), problems);
            if (id.isEmpty() || title.isEmpty() || severity.isEmpty() || check.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Rule(id.get(), packId, title.get(), severity.get(), Set.copyOf(roles), tags,
                    description, rationale, remediation, references, check.get()));
        });
    }

    private static Optional<CheckSpec> missingCheck(MappingReader rule, Problems problems) {
        problems.add(rule.location(), "the rule has no 'check'; add check: {type: ..., <parameters>}");
        return Optional.empty();
    }

    private static Remediation remediation(MappingReader rule, Problems problems) {
        Optional<YamlNode> node = rule.node("remediation");
        if (node.isEmpty()) {
            return new Remediation("", List.of());
        }
        if (node.get() instanceof YamlNode.Scalar) {
            return new Remediation(rule.optionalString("remediation").orElse(""), List.of());
        }
        return MappingReader.of(node.get(), "'remediation'", REMEDIATION_KEYS, problems)
                .map(m -> new Remediation(m.optionalString("text").orElse(""), m.stringList("commands")))
                .orElse(new Remediation("", List.of()));
    }

    private Optional<CheckSpec> check(YamlNode node, Problems problems) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            problems.add(node.location(), "'check' must be a mapping such as {type: file, paths: [...]}, not "
                    + node.describe());
            return Optional.empty();
        }
        YamlNode.Entry typeEntry = mapping.entries().get("type");
        if (typeEntry == null) {
            problems.add(node.location(), "'check' has no 'type'; use one of: " + String.join(", ", signatures.keySet()));
            return Optional.empty();
        }
        if (!(typeEntry.value() instanceof YamlNode.Scalar s) || s.type() != YamlNode.Scalar.Type.STRING) {
            problems.add(typeEntry.value().location(), "'type' must be the name of a check type, not "
                    + typeEntry.value().describe());
            return Optional.empty();
        }
        CheckSignature signature = signatures.get(s.text());
        if (signature == null) {
            String hint = EditDistance.suggestion(s.text(), signatures.keySet()).map(h -> "did you mean '" + h + "'? ")
                    .orElse("");
            problems.add(typeEntry.value().location(), "unknown check type '" + s.text() + "'; " + hint
                    + "known types: " + String.join(", ", signatures.keySet()));
            return Optional.empty();
        }
        return parameters(signature, mapping, problems).map(p -> new CheckSpec(signature.type(), p));
    }

    private static Optional<Map<String, Object>> parameters(CheckSignature signature, YamlNode.Mapping mapping,
                                                            Problems problems) {
        Map<String, ParameterSpec> specs = new LinkedHashMap<>();
        signature.parameters().forEach(p -> specs.put(p.name(), p));
        Map<String, Object> values = new LinkedHashMap<>();
        boolean ok = true;
        for (YamlNode.Entry entry : mapping.entries().values()) {
            if (entry.key().equals("type")) {
                continue;
            }
            ParameterSpec spec = specs.get(entry.key());
            if (spec == null) {
                String hint = EditDistance.suggestion(entry.key(), specs.keySet())
                        .map(h -> "did you mean '" + h + "'? ").orElse("");
                problems.add(entry.keyLocation(), "check type '" + signature.type() + "' has no parameter '"
                        + entry.key() + "'; " + hint + "its parameters: " + String.join(", ", specs.keySet()));
                ok = false;
                continue;
            }
            Optional<Object> value = ParameterValidator.validate(spec, entry.value(), problems);
            value.ifPresent(v -> values.put(spec.name(), v));
            ok &= value.isPresent();
        }
        for (ParameterSpec spec : specs.values()) {
            if (spec.required() && !mapping.entries().containsKey(spec.name())) {
                problems.add(mapping.location(), "check type '" + signature.type() + "' needs '" + spec.name()
                        + "' (" + spec.kind().description() + (spec.example().isEmpty() ? "" : ", e.g. "
                        + spec.example()) + ")");
                ok = false;
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        List<String> crossProblems = signature.crossCheck().apply(values);
        crossProblems.forEach(p -> problems.add(mapping.location(), p));
        return crossProblems.isEmpty() ? Optional.of(values) : Optional.empty();
    }

    private static boolean validId(String id, YamlNode node, Problems problems) {
        if (!ID.matcher(id).matches()) {
            problems.add(node.location(), "id '" + id + "' may hold only letters, digits, '.', '_' and '-'");
            return false;
        }
        return true;
    }

}
